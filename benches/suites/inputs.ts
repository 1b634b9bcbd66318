// The benchmarks' inputs: sizes from benches/inputs.json (shared with the native criterion bench)
// and deterministic generators that crate/benches/kernels.rs repeats in Rust, so WASM, JS and
// native code work on the very same values. No randomness: a run is reproducible.
import sizesJson from '../inputs.json' with { type: 'json' };

export interface BenchSizes {
  sieveLimit: number;
  mandelbrot: { width: number; height: number; maxIter: number };
  matmulN: number;
  textWords: number;
  records: number;
  arrayLength: number;
  allocBytes: number;
  blockBytes: number;
  growth: { steps: number; maximumPages: number };
}

const { $comment: _comment, ...sizes } = sizesJson;
/** The sizes `npm run bench` uses. */
export const defaultSizes: BenchSizes = sizes;

/** Small sizes for the unit tests: the same code paths, a fraction of the work. */
export const smallSizes: BenchSizes = {
  sieveLimit: 1000,
  mandelbrot: { width: 8, height: 6, maxIter: 20 },
  matmulN: 5,
  textWords: 50,
  records: 7,
  arrayLength: 33,
  allocBytes: 1000,
  blockBytes: 1000,
  growth: { steps: 3, maximumPages: 8 },
};

/** xorshift32 (Marsaglia): the same stream in Rust with wrapping u32 arithmetic. */
export function xorshift32(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** `n` doubles in [-1000, 1000], the generator tests/unit/crate.test.ts uses too. */
export function doubles(n: number, seed: number): Float64Array {
  const next = xorshift32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (next() / 0xffffffff - 0.5) * 2000;
  return out;
}

// Words from every UTF-8 length class (1–4 bytes, astral included) and separators that JS's \s
// and Unicode White_Space agree on, plus U+00A0 and U+2003 that a naive splitter would miss.
const WORDS = ['wasm', 'rust', 'crab', '🦀', 'héllo', 'wörld', '日本語', 'テキスト', 'naïve', '𝄞', 'data', 'x'];
const SEPARATORS = [' ', ' ', ' ', '\u00A0', '\n', '\u2003', '  '];

/** `words` words with mixed separators: the strings suite's input. */
export function benchText(words: number, seed = 7): string {
  const next = xorshift32(seed);
  let out = '';
  for (let i = 0; i < words; i++) {
    const x = next();
    out += WORDS[x % WORDS.length]! + SEPARATORS[(x >>> 8) % SEPARATORS.length]!;
  }
  return out;
}
