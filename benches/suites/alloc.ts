// alloc: allocating and touching memory. In WASM the crate's allocator (dlmalloc, counted) hands
// out linear memory; in JS a typed array comes from the garbage-collected heap.
import * as defaultTwins from '../../crate/twins/index.ts';
import { type BenchContext, type BenchSuite, pair } from './types.ts';

export const allocSuite: BenchSuite = {
  name: 'alloc',
  measures: 'memory allocation: allocate, fill and checksum a buffer; hold a block and free it',
  pairs: ({ crate, sizes, twins: twin = defaultTwins }: BenchContext) => [
    pair<number>({
      id: 'alloc.fillChecksum',
      title: `allocate ${sizes.allocBytes} bytes, fill, checksum: allocFillChecksum`,
      kind: 'wasm-vs-js',
      setup: () => sizes.allocBytes,
      measured: { label: 'WASM', run: (len) => crate.allocFillChecksum(len) },
      reference: { label: 'JS', run: (len) => twin.allocFillChecksum(len) },
      native: 'alloc/fillChecksum',
    }),
    pair<number>({
      id: 'alloc.block',
      title: `hold a ${sizes.blockBytes}-byte block, then free it: new Block(len).free()`,
      kind: 'wasm-vs-js',
      setup: () => sizes.blockBytes,
      measured: {
        label: 'WASM',
        run: (len) => {
          const block = new crate.Block(len);
          const length = block.length;
          block.free();
          return length;
        },
      },
      reference: {
        label: 'JS',
        run: (len) => {
          const block = new twin.Block(len);
          const length = block.length;
          block.free();
          return length;
        },
      },
      native: 'alloc/block',
    }),
  ],
};
