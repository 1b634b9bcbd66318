// The speedup of a pair and its uncertainty. tinybench gives each side's mean and its relative
// margin of error (rme: the 95% confidence half-width over the mean, in percent). For a ratio of
// two independent means, first-order error propagation adds relative errors in quadrature:
//   S = mean_baseline / mean_subject,   rme_S = sqrt(rme_subject² + rme_baseline²).
// Like tinybench's own rme, this covers sampling noise within a run, not run-to-run drift.
import type { Speedup } from '../report/schema.ts';

export interface MeanWithError {
  mean: number;
  /** percent */
  rme: number;
}

/** baseline / subject (for WASM-vs-JS pairs: JS time / WASM time, > 1 when WASM is faster). */
export function speedupOf(subject: MeanWithError, baseline: MeanWithError): Speedup | null {
  if (!(subject.mean > 0) || !(baseline.mean > 0) || !Number.isFinite(subject.rme) || !Number.isFinite(baseline.rme)) return null;
  const value = baseline.mean / subject.mean;
  const rme = Math.hypot(subject.rme, baseline.rme);
  return { value, rme, uncertainty: (value * rme) / 100 };
}

/** The ratio of two speedups (current / baseline run) with its relative uncertainty, percent. */
export function ratioOf(current: Speedup, reference: Speedup): { value: number; rme: number } {
  return { value: current.value / reference.value, rme: Math.hypot(current.rme, reference.rme) };
}
