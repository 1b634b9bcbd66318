// Rounds until each task's verdict resolves, after tachometer's auto-sampling: every task gets a
// discarded warm-up round and `minRounds` rounds; then, pass after pass over the tasks still
// `unsure`, one more round each, until all resolve, a task reaches `maxRounds`, or the time
// budget is spent. Passes go over the tasks in turn rather than finishing one task at a time, so
// a burst of load elsewhere on the machine lands on a round or two of many tasks, and, within
// each round, on A and B alike (interleave.ts).
import { differenceCi, type RatioCi, type RoundPair } from './differenceCi.ts';
import { type Build, roundOrder } from './interleave.ts';
import { type Verdict, verdictOf } from './verdict.ts';

export interface SampledTask {
  key: string;
  /** One build's turn: its time per call (ms; the turn's fastest sample). `warm`: the task's first, discarded round. */
  turn(build: Build, warm: boolean): Promise<number>;
}

export interface SamplingOptions {
  horizonPct: number;
  minRounds: number;
  maxRounds: number;
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

export async function autoSample(tasks: readonly SampledTask[], options: SamplingOptions): Promise<TaskOutcome[]> {
  const state = tasks.map((task) => ({ task, rounds: [] as RoundPair[], warmed: false, error: null as string | null }));
  const verdict = (s: (typeof state)[number]) => verdictOf(differenceCi(s.rounds), options.horizonPct);
  const wantsMore = (s: (typeof state)[number]) =>
    !s.error && (s.rounds.length < options.minRounds || (verdict(s) === 'unsure' && s.rounds.length < options.maxRounds));

  let timeUp = false;
  while (!timeUp) {
    const pass = state.filter(wantsMore);
    if (!pass.length) break;
    for (const s of pass) {
      if (options.outOfTime()) {
        timeUp = true;
        break;
      }
      try {
        if (!s.warmed) {
          for (const build of roundOrder(0)) await s.task.turn(build, true);
          s.warmed = true;
        }
        const times = { A: 0, B: 0 };
        for (const build of roundOrder(s.rounds.length)) times[build] = await s.task.turn(build, false);
        s.rounds.push({ a: times.A, b: times.B });
      } catch (error) {
        s.error = error instanceof Error ? error.message : String(error);
        options.log?.(`  ${s.task.key}: failed — ${s.error}`);
      }
      await options.pause?.();
    }
  }
  return state.map((s) => {
    const ci = differenceCi(s.rounds);
    const v = verdictOf(ci, options.horizonPct);
    const stoppedBy: StopReason = s.error ? 'error' : v !== 'unsure' && s.rounds.length >= options.minRounds ? 'resolved' : s.rounds.length >= options.maxRounds ? 'max-rounds' : 'time';
    return { key: s.task.key, rounds: s.rounds, ci, verdict: v, stoppedBy, error: s.error };
  });
}
