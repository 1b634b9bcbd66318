// Sizes a person or a budget cares about for one .wasm: raw, gzip and brotli at the levels a
// production server would precompress with, and the SHA-256 the suite compares served bytes with.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface WasmSizes {
  bytes: number;
  gzip: number;
  brotli: number;
  sha256: string;
}

export function gzip(data: Uint8Array): Buffer {
  return gzipSync(data, { level: 9 });
}

export function brotli(data: Uint8Array): Buffer {
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
    },
  });
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function measureWasm(path: string): WasmSizes {
  const data = readFileSync(path);
  if (statSync(path).size !== data.byteLength) throw new Error(`${path} changed while being read`);
  return { bytes: data.byteLength, gzip: gzip(data).byteLength, brotli: brotli(data).byteLength, sha256: sha256(data) };
}
