// The streaming probe's slow download (harness/streaming/): the generated module sent in timed
// chunks at TRICKLE_BYTES_PER_SECOND, never compressed, so that the bytes on the wire are the
// module's and the pace is the one the probe assumes. Without a trickle, a loopback download is
// over before compilation could overlap it, and the probe could not tell streaming from buffering.
// The Node servers (vite preview and dev) answer it themselves (trickleMiddleware, after the
// serving headers); nginx proxies it, unbuffered, to a trickle server of its own
// (startTrickleServer, nginx/trickleLocation.ts), because its limit_rate lets the first second's
// worth of bytes out at once, which would be the whole module. The trickle server can also stand
// for a proxy that buffers: 'buffered' holds the body for as long as the trickle would take, then
// sends it in one burst (the broken-deployment fixture). Each request's copy carries a custom
// section of its own, first in the module and naming the request's query (the probe's nonce and
// route), so its bytes differ from the file's and from every other load's before the code section:
// an engine that keeps modules by their bytes (V8 does, per process, and skips streaming compilation
// for a stream whose prefix it has seen: harness/streaming/streamingModule.ts) cannot hand one of
// the probe's loads a module compiled from another.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connect } from 'vite';
import { TRICKLE_BYTES_PER_SECOND, TRICKLE_PATH, withLeadingSection } from '../harness/streaming/streamingModule.ts';
import type { RunningServer } from './servers/runningServer.ts';

/** 20 chunks a second: fine enough that compilation sees a steady stream, coarse enough for timers. */
const CHUNKS_PER_SECOND = 20;

export type TrickleMode = 'trickled' | 'buffered';

function sendModule(res: ServerResponse, bytes: Uint8Array, mode: TrickleMode, head: boolean): void {
  res.setHeader('Content-Type', 'application/wasm');
  res.setHeader('Content-Length', String(bytes.byteLength));
  if (head) return void res.end();
  const paceMs = (bytes.byteLength / TRICKLE_BYTES_PER_SECOND) * 1000;
  if (mode === 'buffered') {
    const timer = setTimeout(() => res.end(bytes), paceMs);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  // Headers now, so that Resource Timing's responseStart marks the start of the trickle.
  res.flushHeaders();
  const chunk = Math.ceil(TRICKLE_BYTES_PER_SECOND / CHUNKS_PER_SECOND);
  let offset = 0;
  const timer = setInterval(() => {
    const end = Math.min(offset + chunk, bytes.byteLength);
    res.write(bytes.subarray(offset, end));
    offset = end;
    if (offset >= bytes.byteLength) {
      clearInterval(timer);
      res.end();
    }
  }, 1000 / CHUNKS_PER_SECOND);
  res.on('close', () => clearInterval(timer));
}

/** The copy one request gets: its own leading custom section, named after the request's query. */
const trickledCopy = (module: Uint8Array, url: string | undefined) => {
  const query = (url ?? '').split('?')[1] ?? '';
  return withLeadingSection(module, `wasm-compat: trickled ${query}`);
};

/** `moduleBytes` returns null where the page has no such module (another page's build): the request falls through. */
export function trickleMiddleware(moduleBytes: () => Uint8Array | null): Connect.NextHandleFunction {
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (!path.endsWith(`/${TRICKLE_PATH}`) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const module = moduleBytes();
    if (!module) return next();
    sendModule(res, trickledCopy(module, req.url), 'trickled', req.method === 'HEAD');
  };
}

/** The path a trickle server answers in each mode; anything else is a 404. */
export const TRICKLE_SERVER_PATHS: Record<TrickleMode, string> = { trickled: '/trickled', buffered: '/buffered' };

/** A loopback server that sends `moduleBytes` at the trickle's pace (or held, then at once) on its mode's path. */
export async function startTrickleServer(module: Uint8Array): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const mode = (Object.keys(TRICKLE_SERVER_PATHS) as TrickleMode[]).find((m) => TRICKLE_SERVER_PATHS[m] === path);
    if (!mode || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.statusCode = 404;
      return void res.end();
    }
    sendModule(res, trickledCopy(module, req.url), mode, req.method === 'HEAD');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
