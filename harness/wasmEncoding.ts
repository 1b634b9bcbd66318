// The few pieces of the WebAssembly binary format the generated modules need (the streaming probes'
// module, the sync-compile limit's 9 MiB module): LEB128 integers, sections and vectors.

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export function sleb32(n: number): number[] {
  const out: number[] = [];
  let more = true;
  while (more) {
    let byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) more = false;
    else byte |= 0x80;
    out.push(byte);
  }
  return out;
}

export function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

export function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

/** An unsigned LEB128 integer at `at`, and the offset after it. */
export function readUleb(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error(`LEB128 integer runs past the end of the module (${bytes.length} bytes)`);
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return { value, next: at };
  }
}

/** A module's sections, in order, after its 8-byte header. */
export function readSections(bytes: Uint8Array): Array<{ id: number; payload: Uint8Array }> {
  const out: Array<{ id: number; payload: Uint8Array }> = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at]!;
    const size = readUleb(bytes, at + 1);
    out.push({ id, payload: bytes.subarray(size.next, size.next + size.value) });
    at = size.next + size.value;
  }
  return out;
}
