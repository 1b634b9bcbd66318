// Rounds until each task's verdict resolves, after tachometer's auto-sampling: every task gets a
// discarded warm-up round, then one round per pass over the tasks still wanting more, and is
// judged only at the looks of its plan (stoppingRule.ts: rounds 6, 9, 14, … by default, each
// interval at the per-look confidence), until its verdict settles at a look, it reaches the last
// look, or the time budget is spent (then it is judged once more, with the rounds it has: the
// look kept for the time cap). Passes go over the tasks in turn rather than finishing one task
// at a time, so a burst of load elsewhere on the machine lands on a round or two of many tasks,
// and, within each round, on A and B alike (interleave.ts).
import { differenceCi, type RatioCi, type RoundPair } from './differenceCi.ts';
import { type Build, roundOrder } from './interleave.ts';
import { type LookPlan, lookPlan } from './stoppingRule.ts';
import { type Verdict, verdictOf } from './verdict.ts';

export interface SampledTask {
  key: string;
  /** One build's turn: its time per call (ms; the turn's fastest sample). `warm`: the task's first, discarded round. */
  turn(build: Build, warm: boolean): Promise<number>;
}

export interface SamplingOptions {
  horizonPct: number;
  /** The first look and the last (stoppingRule.ts). */
  minRounds: number;
  maxRounds: number;
  /** Another plan than lookPlan(minRounds, maxRounds): the tests simulate the rule the check had before. */
  plan?: LookPlan;
  /** True once the time budget is spent: no round starts after that. */
  outOfTime(): boolean;
  log?(line: string): void;
  /** Called between rounds (the bench page yields to its event loop here). */
  pause?(): Promise<void>;
}

export type StopReason = 'resolved' | 'max-rounds' | 'time' | 'error';

export interface TaskOutcome {
  key: string;
  rounds: RoundPair[];
  ci: RatioCi | null;
  verdict: Verdict;
  stoppedBy: StopReason;
  error: string | null;
}

export interface Judgement {
  ci: RatioCi | null;
  verdict: Verdict;
}

/** A task's interval at the plan's per-look confidence, and its verdict: `unsure` before the first look. */
export function judgeRounds(rounds: readonly RoundPair[], plan: LookPlan, horizonPct: number): Judgement {
  const ci = differenceCi(rounds, plan.perLookConfidence);
  return { ci, verdict: rounds.length >= plan.looks[0]! ? verdictOf(ci, horizonPct) : 'unsure' };
}

export async function autoSample(tasks: readonly SampledTask[], options: SamplingOptions): Promise<TaskOutcome[]> {
  const plan = options.plan ?? lookPlan(options.minRounds, options.maxRounds);
  const lastLook = plan.looks.at(-1)!;
  const judge = (rounds: readonly RoundPair[]) => judgeRounds(rounds, plan, options.horizonPct);
  const state = tasks.map((task) => ({ task, rounds: [] as RoundPair[], warmed: false, error: null as string | null, settled: null as Judgement | null }));
  const wantsMore = (s: (typeof state)[number]) => !s.error && !s.settled && s.rounds.length < lastLook;

  let timeUp = false;
  while (!timeUp) {
    const pass = state.filter(wantsMore);
    if (!pass.length) break;
    for (const s of pass) {
      if (options.outOfTime()) {
        timeUp = true;
        break;
      }
      let build: Build = 'A';
      try {
        if (!s.warmed) {
          for (build of roundOrder(0)) await s.task.turn(build, true);
          s.warmed = true;
        }
        const times = { A: 0, B: 0 };
        for (build of roundOrder(s.rounds.length)) times[build] = await s.task.turn(build, false);
        s.rounds.push({ a: times.A, b: times.B });
      } catch (error) {
        s.error = `build ${build}: ${error instanceof Error ? error.message : String(error)}`;
        options.log?.(`  ${s.task.key}: failed — ${s.error}`);
      }
      if (!s.error && plan.looks.includes(s.rounds.length)) {
        const j = judge(s.rounds);
        if (j.verdict !== 'unsure') s.settled = j;
      }
      await options.pause?.();
    }
  }
  return state.map((s) => {
    const { ci, verdict } = s.settled ?? judge(s.rounds);
    const stoppedBy: StopReason = s.error ? 'error' : s.settled ? 'resolved' : s.rounds.length >= lastLook ? 'max-rounds' : 'time';
    return { key: s.task.key, rounds: s.rounds, ci, verdict, stoppedBy, error: s.error };
  });
}
