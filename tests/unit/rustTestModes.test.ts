// The Rust test modes as data (runner/rustTests/rustTestModes.ts), and the check that turns a context
// an engine does not offer into "unsupported" with a source instead of failed tests: in a real
// Chromium, on a page of a real origin, once as it is and once with SharedWorker taken away (as
// Chrome on Android ships it).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import type { EngineInfo } from '../../runner/drivers/driver.ts';
import { PlaywrightDriver } from '../../runner/drivers/playwrightDriver.ts';
import { launchOptions } from '../../runner/engines/engineChoice.ts';
import { resolveEngine } from '../../runner/engines/engineResolution.ts';
import {
  ALL_RUST_TEST_MODES,
  configuredContext,
  contextModes,
  peerModes,
  RUST_TEST_MODES,
  rustTestModes,
  unofferedModes,
} from '../../runner/rustTests/rustTestModes.ts';
import { SETTINGS } from '../../settings/settings.ts';

const choice = resolveEngine('chromium');
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
let origin = '';
let browser: Browser | null = null;

before(async () => {
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  if (choice.kind === 'playwright' || choice.kind === 'system') browser = await chromium.launch(launchOptions(choice, true));
});
after(async () => {
  await browser?.close();
  server.close();
});

const engine = { engine: 'chromium', version: 'test' } as EngineInfo;

async function unoffered(initScript: string | null) {
  const context = await browser!.newContext();
  if (initScript) await context.addInitScript(initScript);
  try {
    return await unofferedModes(new PlaywrightDriver(context, engine), ALL_RUST_TEST_MODES, origin);
  } finally {
    await context.close();
  }
}

test('each mode is a descriptor: the variables that choose it, what it is, and the global it needs', () => {
  assert.deepEqual(ALL_RUST_TEST_MODES, [
    'main thread',
    'dedicated worker',
    'not isolated',
    'shared worker',
    'service worker',
    'dedicated worker not isolated',
    'shared worker not isolated',
    'service worker not isolated',
  ]);
  assert.deepEqual(RUST_TEST_MODES['shared worker not isolated'].env, { WASM_BINDGEN_USE_SHARED_WORKER: '1', WASM_BINDGEN_TEST_NO_ORIGIN_ISOLATION: '1' });
  assert.deepEqual(RUST_TEST_MODES['shared worker'].env, { WASM_BINDGEN_USE_SHARED_WORKER: '1' });
  assert.equal(RUST_TEST_MODES['service worker'].needs?.global, 'ServiceWorkerContainer');
  for (const name of ALL_RUST_TEST_MODES) assert.ok(SETTINGS.rustModes.values.includes(name), `the setting's docs name ${name}`);
});

/** A module of nothing but `__wasm_bindgen_test_unstable` sections holding `payloads`, as wasm_bindgen_test_configure! leaves them. */
function withConfigure(...payloads: number[][]): WebAssembly.Module {
  const name = [...new TextEncoder().encode('__wasm_bindgen_test_unstable')];
  const sections = payloads.flatMap((p) => [0, 1 + name.length + p.length, name.length, ...name, ...p]);
  return new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...sections]));
}

test("a binary's pinned context is read as the runner reads it: none, one, the first of several, or an unknown byte", () => {
  assert.equal(configuredContext(withConfigure()), null);
  assert.equal(configuredContext(withConfigure([0x03]))?.configure, 'run_in_shared_worker');
  // The runner looks for 0x01 first: a dependency's run_in_browser beside the crate's own shared worker wins.
  assert.equal(configuredContext(withConfigure([0x03], [0x01]))?.context, 'main thread');
  assert.throws(() => configuredContext(withConfigure([0x09])), /__wasm_bindgen_test_unstable holds 9: no wasm_bindgen_test_configure! this suite knows/);
});

test("a pinned binary runs only in its context's modes; one the modes leave out, or Node's, runs in none and says why", () => {
  assert.deepEqual(contextModes(null, ALL_RUST_TEST_MODES).modes, ALL_RUST_TEST_MODES, 'not pinned: every mode asked');
  assert.deepEqual(contextModes('run_in_browser', ALL_RUST_TEST_MODES).modes, ['main thread', 'not isolated']);
  assert.deepEqual(contextModes('run_in_service_worker', ALL_RUST_TEST_MODES).modes, ['service worker', 'service worker not isolated']);
  const left = contextModes('run_in_dedicated_worker', ['main thread', 'not isolated']);
  assert.deepEqual(left.modes, []);
  assert.equal(
    left.none,
    'the crate pins these tests with wasm_bindgen_test_configure!(run_in_dedicated_worker) to the dedicated worker (mode dedicated worker or dedicated worker not isolated), which WASM_COMPAT_RUST_MODES (main thread, not isolated) leaves out',
  );
  assert.match(contextModes('run_in_node_experimental', ALL_RUST_TEST_MODES).none!, /run_in_node_experimental\): not a browser's context/);
});

test('unset, the five modes of every context isolated and the page without; `all` adds the workers without; an unknown name is refused', () => {
  assert.deepEqual(rustTestModes({}), ['main thread', 'dedicated worker', 'not isolated', 'shared worker', 'service worker']);
  assert.deepEqual(rustTestModes({ WASM_COMPAT_RUST_MODES: 'all' }), ALL_RUST_TEST_MODES);
  assert.deepEqual(rustTestModes({ WASM_COMPAT_RUST_MODES: 'shared worker not isolated' }), ['shared worker not isolated']);
  assert.throws(() => rustTestModes({ WASM_COMPAT_RUST_MODES: 'shared worker, not isolated, workers' }), /unknown mode workers/);
});

test("the peer's modes: an unpinned binary on the main thread, a pinned one once in its context, none for Node's", () => {
  assert.deepEqual(peerModes([null, null]), ['main thread']);
  assert.deepEqual(peerModes(['run_in_browser', 'run_in_dedicated_worker', 'run_in_shared_worker', 'run_in_service_worker']), [
    'main thread',
    'dedicated worker',
    'shared worker',
    'service worker',
  ]);
  assert.deepEqual(peerModes(['run_in_shared_worker', 'run_in_node_experimental']), ['shared worker']);
});

test('the main-thread modes name the browser: without a variable or a configure!, the runner runs a binary in Node.js', () => {
  for (const m of ALL_RUST_TEST_MODES.filter((m) => RUST_TEST_MODES[m].context === 'main thread'))
    assert.equal(RUST_TEST_MODES[m].env.WASM_BINDGEN_USE_BROWSER, '1', m);
});

test('Chromium offers every context; without SharedWorker, that mode is unsupported with its source and the others still run', async (t) => {
  if (!browser) return t.skip(`no Chromium to run: ${choice.kind === 'missing' ? choice.reason : choice.kind}`);
  assert.deepEqual([...(await unoffered(null))], [], 'every context offered, ServiceWorkerContainer included (the page is a secure origin)');
  const without = await unoffered('delete globalThis.SharedWorker;');
  assert.deepEqual([...without.keys()], ['shared worker', 'shared worker not isolated']);
  assert.match(
    without.get('shared worker')!,
    /^unsupported: chromium test offers no SharedWorker \(checked in a page of http:\/\/127\.0\.0\.1:\d+; https:\/\/developer\.mozilla\.org\/.*SharedWorker/,
  );
});
