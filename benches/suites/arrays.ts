// arrays: Float64Array kernels. wasm-bindgen copies a typed array into linear memory for &[f64]
// and back out for &mut [f64], so the WASM side pays the boundary copy on every call; the JS side
// works in place. Each side has its own arrays, so neither sees the other's results.
import * as defaultTwins from '../../crate/twins/index.ts';
import { doubles } from './inputs.ts';
import { type BenchContext, type BenchSuite, pair } from './types.ts';

interface Scratch {
  values: Float64Array;
  wasm: Float64Array;
  js: Float64Array;
}

export const arraysSuite: BenchSuite = {
  name: 'arrays',
  measures: 'typed-array operations: sum, sort, and an in-place map over Float64Array',
  pairs: ({ crate, sizes, twins: twin = defaultTwins }: BenchContext) => {
    const len = sizes.arrayLength;
    const scratch = (): Scratch => {
      const values = doubles(len, 3);
      return { values, wasm: values.slice(), js: values.slice() };
    };
    return [
      pair<Float64Array>({
        id: 'arrays.sum',
        title: `sum ${len} doubles (sumF64)`,
        kind: 'wasm-vs-js',
        setup: () => doubles(len, 3),
        measured: { label: 'WASM', run: (a) => crate.sumF64(a) },
        reference: { label: 'JS', run: (a) => twin.sumF64(a) },
        native: 'arrays/sum',
      }),
      pair<Scratch>({
        id: 'arrays.sort',
        title: `sort ${len} doubles, from the same unsorted copy each time (sortF64)`,
        kind: 'wasm-vs-js',
        setup: scratch,
        // Restoring the unsorted values is part of each unit of work, on both sides alike.
        measured: {
          label: 'WASM',
          run: (s) => {
            s.wasm.set(s.values);
            crate.sortF64(s.wasm);
            return s.wasm;
          },
        },
        reference: {
          label: 'JS',
          run: (s) => {
            s.js.set(s.values);
            twin.sortF64(s.js);
            return s.js;
          },
        },
        native: 'arrays/sort',
      }),
      pair<Scratch>({
        id: 'arrays.map',
        title: `map x → −x + 0.5 over ${len} doubles in place (scaleOffsetF64)`,
        kind: 'wasm-vs-js',
        setup: scratch,
        // −x + 0.5 applied twice is x again (to rounding): repeated calls keep the values bounded.
        measured: {
          label: 'WASM',
          run: (s) => {
            crate.scaleOffsetF64(s.wasm, -1, 0.5);
            return s.wasm;
          },
        },
        reference: {
          label: 'JS',
          run: (s) => {
            twin.scaleOffsetF64(s.js, -1, 0.5);
            return s.js;
          },
        },
        native: 'arrays/map',
      }),
    ];
  },
};
