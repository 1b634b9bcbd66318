// One build's turn in one round of a task: a short tinybench run of that build's side, batched as
// the ordinary runs batch it (benches/run/batching.ts), summarised by its fastest sample. Other
// load on the machine only ever adds time to a sample — a context switch, a collection, a
// frequency drop — and on two oversubscribed cores it adds it to most samples of a turn, so even
// the median wanders; the fastest sample (a batch of calls, ≥ 0.5 ms, not one lucky call) is what
// the code costs when nothing interrupts it. Measured here at load average 6–8: with medians 17 of
// 20 tasks stayed unsure after 110 s; with minima 18 of 20 resolved, 2–7 times narrower.
import { Bench } from 'tinybench';
import { sampleFn } from '../run/batching.ts';
import { sideStatsOf } from '../run/sideStats.ts';
import type { BenchSide } from '../suites/types.ts';

/** Samples per turn at least, however short the turn's time: the fastest of fewer is left to chance. */
export const TURN_MIN_SAMPLES = 16;

export interface TurnPlan<I> {
  name: string;
  side: BenchSide<I>;
  input: I;
  async: boolean;
  /** Calls per sample (1: tinybench times each call). */
  batch: number;
  /** tinybench's time for the turn, ms. */
  timeMs: number;
  /** A clock for tinybench (tests pass a fake one). */
  now?: () => number;
}

/** The turn's fastest time per call, ms. `warm`: let tinybench warm up first (a task's first turn). */
export async function sampleTurn<I>(plan: TurnPlan<I>, warm: boolean): Promise<number> {
  const bench = new Bench({
    name: plan.name,
    time: plan.timeMs,
    iterations: TURN_MIN_SAMPLES,
    warmup: warm,
    warmupTime: plan.timeMs,
    throws: false,
    ...(plan.now ? { now: plan.now } : {}),
  });
  bench.add(
    plan.name,
    sampleFn(plan.side, plan.input, plan.async, plan.batch, () => bench.now()),
    { async: plan.async },
  );
  await bench.run();
  const outcome = sideStatsOf(bench.getTask(plan.name)!, plan.side.label, plan.batch, plan.async, []);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.stats.min;
}
