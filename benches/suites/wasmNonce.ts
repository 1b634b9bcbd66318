// Makes every compilation of the crate's .wasm see new bytes. V8 keeps compiled modules in a
// process-wide cache keyed by the module's bytes (NativeModuleCache, v8/src/wasm/wasm-engine.cc):
// compiling the same bytes again while a module from them is alive is a lookup, not a compile
// (measured here in Node: 0.07 ms against 2.3 ms for a sync compile). A trailing custom section
// holding a counter changes the bytes and nothing else — engines ignore unknown custom sections.

const NAME = new TextEncoder().encode('wasm-compat-bench-nonce');
const NONCE_BYTES = 4;
/** id 0 (custom), size (one LEB128 byte: payload < 128), name length, name, nonce. */
const SECTION_BYTES = 2 + 1 + NAME.length + NONCE_BYTES;

/** A copy of `wasm` with a nonce section at its end, whose nonce can be rewritten in place. */
export class NoncedWasm {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly #view: DataView;
  readonly #at: number;
  #next = 1;

  constructor(wasm: Uint8Array) {
    this.bytes = new Uint8Array(wasm.length + SECTION_BYTES);
    this.bytes.set(wasm);
    let o = wasm.length;
    this.bytes[o++] = 0;
    this.bytes[o++] = 1 + NAME.length + NONCE_BYTES;
    this.bytes[o++] = NAME.length;
    this.bytes.set(NAME, o);
    this.#at = o + NAME.length;
    this.#view = new DataView(this.bytes.buffer);
  }

  /** Writes a nonce never used before by this object and returns the bytes (the same buffer). */
  fresh(): Uint8Array<ArrayBuffer> {
    this.#view.setUint32(this.#at, this.#next++, true);
    return this.bytes;
  }
}

/** The module's bytes with nonce `n` appended (a new array): what the bench servers send for `?nonce=n`. */
export function withNonce(wasm: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const nonced = new NoncedWasm(wasm);
  new DataView(nonced.bytes.buffer).setUint32(nonced.bytes.length - NONCE_BYTES, n >>> 0, true);
  return nonced.bytes;
}
