// What the page's WebAssembly cost on the wire, from Lighthouse's network records: every response
// for a .wasm (by URL or by the application/wasm type), its transfer size, its decoded size and its
// Content-Encoding. Lighthouse has no resource type for WebAssembly (a streamed module is a "Fetch"),
// so neither total-byte-weight nor resource-summary can say what the module alone weighs or whether
// it was compressed; wasmTransferAudit.ts puts this into the report so budgets can assert on it.
// Plain data in, plain data out: unit-tested without a browser.

/** The parts of a Lighthouse NetworkRequest this module reads. */
export interface WasmNetworkRecord {
  url: string;
  mimeType: string;
  statusCode: number;
  transferSize: number;
  resourceSize: number;
  fromMemoryCache: boolean;
  fromDiskCache: boolean;
  responseHeaders: ReadonlyArray<{ name: string; value: string }>;
}

export interface WasmResponse {
  url: string;
  /** Bytes on the wire, headers included; 0 when the browser answered from its cache. */
  transferSize: number;
  /** Bytes after decoding (the module itself). */
  resourceSize: number;
  /** The Content-Encoding (br, gzip, …), or "identity" when none was sent. */
  encoding: string;
  statusCode: number;
  /** "network", "memory cache", "disk cache" or "revalidated" (a 304: only headers crossed). */
  source: string;
}

export interface WasmTransfer {
  /** Every .wasm response, in request order. */
  responses: WasmResponse[];
  /** Bytes on the wire to fetch each distinct module once (its largest download): what a site pays
   * for its WebAssembly, and the audit's numericValue that budgets bound. */
  moduleTransferBytes: number;
  /** Bytes on the wire for every .wasm response together. Higher when a page fetches a module again
   * past the cache (the harness's serving probes do, on purpose); total-byte-weight counts these. */
  totalTransferBytes: number;
}

function isWasm(record: WasmNetworkRecord): boolean {
  const path = record.url.split(/[?#]/, 1)[0] ?? '';
  return path.endsWith('.wasm') || record.mimeType === 'application/wasm';
}

export function header(record: WasmNetworkRecord, name: string): string | undefined {
  return record.responseHeaders.find((h) => h.name.toLowerCase() === name)?.value;
}

function source(record: WasmNetworkRecord): string {
  if (record.fromMemoryCache) return 'memory cache';
  if (record.fromDiskCache) return 'disk cache';
  if (record.statusCode === 304) return 'revalidated';
  return 'network';
}

export function wasmTransfer(records: readonly WasmNetworkRecord[]): WasmTransfer {
  const responses = records.filter(isWasm).map(
    (r): WasmResponse => ({
      url: r.url,
      transferSize: r.transferSize,
      resourceSize: r.resourceSize,
      encoding: header(r, 'content-encoding')?.trim().toLowerCase() || 'identity',
      statusCode: r.statusCode,
      source: source(r),
    }),
  );
  const largestPerUrl = new Map<string, number>();
  for (const r of responses) largestPerUrl.set(r.url, Math.max(largestPerUrl.get(r.url) ?? 0, r.transferSize));
  return {
    responses,
    moduleTransferBytes: [...largestPerUrl.values()].reduce((sum, n) => sum + n, 0),
    totalTransferBytes: responses.reduce((sum, r) => sum + r.transferSize, 0),
  };
}

/** The response that carried the module: the largest one that came over the network with a body. */
export function primaryWasmResponse(responses: readonly WasmResponse[]): WasmResponse | null {
  const downloads = responses.filter((r) => r.source === 'network' && r.statusCode === 200);
  const pool = downloads.length ? downloads : responses;
  return pool.reduce<WasmResponse | null>((best, r) => (!best || r.transferSize > best.transferSize ? r : best), null);
}
