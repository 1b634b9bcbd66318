// Writes file.br and file.gz beside every compressible file of the build, at the highest levels:
// compressing once at build time costs nothing per request, and nginx's brotli_static/gzip_static
// (deploy/nginx.conf) and the preview server (servePrecompressed.ts) serve these copies as they are.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotli, gzip } from '../build/wasmSizes.ts';
import { COMPRESSIBLE } from '../deploy/headerPolicy.ts';

/** Below this, compression saves less than the response headers it adds (nginx's *_min_length too). */
export const MIN_COMPRESS_BYTES = 256;

/** Precompresses `path` when it is worth it; returns the copies written. */
export function precompress(path: string): string[] {
  if (!COMPRESSIBLE.test(path) || statSync(path).size < MIN_COMPRESS_BYTES) return [];
  const data = readFileSync(path);
  writeFileSync(`${path}.gz`, gzip(data));
  writeFileSync(`${path}.br`, brotli(data));
  return [`${path}.gz`, `${path}.br`];
}
