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
import { type Judgement, judgeRounds, type StopReason, type TaskOutcome } from '../ab/autoSample.ts';
import type { RoundPair } from '../ab/differenceCi.ts';
import { type Build, roundOrder } from '../ab/interleave.ts';
import type { AbTaskIdentity, AbTaskResult } from '../ab/schema.ts';
import type { LookPlan } from '../ab/stoppingRule.ts';
import { taskResults } from '../ab/taskResults.ts';

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
  settled: Judgement | null;
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
  const state = binaries.map((binary) => ({ binary, tasks: new Map<string, TaskState>(), rounds: 0, error: null as string | null }));
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
          const judged = judgeRounds(task.rounds, plan, options.horizonPct);
          if (judged.verdict !== 'unsure') task.settled = judged;
        }
      }
    }
  }
  // Each benchmark as the twins' check reports a task (taskResults); a binary that failed before any round, as one task.
  const identity = (s: (typeof state)[number], key: string, pairId: string, error: string | null): AbTaskIdentity => ({
    key,
    pairId,
    suite: s.binary.target,
    side: s.binary.mode,
    status: error ? 'error' : 'ok',
    error,
    batch: null,
  });
  const tasks = state.flatMap((s): Array<{ identity: AbTaskIdentity; outcome: TaskOutcome }> => {
    if (s.error && !s.tasks.size) {
      const key = `${s.binary.target} (${s.binary.mode})`;
      return [
        { identity: identity(s, key, s.binary.target, s.error), outcome: { key, rounds: [], ci: null, verdict: 'unsure', stoppedBy: 'error', error: s.error } },
      ];
    }
    return [...s.tasks.values()].map((t) => {
      const error = t.error ?? (t.settled ? null : s.error);
      const { ci, verdict } = t.settled ?? judgeRounds(t.rounds, plan, options.horizonPct);
      const stoppedBy: StopReason = error ? 'error' : t.settled ? 'resolved' : t.rounds.length >= lastLook ? 'max-rounds' : 'time';
      return { identity: identity(s, t.key, t.id, error), outcome: { key: t.key, rounds: t.rounds, ci, verdict, stoppedBy, error } };
    });
  });
  return taskResults(
    tasks.map((t) => t.identity),
    tasks.map((t) => t.outcome),
  );
}
