// The shape every benchmark suite has. A suite is a list of pairs; a pair times two ways of doing
// the same work on the same input — the crate's WASM export against its TypeScript twin, or, for
// the loading suites, two routes to a WebAssembly module — after checking both give the same answer.
// Suites import nothing Node-only: the same files run in Node and in the harness's bench page.
import type { BenchSizes } from './inputs.ts';

/** The wasm-pack module (bundler target) as a page or Node loads it, without panic-message wrapping. */
export type CrateModule = typeof import('@bench-pkg/wasm_compat.js');

/** The TypeScript twins (crate/twins/), or another commit's copy of them (the A/B check). */
export type TwinsModule = typeof import('../../crate/twins/index.ts');

/** What the environment hands the suites. */
export interface BenchContext {
  /** The crate, loaded once (vite-plugin-wasm in the page, benches/node/loadRawCrate.ts in Node). */
  crate: CrateModule;
  /** Absolute URL of the crate's .wasm, served over HTTP with Content-Type application/wasm. */
  wasmUrl: string;
  /**
   * The URL of the crate's .wasm with a never-repeated nonce section (benches/suites/wasmNonce.ts),
   * or null where the server cannot add one: then the load suite reuses one URL, and an engine's
   * compiled-module cache may answer instead of its compiler (the report says which).
   */
  noncedWasmUrl: ((nonce: number) => string) | null;
  /** The same .wasm's bytes, fetched once before timing. */
  wasmBytes: Uint8Array<ArrayBuffer>;
  sizes: BenchSizes;
  /** The twins to time against; crate/twins/ when absent (every run but the A/B check's build A). */
  twins?: TwinsModule;
}

export interface BenchSide<I> {
  /** 'WASM', 'JS', or the route's name ('instantiateStreaming', ...). */
  label: string;
  /** One unit of work on the input. May return a promise (loading, compiling): then it is timed awaited. */
  run(input: I): unknown;
  /**
   * `n` units of work in one call, for work so short that the runner's own call to `run` would
   * weigh: a loop of its own keeps the call site monomorphic (call overhead). Must do what `n`
   * calls of `run` do.
   */
  loop?(input: I, n: number): unknown;
}

/**
 * wasm-vs-js: the crate's export against its TypeScript twin (speedup = JS time / WASM time).
 * route: two WebAssembly routes to the same module (speedup = reference time / measured time).
 */
export type PairKind = 'wasm-vs-js' | 'route';

export interface BenchPair<I = unknown> {
  /** Stable id, `<suite>.<name>`: the key that matches a pair across builds (the A/B check), the charts and the native results. */
  id: string;
  title: string;
  kind: PairKind;
  /** Builds the input, untimed. */
  setup(): I | Promise<I>;
  /** The side measured: the crate's WASM export, or the route under test. Its row carries the speedup. */
  measured: BenchSide<I>;
  /** The side it is measured against: the TypeScript twin, or the other route. */
  reference: BenchSide<I>;
  /** Maps a side's output to what is compared (e.g. an Instance to what one of its exports answers). */
  comparable?(output: unknown): unknown | Promise<unknown>;
  /** The criterion benchmark timing the same kernel natively (`<group>/<name>`), if there is one. */
  native?: string;
  /** Per-pair tinybench budget, in ms, when the default does not fit (slow, noisy, async work). */
  time?: number;
  warmupTime?: number;
}

export interface BenchSuite {
  /** 'load', 'call', 'alloc', 'math', 'strings', 'serde', 'growth', 'arrays', 'compile'. */
  name: string;
  /** One sentence: what the suite measures. */
  measures: string;
  pairs(context: BenchContext): BenchPair<never>[];
}

/** Types a pair's sides against its input while the suite's list stays heterogeneous. */
export function pair<I>(p: BenchPair<I>): BenchPair<never> {
  return p as unknown as BenchPair<never>;
}
