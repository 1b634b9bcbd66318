// The figures npm run bench:gate-rates reports from its runs of the Node A/B gate: how often the
// gate fails A = B (a false alarm is exit 1, SLOWER), and how often it catches a real slowdown
// (exit 1 naming the task). Other exits are counted apart: an unsure A = B run is no false alarm,
// but it is not a pass either.
import { median } from './taskResults.ts';

export type GateRateArm = 'same' | 'slowdown';

export interface GateRun {
  arm: GateRateArm;
  /** 1-based, in the order run. */
  index: number;
  exitCode: number | null;
  verdict: string | null;
  /** B's time over A's and its interval, from the run's report. */
  ratio: number | null;
  low: number | null;
  high: number | null;
  rounds: number;
  stoppedBy: string | null;
  seconds: number;
  /** The machine's 1-minute load average when the run started. */
  load1: number;
}

export interface ArmSummary {
  runs: number;
  /** Runs that exited 1 (SLOWER). For `same`, false alarms; for `slowdown`, catches. */
  slower: number;
  slowerShare: number;
  /** How many runs exited with each code. */
  exitCodes: Record<string, number>;
  medianRatio: number | null;
  medianRounds: number | null;
  medianSeconds: number | null;
}

export function summarizeArm(runs: readonly GateRun[]): ArmSummary {
  const exitCodes: Record<string, number> = {};
  for (const r of runs) exitCodes[String(r.exitCode)] = (exitCodes[String(r.exitCode)] ?? 0) + 1;
  const slower = runs.filter((r) => r.exitCode === 1 && r.verdict === 'slower').length;
  const present = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null);
  return {
    runs: runs.length,
    slower,
    slowerShare: runs.length ? slower / runs.length : 0,
    exitCodes,
    medianRatio: median(present(runs.map((r) => r.ratio))),
    medianRounds: median(runs.map((r) => r.rounds)),
    medianSeconds: median(runs.map((r) => r.seconds)),
  };
}
