// Vite plugin for the bench page's load suite: GET __bench/crate.wasm?nonce=N answers the crate's
// .wasm with a nonce section appended (benches/suites/wasmNonce.ts), so every load compiles bytes
// the engine has not seen — V8 otherwise answers a repeated module from its compiled-module cache.
// Registered after servingHeaders(), whose middleware has set the isolation headers by then.
// Only the dev and preview servers have it; elsewhere (nginx) the page falls back to one URL.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { benchedPkgDir } from '../benchedBuild.ts';
import type { Connect, Plugin } from 'vite';
import { withNonce } from '../suites/wasmNonce.ts';
import { NONCED_WASM_PATH } from './noncedWasmPath.ts';
const WASM_FILE = join(benchedPkgDir(), 'wasm_compat_bg.wasm');

const cache = new Map<string, { mtimeMs: number; bytes: Uint8Array }>();

function wasmBytes(file: string): Uint8Array {
  const { mtimeMs } = statSync(file);
  let entry = cache.get(file);
  if (!entry || entry.mtimeMs !== mtimeMs) cache.set(file, (entry = { mtimeMs, bytes: readFileSync(file) }));
  return entry.bytes;
}

function middleware(files: Readonly<Record<string, string>>): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = Object.keys(files).find((p) => url.pathname.endsWith(`/${p}`));
    if (!path) return next();
    let body: Uint8Array;
    try {
      body = withNonce(wasmBytes(files[path]!), Number(url.searchParams.get('nonce') ?? 0));
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
}

/**
 * `files`: URL path → .wasm file; by default NONCED_WASM_PATH → the benched build's (benches/benchedBuild.ts). The A/B page adds
 * build A's .wasm under a path of its own.
 */
export function noncedWasm(files: Readonly<Record<string, string>> = { [NONCED_WASM_PATH]: WASM_FILE }): Plugin {
  const handle = middleware(files);
  return {
    name: 'wasm-compat:bench-nonced-wasm',
    configureServer: (server) => void server.middlewares.use(handle),
    configurePreviewServer: (server) => void server.middlewares.use(handle),
  };
}
