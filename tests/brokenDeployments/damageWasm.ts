// Damage done to a .wasm on its way to users, for the broken-deployment fixtures: an upload cut
// short, and bytes overwritten in place (a faulty proxy, disk or "optimizing" CDN). Both keep the
// file's name, so only its content (SHA-256) and the compiler can tell.

/** The first half of the file: still starts with the wasm magic, ends mid-section. */
export function truncate(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.slice(0, Math.floor(bytes.byteLength / 2));
}

function readLeb128(bytes: Uint8Array, offset: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  let at = offset;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error(`LEB128 runs past the end at ${offset}`);
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return { value, next: at };
  }
}

/** Where the code section's body is (section id 10; WebAssembly core spec, 5.5.13). */
export function codeSection(bytes: Uint8Array): { start: number; end: number } {
  let at = 8; // magic and version
  while (at < bytes.byteLength) {
    const id = bytes[at]!;
    const { value: size, next } = readLeb128(bytes, at + 1);
    if (id === 10) return { start: next, end: next + size };
    at = next + size;
  }
  throw new Error('no code section');
}

/** Same size, same header; 64 bytes in the middle of the code are overwritten with 0xFF, which is
 * no opcode, so validation fails with a CompileError wherever it lands in a function body. */
export function corruptCode(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { start, end } = codeSection(bytes);
  const copy = bytes.slice();
  const from = start + Math.floor((end - start) / 2);
  copy.fill(0xff, from, Math.min(from + 64, end));
  return copy;
}
