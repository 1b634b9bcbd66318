// Rounds of the crate's benchmarks, A against B, judged by the twins' check's statistics
// (benches/ab/): in a round each build's bench binary runs once, in the order roundOrder gives
// (A B, then B A, …), and each benchmark's fastest sample per iteration in that run is the round's
// time for that build; d = ln(B/A) per round, Student's t over the rounds, judged at the looks of
// lookPlan at the per-look confidence, against the horizon (verdictOf). One run of a binary
// measures every benchmark in it, so a round serves all of them; a benchmark settled at a look
// keeps the rounds it had, and the binary runs again while any of its benchmarks is unsettled.
// Passes go over the binaries in turn, so a burst of load lands on a round of each rather than on
// every round of one.
import type { RustBenchRun } from '../../runner/rustTests/runRustBenches.ts';
import type { RoundPair } from '../ab/differenceCi.ts';
import { differenceCi } from '../ab/differenceCi.ts';
import { type Build, roundOrder } from '../ab/interleave.ts';
import type { AbTaskResult } from '../ab/schema.ts';
import type { LookPlan } from '../ab/stoppingRule.ts';
import { median } from '../ab/taskResults.ts';
import { type Verdict, verdictOf } from '../ab/verdict.ts';

/** A bench binary and context, as both builds have it. */
export interface BinaryPair {
  target: string;
  mode: string;
}

export interface CrateSamplingOptions {
  plan: LookPlan;
  horizonPct: number;
  outOfTime(): boolean;
  log?(line: string): void;
}

interface TaskState {
  key: string;
  id: string;
  rounds: RoundPair[];
  settled: { verdict: Verdict } | null;
  error: string | null;
}

/** A benchmark's key in the report: criterion's id, and the context when it is not the main thread. */
export const benchmarkKey = (id: string, mode: string) => (mode === 'main thread' ? id : `${id} (${mode})`);

export async function sampleCrateBenches(
  binaries: readonly BinaryPair[],
  run: (build: Build, binary: BinaryPair) => Promise<RustBenchRun>,
  options: CrateSamplingOptions,
): Promise<AbTaskResult[]> {
  const { plan } = options;
  const lastLook = plan.looks.at(-1)!;
  const state = binaries.map((binary) => ({ binary, tasks: new Map<string, TaskState>(), rounds: 0, error: null as string | null, timeUp: false }));
  const open = (s: (typeof state)[number]) => !s.error && s.rounds < lastLook && (s.rounds === 0 || [...s.tasks.values()].some((t) => !t.settled && !t.error));
  let timeUp = false;
  while (!timeUp) {
    const pass = state.filter(open);
    if (!pass.length) break;
    for (const s of pass) {
      if (options.outOfTime()) {
        timeUp = true;
        break;
      }
      const times: Record<Build, Map<string, number> | null> = { A: null, B: null };
      for (const build of roundOrder(s.rounds)) {
        const result = await run(build, s.binary);
        if (result.status !== 'done') {
          s.error = `build ${build}: ${result.status}${result.reason ? `: ${result.reason}` : ''}`;
          options.log?.(`  ${s.binary.target} (${s.binary.mode}): ${s.error}`);
          break;
        }
        times[build] = new Map(result.benchmarks.map((b) => [b.id, b.fastestNs / 1e6]));
      }
      if (s.error) continue;
      s.rounds++;
      const ids = new Set([...times.A!.keys(), ...times.B!.keys()]);
      for (const id of ids) {
        const key = benchmarkKey(id, s.binary.mode);
        let task = s.tasks.get(key);
        if (!task) {
          task = { key, id, rounds: [], settled: null, error: null };
          s.tasks.set(key, task);
        }
        if (task.settled || task.error) continue;
        const a = times.A!.get(id);
        const b = times.B!.get(id);
        if (a === undefined || b === undefined) {
          task.error = `only build ${a === undefined ? 'B' : 'A'} has it (criterion measured nothing for it in the other)`;
          continue;
        }
        task.rounds.push({ a, b });
        if (plan.looks.includes(task.rounds.length)) {
          const verdict = verdictOf(differenceCi(task.rounds, plan.perLookConfidence), options.horizonPct);
          if (verdict !== 'unsure') task.settled = { verdict };
        }
      }
    }
  }
  return state.flatMap((s) => {
    if (s.error && !s.tasks.size) return [failedBinary(s.binary, s.error)];
    return [...s.tasks.values()].map((t): AbTaskResult => {
      const error = t.error ?? (t.settled ? null : s.error);
      const firstLook = plan.looks[0]!;
      const ci = differenceCi(t.rounds, plan.perLookConfidence);
      const verdict: Verdict = t.settled?.verdict ?? (t.rounds.length >= firstLook ? verdictOf(ci, options.horizonPct) : 'unsure');
      return {
        key: t.key,
        pairId: t.id,
        suite: s.binary.target,
        side: s.binary.mode,
        status: error ? 'error' : 'ok',
        error,
        batch: null,
        rounds: t.rounds,
        aMedian: median(t.rounds.map((r) => r.a)),
        bMedian: median(t.rounds.map((r) => r.b)),
        ratio: ci?.ratio ?? null,
        low: ci?.low ?? null,
        high: ci?.high ?? null,
        verdict: error ? null : verdict,
        stoppedBy: error ? 'error' : t.settled ? 'resolved' : t.rounds.length >= lastLook ? 'max-rounds' : 'time',
      };
    });
  });
}

/** A binary that failed before any benchmark of it had a round: one task for it, failed, with why. */
function failedBinary(binary: BinaryPair, error: string): AbTaskResult {
  return {
    key: `${binary.target} (${binary.mode})`,
    pairId: binary.target,
    suite: binary.target,
    side: binary.mode,
    status: 'error',
    error,
    batch: null,
    rounds: [],
    aMedian: null,
    bMedian: null,
    ratio: null,
    low: null,
    high: null,
    verdict: null,
    stoppedBy: 'error',
  };
}
