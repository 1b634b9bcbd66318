// Batching: work that takes less time than the clock can resolve (a 10 ns call against a 5–20 µs
// browser performance.now()) is timed as a loop of n calls between two clock readings, the mean
// per call returned to tinybench as the sample (its overriddenDuration / overriddenIterationCost
// contract). n is chosen so one batch lasts `targetMs`, after a warm-up that lets the JIT finish
// tiering up (calibrating on cold code would pick batches many times too small).
import type { Fn } from 'tinybench';
import type { BenchSide } from '../suites/types.ts';

/** Results are stored here so no engine can prove a call's result unused and drop the call. */
export let sink: unknown;

export function runCalls<I>(side: BenchSide<I>, input: I, n: number): void {
  if (side.loop) {
    sink = side.loop(input, n);
    return;
  }
  for (let i = 0; i < n; i++) sink = side.run(input);
}

function timeCalls<I>(side: BenchSide<I>, input: I, n: number, now: () => number): number {
  const start = now();
  runCalls(side, input, n);
  return now() - start;
}

const WARM_MS = 30;
const MAX_BATCH = 1 << 24;

/** Calls per sample so that one sample lasts about `targetMs` (1 when a single call already does). */
export function calibrateBatch<I>(side: BenchSide<I>, input: I, targetMs: number, now: () => number): number {
  // Warm up for WARM_MS (or until calls are already long), doubling the loop as we go.
  let n = 1;
  let spent = 0;
  while (spent < WARM_MS && n < MAX_BATCH) {
    const t = timeCalls(side, input, n, now);
    spent += t;
    if (t >= WARM_MS / 2) break;
    n *= 2;
  }
  // Then measure the warm cost per call on a loop long enough to read on this clock.
  let t = timeCalls(side, input, n, now);
  while (t < targetMs / 4 && n < MAX_BATCH) {
    n *= 2;
    t = timeCalls(side, input, n, now);
  }
  const perCall = t / n;
  return perCall >= targetMs ? 1 : Math.min(MAX_BATCH, Math.max(1, Math.round(targetMs / Math.max(perCall, 1e-9))));
}

/**
 * The function tinybench times for one side: the awaited call (async work), one call, or a batch
 * of `batch` calls whose mean per call is handed back as the sample.
 */
export function sampleFn<I>(side: BenchSide<I>, input: I, async: boolean, batch: number, now: () => number): Fn {
  if (async) return () => side.run(input);
  if (batch === 1) return () => runCalls(side, input, 1);
  return () => {
    const start = now();
    runCalls(side, input, batch);
    const elapsed = now() - start;
    return { overriddenDuration: elapsed / batch, overriddenIterationCost: elapsed };
  };
}
