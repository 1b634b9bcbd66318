// Vite plugin for the bench page's load suite: GET __bench/crate.wasm?nonce=N answers the crate's
// .wasm with a nonce section appended (benches/suites/wasmNonce.ts), so every load compiles bytes
// the engine has not seen — V8 otherwise answers a repeated module from its compiled-module cache.
// Registered after servingHeaders(), whose middleware has set the isolation headers by then.
// Only the dev and preview servers have it; elsewhere (nginx) the page falls back to one URL.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import { withNonce } from '../suites/wasmNonce.ts';
import { NONCED_WASM_PATH } from './noncedWasmPath.ts';
const WASM_FILE = fileURLToPath(new URL('../../crate/pkg/wasm_compat_bg.wasm', import.meta.url));

let cached: { mtimeMs: number; bytes: Uint8Array } | null = null;

function wasmBytes(): Uint8Array {
  const { mtimeMs } = statSync(WASM_FILE);
  if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, bytes: readFileSync(WASM_FILE) };
  return cached.bytes;
}

const middleware: Connect.NextHandleFunction = (req, res, next) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.endsWith(`/${NONCED_WASM_PATH}`)) return next();
  let body: Uint8Array;
  try {
    body = withNonce(wasmBytes(), Number(url.searchParams.get('nonce') ?? 0));
  } catch (error) {
    res.statusCode = 404;
    res.end(`no crate build: ${(error as Error).message}`);
    return;
  }
  res.setHeader('Content-Type', 'application/wasm');
  res.setHeader('Content-Length', String(body.byteLength));
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
};

export function noncedWasm(): Plugin {
  return {
    name: 'wasm-compat:bench-nonced-wasm',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}
