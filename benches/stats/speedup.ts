// The speedup of a pair and its uncertainty. tinybench gives each side's mean and its relative
// margin of error (rme: the 95% confidence half-width over the mean, in percent). For a ratio of
// two independent means, first-order error propagation adds relative errors in quadrature:
//   S = mean_reference / mean_measured,   rme_S = sqrt(rme_measured² + rme_reference²).
// Like tinybench's own rme, this covers sampling noise within a run, not run-to-run drift.
import type { Speedup } from '../report/schema.ts';

export interface MeanWithError {
  mean: number;
  /** percent */
  rme: number;
}

/** reference / measured (for WASM-vs-JS pairs: JS time / WASM time, > 1 when WASM is faster). */
export function speedupOf(measured: MeanWithError, reference: MeanWithError): Speedup | null {
  if (!(measured.mean > 0) || !(reference.mean > 0) || !Number.isFinite(measured.rme) || !Number.isFinite(reference.rme)) return null;
  const value = reference.mean / measured.mean;
  const rme = Math.hypot(measured.rme, reference.rme);
  return { value, rme, uncertainty: (value * rme) / 100 };
}

/** The ratio of two speedups (one run's over the run it is compared with) with its relative uncertainty, percent. */
export function ratioOf(current: Speedup, reference: Speedup): { value: number; rme: number } {
  return { value: current.value / reference.value, rme: Math.hypot(current.rme, reference.rme) };
}
