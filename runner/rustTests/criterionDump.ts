// What a #[wasm_bindgen_bench] run measured: the file wasm-bindgen-test-runner 0.2.130 writes to
// WASM_BINDGEN_BENCH_RESULT after `--bench` (the page's `__wbgbench_dump()`: wasm-bindgen-test
// 0.3.80's criterion port, rt/criterion/baseline.rs), one entry per `bench_function` id with its
// raw samples and criterion's bootstrap estimates, all in nanoseconds. Read here, not from the
// coloured lines criterion prints: the numbers are the ones criterion computed, unrounded.
import { z } from 'zod';

const estimate = z.object({
  confidence_interval: z.object({ confidence_level: z.number(), lower_bound: z.number(), upper_bound: z.number() }),
  point_estimate: z.number(),
  standard_error: z.number(),
});

const entry = z.object({
  file: z.string().nullable(),
  module_path: z.string().nullable(),
  sample: z.object({ sampling_mode: z.string(), iters: z.array(z.number()), times: z.array(z.number()) }),
  estimates: z.object({ mean: estimate, median: estimate, median_abs_dev: estimate, slope: estimate.nullable(), std_dev: estimate }),
});

const dump = z.record(z.string(), entry);

/** A time criterion estimated, ns per iteration, with its interval. */
export interface EstimateNs {
  point: number;
  low: number;
  high: number;
  /** The interval's confidence (criterion's default: 0.95). */
  confidence: number;
}

/** One `bench_function` as criterion measured it in one engine and context. */
export interface CriterionBenchmark {
  /** The id given to `bench_function` (`checksum/10000`). */
  id: string;
  /** Where the #[wasm_bindgen_bench] function is (`benches/checksum.rs`), when criterion knew it. */
  file: string | null;
  /** `Linear` (iterations grow per sample; `typical` is the regression slope) or `Flat`. */
  samplingMode: string;
  samples: number;
  iterations: number;
  /** criterion's headline: the slope of time over iterations (linear sampling), else the mean. */
  typical: EstimateNs;
  mean: EstimateNs;
  median: EstimateNs;
  stdDevNs: number;
  /** The fastest sample, per iteration: what the A/B check pairs across builds (as the twins' check does). */
  fastestNs: number;
}

const ns = (e: z.infer<typeof estimate>): EstimateNs => ({
  point: e.point_estimate,
  low: e.confidence_interval.lower_bound,
  high: e.confidence_interval.upper_bound,
  confidence: e.confidence_interval.confidence_level,
});

/** The benchmarks in a dump's text, by id; a text that is not such a dump is an error naming `where` and what is wrong. */
export function readCriterionDump(text: string, where: string): CriterionBenchmark[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not JSON (${(error as Error).message}): not a wasm-bindgen-test benchmark result`);
  }
  const checked = dump.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(`${where} is not a wasm-bindgen-test 0.3.80 benchmark result: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return Object.entries(checked.data)
    .map(([id, e]): CriterionBenchmark => {
      const perIteration = e.sample.times.map((t, i) => t / e.sample.iters[i]!).filter((x) => Number.isFinite(x) && x > 0);
      return {
        id,
        file: e.file,
        samplingMode: e.sample.sampling_mode,
        samples: e.sample.times.length,
        iterations: e.sample.iters.reduce((s, n) => s + n, 0),
        typical: ns(e.estimates.slope ?? e.estimates.mean),
        mean: ns(e.estimates.mean),
        median: ns(e.estimates.median),
        stdDevNs: e.estimates.std_dev.point_estimate,
        fastestNs: perIteration.length ? Math.min(...perIteration) : Number.NaN,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
