// The bridge speaks the part of WebDriver that wasm-bindgen-test-runner uses, in the shapes its
// three flavours parse: a new session's id at the top level with status 0 (chromedriver's legacy
// answer) and in value (W3C); navigate and execute/sync go to the project's Driver; closing the
// window ends the runner's session, not the suite's browser; anything else is named as unknown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Driver } from '../../runner/drivers/driver.ts';
import { startWebDriverBridge } from '../../runner/rustTests/webdriverBridge.ts';

function recordingDriver(): { driver: Driver; calls: string[] } {
  const calls: string[] = [];
  const driver = {
    engine: { engine: 'firefox', version: '153.8.0' },
    open: async (url: string) => void calls.push(`open ${url}`),
    // The bridge hands a function and its argument; run it here as a page would.
    evaluate: async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => {
      calls.push('evaluate');
      return fn(arg);
    },
  } as unknown as Driver;
  return { driver, calls };
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, { method, ...(body ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

test("the runner's five calls, in the shapes it parses", async () => {
  const { driver, calls } = recordingDriver();
  const bridge = await startWebDriverBridge(driver);
  try {
    const created = await call(bridge.url, 'POST', '/session', { capabilities: {} });
    const id = created.json.sessionId as string;
    assert.equal(created.status, 200);
    assert.equal(created.json.status, 0);
    assert.equal((created.json.value as { sessionId: string }).sessionId, id);
    const session = await call(bridge.url, 'GET', `/session/${id}`);
    assert.deepEqual((session.json.value as { capabilities: unknown }).capabilities, { browserName: 'firefox', browserVersion: '153.8.0' });
    await call(bridge.url, 'POST', `/session/${id}/url`, { url: 'http://127.0.0.1:1/' });
    const executed = await call(bridge.url, 'POST', `/session/${id}/execute/sync`, {
      script: 'return { chunk: "x".repeat(arguments[0]), next_offset: arguments[0] };',
      args: [3],
    });
    assert.deepEqual(executed.json.value, { chunk: 'xxx', next_offset: 3 });
    assert.equal((await call(bridge.url, 'DELETE', `/session/${id}/window`)).status, 200);
    assert.deepEqual(calls, ['open http://127.0.0.1:1/', 'evaluate']);
    // The session ended with the window; the browser stays the suite's.
    assert.equal((await call(bridge.url, 'POST', `/session/${id}/url`, { url: 'http://x/' })).status, 404);
    const unknown = await call(bridge.url, 'POST', '/session', {}).then(({ json }) => call(bridge.url, 'GET', `/session/${json.sessionId as string}/cookie`));
    assert.equal(unknown.status, 404);
    assert.match((unknown.json.value as { message: string }).message, /GET \/session\/[^/]+\/cookie is not one of the endpoints wasm-bindgen-test-runner uses/);
  } finally {
    await bridge.close();
  }
});
