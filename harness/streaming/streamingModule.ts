// The module the streaming probe downloads: generated, not the subject's, because the effect it
// measures (compilation overlapping the download) needs a module whose compile time is far above
// the timer's resolution (5–20 µs here, 1 ms in some engines) and stays the same whatever the
// subject is. Deterministic bytes, so its SHA-256 is stable and every server serves the same file.
//
// Shape: one type (i32, i32) -> i32, `functions` functions each doing `opsPerFunction` rounds of
// mixing with pseudo-random constants (xorshift32); every function is validated (and compiled, by engines that
// compile eagerly) whether called or not. The constants keep it from compressing to nothing, should anything compress it in transit.

import { section, sleb32, uleb, vector } from '../wasmEncoding.ts';

export const STREAMING_MODULE_FILE = 'stream-probe.wasm';

/** Where the suite's own servers trickle that file (serving/trickle.ts, serving/nginx/trickleLocation.ts), relative to the page. */
export const TRICKLE_PATH = `__wasm-compat/trickle/${STREAMING_MODULE_FILE}`;

/** The query parameter that marks the streaming probe's own look-up of the trickle (a HEAD request):
 * a deployment without the trickle answers it 404, which the page's and the driver's error
 * recorders must not count as the page's error (harness/page/pageStart.ts, runner/drivers/playwrightDriver.ts). */
export const TRICKLE_LOOKUP_PARAM = 'wasm-compat-trickle-lookup';

/** Whether a request is the streaming probe's own look-up of the trickle: exactly a HEAD of the trickle path with the marker. */
export function isTrickleLookup(url: string, method: string): boolean {
  if (method.toUpperCase() !== 'HEAD') return false;
  try {
    const u = new URL(url);
    return u.pathname.endsWith(`/${TRICKLE_PATH}`) && u.searchParams.has(TRICKLE_LOOKUP_PARAM);
  } catch {
    return false;
  }
}

/** The trickle's pace: 5 MiB/s, so the 3.9 MB module takes about 0.75 s to arrive, many times what any engine here needs to compile it. */
export const TRICKLE_BYTES_PER_SECOND = 5 * 1024 * 1024;

export interface StreamingModuleShape {
  functions: number;
  opsPerFunction: number;
}

export const STREAMING_MODULE_SHAPE: StreamingModuleShape = { functions: 4000, opsPerFunction: 40 };

export function streamingModule(shape: StreamingModuleShape = STREAMING_MODULE_SHAPE): Uint8Array<ArrayBuffer> {
  let seed = 0x9e3779b9;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed | 0;
  };
  const I32_CONST = 0x41,
    LOCAL_GET = 0x20,
    LOCAL_SET = 0x21,
    I32_ADD = 0x6a,
    I32_MUL = 0x6c,
    I32_XOR = 0x73,
    I32_ROTL = 0x77,
    END = 0x0b;
  const types = section(1, vector([[0x60, 2, 0x7f, 0x7f, 1, 0x7f]]));
  const funcs = section(3, vector(Array.from({ length: shape.functions }, () => [0])));
  // One export: an instance with thousands of exports costs milliseconds to build, after the last
  // byte whatever the route, which would hide the compile time the probe compares.
  const exports = section(7, vector([[1, 0x66, 0x00, 0]]));
  const bodies = Array.from({ length: shape.functions }, () => {
    const code: number[] = [0]; // no locals beyond the two parameters
    for (let k = 0; k < shape.opsPerFunction; k++) {
      code.push(
        LOCAL_GET,
        0,
        I32_CONST,
        ...sleb32(next()),
        I32_MUL,
        LOCAL_GET,
        1,
        I32_XOR,
        I32_CONST,
        ...sleb32(next() & 31),
        I32_ROTL,
        I32_CONST,
        ...sleb32(next()),
        I32_ADD,
        LOCAL_SET,
        k % 2,
      );
    }
    code.push(LOCAL_GET, 0, LOCAL_GET, 1, I32_ADD, END);
    return [...uleb(code.length), ...code];
  });
  const code = section(10, vector(bodies));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...funcs, ...exports, ...code]);
}

/** The same module with a custom section naming `tag` appended: other wire bytes, so no engine's
 * in-memory cache of modules by their bytes can answer for it (a fresh compile to compare with). */
export function withCustomSection(bytes: Uint8Array, tag: string): Uint8Array<ArrayBuffer> {
  const name = [...new TextEncoder().encode(tag)];
  const extra = section(0, [...uleb(name.length), ...name]);
  const out = new Uint8Array(bytes.byteLength + extra.length);
  out.set(bytes);
  out.set(extra, bytes.byteLength);
  return out;
}

/** The same module with a custom section naming `tag` first, before the type section: other bytes
 * before the code section. V8 keys streaming compilation on a hash of everything before the code
 * section (NativeModuleCache::PrefixHash): a stream whose prefix matches a module it already holds
 * is not compiled while it arrives ("Known prefix, wait until the end of the stream and check the
 * cache", AsyncStreamingProcessor::ProcessCodeSectionHeader), so a copy that differs only at its
 * end is compiled after its last byte. Every load the streaming probe times carries its own prefix. */
export function withLeadingSection(bytes: Uint8Array, tag: string): Uint8Array<ArrayBuffer> {
  const name = [...new TextEncoder().encode(tag)];
  const extra = section(0, [...uleb(name.length), ...name]);
  const out = new Uint8Array(bytes.byteLength + extra.length);
  out.set(bytes.subarray(0, 8));
  out.set(extra, 8);
  out.set(bytes.subarray(8), 8 + extra.length);
  return out;
}
