// growth: growing linear memory page by page (WebAssembly.Memory.grow, the operation behind the
// crate's growMemory and every allocation that outgrows the heap) against growing a resizable
// ArrayBuffer (the twin PagedBuffer). Each side writes a byte into every new page: a grow detaches
// the Memory's old buffer, so WASM code re-creates its view, as wasm-bindgen's glue does; a
// length-tracking view over a resizable buffer follows it. A fresh memory per unit of work: the
// crate's own memory only ever grows.
import * as defaultTwins from '../../crate/twins/index.ts';
import { type BenchContext, type BenchSuite, pair } from './types.ts';

const PAGE = 65_536;

export const growthSuite: BenchSuite = {
  name: 'growth',
  measures: 'memory growth: WebAssembly.Memory.grow one page at a time against a resizable ArrayBuffer',
  pairs: ({ sizes, twins = defaultTwins }: BenchContext) => {
    const { PagedBuffer } = twins;
    const { steps, maximumPages } = sizes.growth;
    return [
      pair<null>({
        id: 'growth.pages',
        title: `grow from 1 page to ${steps + 1} pages (max ${maximumPages}), one page per step, writing to each`,
        kind: 'wasm-vs-js',
        setup: () => null,
        measured: {
          label: 'WASM',
          run: () => {
            const memory = new WebAssembly.Memory({ initial: 1, maximum: maximumPages });
            let sum = 0;
            for (let step = 1; step <= steps; step++) {
              const before = memory.grow(1);
              const view = new Uint8Array(memory.buffer);
              view[before * PAGE] = step & 0xff;
              sum += view[before * PAGE]! + before;
            }
            return [memory.buffer.byteLength / PAGE, sum];
          },
        },
        reference: {
          label: 'JS',
          run: () => {
            const buffer = new PagedBuffer(1, maximumPages);
            const view = new Uint8Array(buffer.buffer);
            let sum = 0;
            for (let step = 1; step <= steps; step++) {
              const before = buffer.grow(1);
              view[before * PAGE] = step & 0xff;
              sum += view[before * PAGE]! + before;
            }
            return [buffer.pages, sum];
          },
        },
        // Each unit allocates 4 MiB outside the JS heap: the collections it triggers make a long
        // tail (median ≪ mean), so this pair gets more samples.
        time: 2500,
      }),
    ];
  },
};
