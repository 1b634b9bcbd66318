// A WebDriver endpoint on loopback that answers wasm-bindgen-test-runner through the suite's own
// Driver for one project: the runner still serves its test page, finds, filters and times the tests;
// the browser it drives is whichever engine, device emulation or remote grid the project has.
// The runner uses five endpoints (wasm-bindgen's crates/cli/src/wasm_bindgen_test_runner/headless.rs):
// new session, get session, navigate, execute/sync, delete window. Its flavours expect the new
// session's id at the top level (chromedriver's legacy answer) or in value (W3C): both are given.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from '../drivers/driver.ts';
import { engineDescriptor } from '../engines/registry.ts';

export interface WebDriverBridge {
  /** http://127.0.0.1:<port>, for CHROMEDRIVER_REMOTE / GECKODRIVER_REMOTE / SAFARIDRIVER_REMOTE. */
  url: string;
  /** Every request the runner made, in order ("POST /session", ...), for a failure's report. */
  requests: string[];
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

function reply(response: ServerResponse, status: number, value: unknown, extra: Record<string, unknown> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ ...extra, value }));
}

function error(response: ServerResponse, status: number, code: string, message: string): void {
  reply(response, status, { error: code, message, stacktrace: '' });
}

/** The browserName the runner reads to pick its page style: the engine's own name (its descriptor's). */
function browserName(driver: Driver): string {
  return engineDescriptor(driver.engine.engine).webdriverBrowserName;
}

export async function startWebDriverBridge(driver: Driver): Promise<WebDriverBridge> {
  let session: string | null = null;
  const requests: string[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const path = (request.url ?? '/').replace(/\/+$/, '');
      requests.push(`${request.method} ${path}`);
      try {
        if (request.method === 'POST' && path === '/session') {
          await body(request);
          session = randomUUID();
          const capabilities = { browserName: browserName(driver), browserVersion: driver.engine.version };
          // status 0 and a top-level sessionId: chromedriver's legacy answer, which the Chrome flavour parses.
          reply(response, 200, { sessionId: session, capabilities }, { sessionId: session, status: 0 });
          return;
        }
        const match = /^\/session\/([^/]+)(\/.*)?$/.exec(path);
        if (!match || match[1] !== session) {
          error(response, 404, 'invalid session id', `no session ${match?.[1] ?? ''} here (the bridge has ${session ?? 'none'})`);
          return;
        }
        const rest = match[2] ?? '';
        if (request.method === 'GET' && rest === '') {
          reply(response, 200, { capabilities: { browserName: browserName(driver), browserVersion: driver.engine.version } });
        } else if (request.method === 'POST' && rest === '/url') {
          const { url } = (await body(request)) as { url?: string };
          if (!url) return error(response, 400, 'invalid argument', 'no url');
          await driver.open(url, { throttleNetwork: false });
          reply(response, 200, null);
        } else if (request.method === 'POST' && rest === '/execute/sync') {
          const { script, args } = (await body(request)) as { script?: string; args?: unknown[] };
          if (typeof script !== 'string') return error(response, 400, 'invalid argument', 'no script');
          // WebDriver's script is a function body that reads `arguments`.
          const value = await driver.evaluate(({ script, args }) => new Function(script).apply(null, args) as unknown, { script, args: args ?? [] });
          reply(response, 200, value ?? null);
        } else if (request.method === 'DELETE' && rest === '/window') {
          // The project's browser belongs to the suite: closing the runner's window ends its session only.
          session = null;
          reply(response, 200, []);
        } else {
          error(response, 404, 'unknown command', `${request.method} ${path} is not one of the endpoints wasm-bindgen-test-runner uses`);
        }
      } catch (e) {
        error(response, 500, 'javascript error', (e as Error).message);
      }
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
