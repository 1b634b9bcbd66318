// math: compute-bound kernels, where WebAssembly is expected to pay most: an integer sieve, a float
// escape-time loop, and a float matrix product over typed arrays (which also crosses the boundary).
import * as defaultTwins from '../../crate/twins/index.ts';
import { doubles } from './inputs.ts';
import { type BenchContext, type BenchSuite, pair } from './types.ts';

export const mathSuite: BenchSuite = {
  name: 'math',
  measures: 'integer and float kernels: prime sieve, Mandelbrot, matrix product',
  pairs: ({ crate, sizes, twins: twin = defaultTwins }: BenchContext) => {
    const { width, height, maxIter } = sizes.mandelbrot;
    const n = sizes.matmulN;
    return [
      pair<number>({
        id: 'math.sieve',
        title: `integer: primes ≤ ${sizes.sieveLimit} by sieve (sieveCount)`,
        kind: 'wasm-vs-js',
        setup: () => sizes.sieveLimit,
        measured: { label: 'WASM', run: (limit) => crate.sieveCount(limit) },
        reference: { label: 'JS', run: (limit) => twin.sieveCount(limit) },
        native: 'math/sieve',
      }),
      pair<null>({
        id: 'math.mandelbrot',
        title: `float: Mandelbrot ${width}×${height}, ≤ ${maxIter} iterations`,
        kind: 'wasm-vs-js',
        setup: () => null,
        measured: { label: 'WASM', run: () => crate.mandelbrot(width, height, maxIter) },
        reference: { label: 'JS', run: () => twin.mandelbrot(width, height, maxIter) },
        native: 'math/mandelbrot',
      }),
      pair<{ a: Float64Array; b: Float64Array }>({
        id: 'math.matmul',
        title: `float: ${n}×${n} matrix product over Float64Array (matmul)`,
        kind: 'wasm-vs-js',
        setup: () => ({ a: doubles(n * n, 1), b: doubles(n * n, 2) }),
        measured: { label: 'WASM', run: ({ a, b }) => crate.matmul(a, b, n) },
        reference: { label: 'JS', run: ({ a, b }) => twin.matmul(a, b, n) },
        native: 'math/matmul',
      }),
    ];
  },
};
