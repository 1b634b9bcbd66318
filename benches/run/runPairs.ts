// Runs benchmark suites with tinybench, the same way in Node and in the bench page: for each pair,
// build the input, check both sides give the same output on it, then time each side as a tinybench
// task and compute the speedup. A pair whose outputs differ is reported 'unequal' and not timed.
import { Bench } from 'tinybench';
import type { PairResult, RunOptions, SideStats } from '../report/schema.ts';
import { speedupOf } from '../stats/speedup.ts';
import type { BenchContext, BenchPair, BenchSide, BenchSuite } from '../suites/types.ts';
import { calibrateBatch, sampleFn } from './batching.ts';
import { outputDifference } from './sameOutput.ts';
import { sideStatsOf } from './sideStats.ts';

export interface RunHooks {
  /** A progress line. */
  log?(line: string): void;
  /** Called between tasks: the bench page yields to its event loop here so drivers can poll it. */
  pause?(): Promise<void>;
  /** A clock for tinybench and the batching, in ms (tests pass a coarse fake one). */
  now?: () => number;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** One unit of work on each side and the comparison of their outputs. */
export async function checkPair<I>(p: BenchPair<I>, input: I): Promise<{ difference: string | null; async: { measured: boolean; reference: boolean } }> {
  const outputs: unknown[] = [];
  const async = { measured: false, reference: false };
  for (const role of ['measured', 'reference'] as const) {
    let output = p[role].run(input);
    if (isThenable(output)) {
      async[role] = true;
      output = await output;
    }
    outputs.push(p.comparable ? await p.comparable(output) : output);
  }
  const difference = outputDifference(outputs[0], outputs[1], `${p.measured.label} vs ${p.reference.label}`);
  return { difference, async };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function timeSide<I>(p: BenchPair<I>, side: BenchSide<I>, input: I, async: boolean, options: RunOptions, hooks: RunHooks): Promise<SideStats> {
  const warnings: string[] = [];
  const bench = new Bench({
    name: p.id,
    time: p.time ?? options.timeMs,
    warmupTime: p.warmupTime ?? options.warmupTimeMs,
    throws: false,
    ...(hooks.now ? { now: hooks.now } : {}),
  });
  // Timer warnings: tinybench saw samples the clock could not resolve. Batched samples are
  // exempt by design (overridden durations), so these come from directly timed tasks.
  bench.addEventListener('warning', (event) => {
    const line = `timer warning: ${event.reason ?? 'unspecified'}`;
    warnings.push(line);
    hooks.log?.(`    ${p.id} ${side.label}: ${line}`);
  });
  const now = () => bench.now();
  const batch = async ? 1 : calibrateBatch(side, input, options.batchTargetMs, now);
  const name = `${p.id} ${side.label}`;
  bench.add(name, sampleFn(side, input, async, batch, now), { async });
  await bench.run();
  const task = bench.getTask(name)!;
  const outcome = sideStatsOf(task, side.label, batch, async, warnings);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.stats;
}

export async function runPair<I>(suite: string, p: BenchPair<I>, options: RunOptions, hooks: RunHooks = {}): Promise<PairResult> {
  const result: PairResult = {
    id: p.id,
    suite,
    title: p.title,
    kind: p.kind,
    native: p.native ?? null,
    status: 'ok',
    error: null,
    measured: null,
    reference: null,
    speedup: null,
  };
  try {
    const input = await p.setup();
    const check = await checkPair(p, input);
    if (check.difference) {
      hooks.log?.(`  ${p.id}: outputs differ, not timed — ${check.difference}`);
      return { ...result, status: 'unequal', error: check.difference };
    }
    result.measured = await timeSide(p, p.measured, input, check.async.measured, options, hooks);
    await hooks.pause?.();
    result.reference = await timeSide(p, p.reference, input, check.async.reference, options, hooks);
    result.speedup = speedupOf(result.measured, result.reference);
    return result;
  } catch (error) {
    hooks.log?.(`  ${p.id}: failed — ${describeError(error)}`);
    return { ...result, status: 'error', error: describeError(error) };
  }
}

/** Every pair of every suite, in order. */
export async function runSuites(suites: readonly BenchSuite[], context: BenchContext, options: RunOptions, hooks: RunHooks = {}): Promise<PairResult[]> {
  const results: PairResult[] = [];
  for (const suite of suites) {
    hooks.log?.(`${suite.name}: ${suite.measures}`);
    let pairs;
    try {
      pairs = suite.pairs(context);
    } catch (error) {
      hooks.log?.(`  ${suite.name}: could not build its pairs — ${describeError(error)}`);
      results.push({
        id: `${suite.name}.*`,
        suite: suite.name,
        title: `the ${suite.name} suite`,
        kind: 'wasm-vs-js',
        native: null,
        status: 'error',
        error: describeError(error),
        measured: null,
        reference: null,
        speedup: null,
      });
      continue;
    }
    for (const p of pairs) {
      const r = await runPair(suite.name, p, options, hooks);
      if (r.status === 'ok' && r.measured && r.reference) {
        hooks.log?.(
          `  ${p.id}: ${r.measured.label} ${r.measured.mean.toPrecision(3)} ms ±${r.measured.rme.toFixed(1)}%, ${r.reference.label} ${r.reference.mean.toPrecision(3)} ms ±${r.reference.rme.toFixed(1)}%, speedup ${r.speedup?.value.toPrecision(3)}`,
        );
      }
      results.push(r);
      await hooks.pause?.();
    }
  }
  return results;
}
