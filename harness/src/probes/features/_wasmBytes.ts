// A tiny WebAssembly binary writer for the feature probes: LEB128, vectors and sections, just enough
// to write each probe's module beside its WAT without a toolchain in the page. Instructions stay as
// commented opcode bytes in the probe files. Binary format: https://webassembly.github.io/spec/core/binary/

export type Bytes = number[];

export const SECTION = { type: 1, import: 2, function: 3, table: 4, memory: 5, global: 6, export: 7, code: 10, tag: 13 } as const;
export const EXPORT = { func: 0, table: 1, memory: 2, global: 3 } as const;
export const VAL = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b, funcref: 0x70, externref: 0x6f, exnref: 0x69 } as const;

/** Unsigned LEB128 (indices, sizes, counts). */
export function u32(value: number): Bytes {
  const out: Bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

/** Signed LEB128 (i32.const, i64.const immediates). */
export function sleb(value: number | bigint): Bytes {
  let v = BigInt(value);
  const out: Bytes = [];
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** Little-endian bytes of a typed array, for v128.const and f64.const immediates. */
export function le(values: Int32Array | Float32Array | Float64Array): Bytes {
  return Array.from(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

export function str(text: string): Bytes {
  const utf8 = Array.from(new TextEncoder().encode(text));
  return [...u32(utf8.length), ...utf8];
}

export function vec(items: Bytes[]): Bytes {
  return [...u32(items.length), ...items.flat()];
}

/** A section whose content is a vector of entries (every section the probes use is). */
export function section(id: number, entries: Bytes[]): Bytes {
  const content = vec(entries);
  return [id, ...u32(content.length), ...content];
}

/** A value type is one byte, or several for typed references such as (ref null $t) = [0x63, typeidx]. */
type ValType = number | Bytes;
const valTypes = (types: ValType[]): Bytes => vec(types.map((t) => (typeof t === 'number' ? [t] : t)));

export function funcType(params: ValType[], results: ValType[]): Bytes {
  return [0x60, ...valTypes(params), ...valTypes(results)];
}

export function exportOf(name: string, kind: number, index: number): Bytes {
  return [...str(name), kind, ...u32(index)];
}

/** A code-section entry: local declarations as [count, type] pairs, then the instructions; `end` is added. */
export function body(locals: Array<[number, ValType]>, instructions: Bytes): Bytes {
  const declared = vec(locals.map(([count, type]) => [...u32(count), ...(typeof type === 'number' ? [type] : type)]));
  const content = [...declared, ...instructions, 0x0b];
  return [...u32(content.length), ...content];
}

/** Magic, version 1, then the sections in the order given (the caller keeps the binary order). */
export function wasmModule(...sections: Bytes[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...sections.flat()]);
}
