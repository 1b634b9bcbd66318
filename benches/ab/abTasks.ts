// The tasks of an A/B check: the suites' pairs built twice, once on each build's context, matched
// by id. A task is one side of a pair timed on build A and on build B: the WASM side (the crate)
// of every wasm-vs-js pair, the first route of the loading pairs (the .wasm itself is what
// differs), and, when the twins differ between the builds, the JS side too. Before anything is
// timed, both builds run the task once on their own (identical) input and their outputs are
// compared: a task whose output changed between A and B does not do the same work, so its time
// says nothing about speed; it is reported 'unequal' and not timed.
import { calibrateBatch } from '../run/batching.ts';
import { describeError, isThenable } from '../run/runPairs.ts';
import { outputDifference } from '../run/sameOutput.ts';
import type { BenchContext, BenchPair, BenchSuite } from '../suites/types.ts';
import { AbUsageError } from './abOptions.ts';
import type { SampledTask } from './autoSample.ts';
import type { Build } from './interleave.ts';
import { sampleTurn, type TurnPlan } from './sampleRound.ts';
import type { AbTaskIdentity } from './schema.ts';

export interface TaskPlanOptions {
  /** tinybench's time per turn (ms), scaled for pairs that ask for more than the default time. */
  turnMs: number;
  defaultPairTimeMs: number;
  batchTargetMs: number;
  /** Time the JS twins too (when the builds' twins differ). */
  twins: boolean;
  /** Only these pairs (--task); absent or empty: every pair of the suites. */
  pairIds?: readonly string[];
  now?: () => number;
  log?(line: string): void;
}

export interface PreparedTask extends AbTaskIdentity {
  sampled: SampledTask | null;
}

type Role = 'measured' | 'reference';

async function runOnce(p: BenchPair<unknown>, role: Role, input: unknown): Promise<{ output: unknown; async: boolean }> {
  let output = p[role].run(input);
  const async = isThenable(output);
  if (async) output = await output;
  return { output: p.comparable ? await p.comparable(output) : output, async };
}

/** An error thrown by one build's code, its message saying which build: the gate's line names it. */
class BuildError extends Error {}

async function inBuild<T>(build: Build, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new BuildError(`build ${build}: ${describeError(error)}`);
  }
}

async function prepareTask(suite: string, pairs: Record<Build, BenchPair<unknown>>, role: Role, options: TaskPlanOptions): Promise<PreparedTask> {
  const side = pairs.B[role].label;
  const key = `${pairs.B.id} ${side}`;
  const base = { key, pairId: pairs.B.id, suite, side, batch: null, sampled: null };
  try {
    const inputs = { A: await inBuild('A', () => pairs.A.setup()), B: await inBuild('B', () => pairs.B.setup()) };
    const a = await inBuild('A', () => runOnce(pairs.A, role, inputs.A));
    const b = await inBuild('B', () => runOnce(pairs.B, role, inputs.B));
    const difference = outputDifference(a.output, b.output, `${key}: A vs B`);
    if (difference) return { ...base, status: 'unequal', error: difference };
    const async = a.async || b.async;
    const now = options.now ?? (() => performance.now());
    // One batch size for both builds, so each sample of either does the same number of calls; and
    // both calibrated, because calibrating warms the code up (millions of calls): under Node 24 the
    // build calibrated alone ran an empty call a cycle faster for the whole check (1.39 against
    // 1.67 ns), so the same build twice was called 17 % faster than itself.
    const batch = async
      ? 1
      : Math.min(calibrateBatch(pairs.A[role], inputs.A, options.batchTargetMs, now), calibrateBatch(pairs.B[role], inputs.B, options.batchTargetMs, now));
    const timeMs = (options.turnMs * (pairs.B.time ?? options.defaultPairTimeMs)) / options.defaultPairTimeMs;
    const plans: Record<Build, TurnPlan<unknown>> = {
      A: { name: `${key} A`, side: pairs.A[role], input: inputs.A, async, batch, timeMs, ...(options.now ? { now: options.now } : {}) },
      B: { name: `${key} B`, side: pairs.B[role], input: inputs.B, async, batch, timeMs, ...(options.now ? { now: options.now } : {}) },
    };
    return { ...base, status: 'ok', error: null, batch, sampled: { key, turn: (build, warm) => sampleTurn(plans[build], warm) } };
  } catch (error) {
    const message = error instanceof BuildError ? error.message : describeError(error);
    options.log?.(`  ${key}: failed — ${message}`);
    return { ...base, status: 'error', error: message };
  }
}

/**
 * Every task of the suites: A's pairs from `suites.A` on `contexts.A`, B's from `suites.B` on
 * `contexts.B`. Each build gets its own copy of the suite modules (loaded under a query of its
 * own), a precaution: closures made from one function literal can share the engine's feedback,
 * and then A's and B's loops would be optimised together, for whichever build's functions the
 * engine saw first.
 */
export async function prepareTasks(
  suites: Record<Build, readonly BenchSuite[]>,
  contexts: Record<Build, BenchContext>,
  options: TaskPlanOptions,
): Promise<PreparedTask[]> {
  const matched: Array<{ suite: string; pairs: Record<Build, BenchPair<unknown>> }> = [];
  const all: string[] = [];
  for (const suiteB of suites.B) {
    const suiteA = suites.A.find((s) => s.name === suiteB.name);
    if (!suiteA) throw new Error(`build A has no suite ${suiteB.name}`);
    const a = new Map(suiteA.pairs(contexts.A).map((p) => [p.id, p as BenchPair<unknown>]));
    for (const b of suiteB.pairs(contexts.B) as BenchPair<unknown>[]) {
      all.push(b.id);
      const pairA = a.get(b.id);
      if (!pairA) throw new Error(`${b.id}: build A's suite has no such pair`);
      if (!options.pairIds?.length || options.pairIds.includes(b.id)) matched.push({ suite: suiteB.name, pairs: { A: pairA, B: b } });
    }
  }
  // Checked before anything runs: a misspelt --task must not cost a run.
  const unknown = (options.pairIds ?? []).filter((id) => !all.includes(id));
  if (unknown.length)
    throw new AbUsageError(
      `--task ${unknown.join(',')}: no such pair in the suites run (${suites.B.map((s) => s.name).join(', ')}); their pairs: ${all.join(', ')}`,
    );
  const tasks: PreparedTask[] = [];
  for (const { suite, pairs } of matched) {
    const roles: Role[] = pairs.B.kind === 'wasm-vs-js' && options.twins ? ['measured', 'reference'] : ['measured'];
    for (const role of roles) tasks.push(await prepareTask(suite, pairs, role, options));
  }
  return tasks;
}
