// What the Node A/B check (npm run bench -- --check) exits with, in one place: CI and people read
// the code, so each way a check can leave a task undecided has its own, beside a confident
// slowdown's 1, and a stderr line names each task and why (docs/benchmarks.md lists them).
// A check passes only when it decided, for every task, that B is not slower beyond the horizon.
import { describeDifference } from './verdict.ts';
import type { AbTaskResult } from './schema.ts';

export const AB_EXIT = {
  /** Every task decided, none slower beyond the horizon. */
  ok: 0,
  /** Some task is slower beyond the horizon at 95 %. */
  slower: 1,
  /** Bad input (an option, a ref, a folder), or a build could not be made: nothing was timed. */
  usage: 2,
  /** Some task's interval still reaches past +horizon when its rounds ran out: B may be slower. */
  unsure: 3,
  /** A's and B's outputs differ for some task, so it was not timed. */
  unequal: 4,
  /** Some task threw in A or B. */
  error: 5,
  /** The check itself failed before any verdict (a bug, the machine). */
  crashed: 6,
} as const;

export type FindingKind = 'slower' | 'error' | 'unequal' | 'unsure';

/** When a check finds several kinds, the exit code is the first's: a found slowdown, then what kept a task from being timed. */
const PRECEDENCE: readonly FindingKind[] = ['slower', 'error', 'unequal', 'unsure'];

export interface GateFinding {
  kind: FindingKind;
  task: string;
  reason: string;
  /** An unsure task a team accepted with --accept-unsure: reported, not failed. */
  accepted: boolean;
}

export interface GateSettings {
  horizonPct: number;
  maxRounds: number;
  maxSamplingSeconds: number;
  acceptUnsure: boolean;
}

function rounds(t: AbTaskResult): string {
  return `${t.rounds.length} round${t.rounds.length === 1 ? '' : 's'}`;
}

function interval(t: AbTaskResult): string {
  return t.ratio !== null && t.low !== null && t.high !== null
    ? describeDifference({ ratio: t.ratio, low: t.low, high: t.high, n: t.rounds.length })
    : 'no interval';
}

/** Unsure on the faster side only (the interval lies below +h) still rules out a slowdown beyond h. */
function mayBeSlower(t: AbTaskResult, horizonPct: number): boolean {
  return t.high === null || (t.high - 1) * 100 > horizonPct;
}

function stopped(t: AbTaskResult, s: GateSettings): string {
  if (t.stoppedBy === 'time') return `when the time cap ran out (--max-seconds ${s.maxSamplingSeconds})`;
  if (t.stoppedBy === 'max-rounds') return `at the round cap (--max-rounds ${s.maxRounds})`;
  return 'when it stopped';
}

/** Each task that keeps the check from passing, with its reason. */
export function gateFindings(tasks: readonly AbTaskResult[], s: GateSettings): GateFinding[] {
  const findings: GateFinding[] = [];
  for (const t of tasks) {
    const found = (kind: FindingKind, reason: string) => findings.push({ kind, task: t.key, reason, accepted: kind === 'unsure' && s.acceptUnsure });
    if (t.status === 'error') found('error', `it threw, so it has no verdict: ${t.error ?? 'no message'}`);
    else if (t.status === 'unequal') found('unequal', `A's and B's outputs differ, so nothing was timed: ${t.error ?? 'no difference recorded'}`);
    else if (t.verdict === 'slower') found('slower', `${interval(t)} after ${rounds(t)}, beyond the +${s.horizonPct} % horizon`);
    else if (t.verdict === 'unsure' && mayBeSlower(t, s.horizonPct))
      found('unsure', `${interval(t)} after ${rounds(t)}, stopped ${stopped(t, s)}: the interval reaches past +${s.horizonPct} %, so B may be slower`);
  }
  return findings;
}

export function gateExitCode(findings: readonly GateFinding[]): number {
  const failing = PRECEDENCE.find((kind) => findings.some((f) => f.kind === kind && !f.accepted));
  return failing ? AB_EXIT[failing] : AB_EXIT.ok;
}

/** One stderr line per finding: the kind, the task, the reason. */
export function findingLine(f: GateFinding): string {
  return `bench: ${f.kind.toUpperCase()}: ${f.task}: ${f.reason}${f.accepted ? ' (accepted: --accept-unsure)' : ''}`;
}

/** The last stderr line: the exit code and what it means. */
export function exitLine(code: number): string {
  const kind = (Object.keys(AB_EXIT) as Array<keyof typeof AB_EXIT>).find((k) => AB_EXIT[k] === code) ?? 'unknown';
  return `bench: the A/B check exits ${code} (${kind})`;
}
