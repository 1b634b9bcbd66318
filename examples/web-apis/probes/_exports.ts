// What the web-apis crate's probes share: the glue's shape as they call it (wasm-pack's .d.ts,
// trimmed to what they use, so the probes typecheck without a build), its known answers, and the
// one rule for telling "this engine lacks the API" from "it is broken".
import type { ProbeOutcome } from '../../../harness/probes/probe.ts';

export interface ByteStreamReport {
  readonly bytes: number;
  readonly reads: number;
  readonly checksum: number;
  readonly largestRead: number;
  free(): void;
}

export interface CloneReport {
  readonly distinct: boolean;
  readonly cycle: boolean;
  readonly sharedIdentity: boolean;
  readonly bytes: boolean;
  readonly mapDate: boolean;
  readonly bigint: boolean;
  readonly errorType: boolean;
  readonly refusesFunction: boolean;
  readonly depth: number;
  free(): void;
}

export interface EncodedImage {
  readonly mimeType: string;
  readonly format: string;
  readonly size: number;
  free(): void;
}

export interface WebApisExports {
  adler32(data: Uint8Array): number;
  sampleText(len: number): Uint8Array;
  sniffImageFormat(bytes: Uint8Array): string;
  compress(format: string, data: Uint8Array): Promise<Uint8Array>;
  decompress(format: string, data: Uint8Array): Promise<Uint8Array>;
  readableStreamFromArray(values: Uint32Array | number[]): Promise<Uint32Array>;
  byteStreamChecksum(total: number, viewSize: number): Promise<ByteStreamReport>;
  postTaskOrder(): Promise<string>;
  offscreenCanvasPixels(width: number, height: number): Uint8Array;
  offscreenCanvasEncode(mime: string): Promise<EncodedImage>;
  structuredCloneGraph(depth: number): CloneReport;
  structuredCloneMaxDepth(limit: number): number;
}

/** Known answers, pinned natively by the crate's `cargo test` (src/data.rs, probe_known_answers). */
export const SAMPLE_LENGTH = 65_536;
export const SAMPLE_ADLER32 = 0x8050_d7c4;
export const PATTERN_LENGTH = 100_000;
export const PATTERN_ADLER32 = 0x932c_c586;

/** Text compressed outside the browser (Node's zlib), so decompression is checked against an
 * independent encoder, not only against the engine's own compressor. */
export const FIXTURE_TEXT = 'wasm-compat: decompressed by the engine; wasm-compat: decompressed by the engine; wasm-compat: decompressed by the engine\n';

/** An error's "Name: message". */
export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** The crate's way of saying the engine lacks an API (src/js.rs, not_supported). */
export function isNotSupported(error: unknown): boolean {
  return error instanceof Error && error.name === 'NotSupportedError';
}

/** A global the engine may not define, read without a ReferenceError. */
export function globalValue(name: string): unknown {
  return (globalThis as Record<string, unknown>)[name];
}

/** Milliseconds a call took, with its result. */
export async function timed<T>(call: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await call();
  return [value, performance.now() - start];
}

/**
 * The outcome of a call into the crate that threw: 'unsupported' only when the crate says the
 * engine lacks the API and the probe's own check (`apiPresent`) agrees; the crate saying "missing"
 * while the page sees the API is a contradiction, so a fail, as is any other error.
 */
export function fromError(error: unknown, what: string, apiPresent = true): ProbeOutcome {
  if (isNotSupported(error) && !apiPresent) return { status: 'unsupported', detail: (error as Error).message };
  if (isNotSupported(error)) return { status: 'fail', detail: `${what}: the crate reports the API missing, yet the page sees it (${errorText(error)})` };
  return { status: 'fail', detail: `${what} threw ${errorText(error)}` };
}

/** The same bytes? */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
