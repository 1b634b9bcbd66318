// TypeScript twins of crate/src/memory.rs: the JS way of holding and growing bytes.

export function allocFillChecksum(len: number): number {
  const buffer = new Uint8Array(len);
  for (let i = 0; i < len; i++) buffer[i] = i % 251;
  let acc = 0;
  for (let i = 0; i < len; i++) acc = (Math.imul(acc, 31) + buffer[i]!) >>> 0;
  return acc;
}

let inUse = 0;

/** Bytes held by live twin Blocks (the JS side has no allocator to ask). */
export function bytesInUse(): number {
  return inUse;
}

export class Block {
  #bytes: Uint8Array | null;

  constructor(len: number) {
    this.#bytes = new Uint8Array(len).fill(0xa5);
    inUse += len;
  }

  get length(): number {
    return this.#bytes?.length ?? 0;
  }

  free(): void {
    if (this.#bytes) inUse -= this.#bytes.length;
    this.#bytes = null;
  }
}

export const PAGE_BYTES = 65_536;

/**
 * A growable buffer in 64 KiB pages, like linear memory: a resizable ArrayBuffer.
 * grow() answers the previous page count, or -1 past the maximum, as memory.grow does.
 */
export class PagedBuffer {
  readonly buffer: ArrayBuffer;

  constructor(initialPages: number, maximumPages: number) {
    this.buffer = new ArrayBuffer(initialPages * PAGE_BYTES, { maxByteLength: maximumPages * PAGE_BYTES });
  }

  get pages(): number {
    return this.buffer.byteLength / PAGE_BYTES;
  }

  grow(delta: number): number {
    const before = this.pages;
    const bytes = (before + delta) * PAGE_BYTES;
    if (bytes > this.buffer.maxByteLength) return -1;
    this.buffer.resize(bytes);
    return before;
  }
}
