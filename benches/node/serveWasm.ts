// A loopback HTTP server for the load suite in Node, which needs the .wasm over HTTP (fetch has
// no file: URLs): GET /crate.wasm answers the crate's bytes as application/wasm, and
// /crate.wasm?nonce=N the bytes with a nonce section, so each load compiles new bytes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withNonce } from '../suites/wasmNonce.ts';

export interface WasmServer {
  url: string;
  noncedUrl(nonce: number): string;
  close(): Promise<void>;
}

export async function serveWasm(wasm: Uint8Array): Promise<WasmServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/crate.wasm') {
      res.writeHead(404).end();
      return;
    }
    const nonce = url.searchParams.get('nonce');
    const body = nonce === null ? wasm : withNonce(wasm, Number(nonce));
    res.writeHead(200, { 'Content-Type': 'application/wasm', 'Content-Length': body.byteLength, 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/crate.wasm`;
  return {
    url,
    noncedUrl: (nonce) => `${url}?nonce=${nonce}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
