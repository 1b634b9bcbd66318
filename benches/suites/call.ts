// call: the cost of crossing the JS -> WASM boundary with no work on the other side, against the
// same call to a JS function (which the JIT may inline away entirely: that is the point).
// Each side loops itself so the call site stays monomorphic.
import * as defaultTwins from '../../crate/twins/index.ts';
import { type BenchContext, type BenchSuite, pair } from './types.ts';

export const callSuite: BenchSuite = {
  name: 'call',
  measures: 'call overhead: an empty export, and one taking and returning an i32',
  pairs: ({ crate, twins: twin = defaultTwins }: BenchContext) => [
    pair<null>({
      id: 'call.noop',
      title: 'empty function: noop()',
      kind: 'wasm-vs-js',
      setup: () => null,
      measured: {
        label: 'WASM',
        run: () => crate.noop(),
        loop: (_, n) => {
          const noop = crate.noop;
          for (let i = 0; i < n; i++) noop();
        },
      },
      reference: {
        label: 'JS',
        run: () => twin.noop(),
        loop: (_, n) => {
          const noop = twin.noop;
          for (let i = 0; i < n; i++) noop();
        },
      },
      native: 'call/noop',
    }),
    pair<number>({
      id: 'call.i32',
      title: 'i32 in, i32 out: sieveCount(1)',
      kind: 'wasm-vs-js',
      setup: () => 1,
      measured: {
        label: 'WASM',
        run: (limit) => crate.sieveCount(limit),
        loop: (limit, n) => {
          const sieveCount = crate.sieveCount;
          let sum = 0;
          for (let i = 0; i < n; i++) sum += sieveCount(limit);
          return sum;
        },
      },
      reference: {
        label: 'JS',
        run: (limit) => twin.sieveCount(limit),
        loop: (limit, n) => {
          const sieveCount = twin.sieveCount;
          let sum = 0;
          for (let i = 0; i < n; i++) sum += sieveCount(limit);
          return sum;
        },
      },
      native: 'call/i32',
    }),
  ],
};
