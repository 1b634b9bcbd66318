// Which text responses went out without compression, from Lighthouse's network records: scripts,
// stylesheets, documents, JSON, SVG and WebAssembly of 1,400 bytes or more (Lighthouse 12's own
// threshold in uses-text-compression) that came over the network with no Content-Encoding.
// Lighthouse 13 dropped uses-text-compression (its document-latency insight checks the document
// only), so the budget "nothing text-like goes out uncompressed" rests on this, in both versions.
// Plain data in, plain data out.
import { header, type WasmNetworkRecord } from './wasmTransfer.ts';

export const MIN_COMPRESSIBLE_BYTES = 1400;

const TEXT_TYPES = /^(text\/|application\/(javascript|json|manifest\+json|xml|wasm)|image\/svg\+xml)/;

export interface UncompressedResponse {
  url: string;
  mimeType: string;
  transferSize: number;
  resourceSize: number;
}

export function uncompressedText(records: readonly WasmNetworkRecord[]): UncompressedResponse[] {
  return records
    .filter((r) => TEXT_TYPES.test(r.mimeType) && r.statusCode === 200 && !r.fromMemoryCache && !r.fromDiskCache && r.resourceSize >= MIN_COMPRESSIBLE_BYTES)
    .filter((r) => (header(r, 'content-encoding')?.trim().toLowerCase() || 'identity') === 'identity')
    .map((r) => ({ url: r.url, mimeType: r.mimeType, transferSize: r.transferSize, resourceSize: r.resourceSize }));
}
