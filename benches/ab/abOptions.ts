// The A/B check's command-line options, shared by `npm run bench -- --check` and
// `npm run bench:browsers -- --check`: which builds (settleBuilds.ts) and how long to sample;
// and the Node gate's own (AB_GATE_ARG_OPTIONS): which tasks, and whether `unsure` passes.
import { DEFAULT_HORIZON_PCT } from './verdict.ts';

/** Sized so the Node check takes under 3 minutes on 2 cores (docs/benchmarks.md). */
export const AB_DEFAULTS = { turnMs: 40, minRounds: 6, maxRounds: 60, maxSeconds: 110 };

/** For node:util parseArgs. */
export const AB_ARG_OPTIONS = {
  check: { type: 'boolean', default: false },
  against: { type: 'string' },
  'against-pkg': { type: 'string' },
  'against-features': { type: 'string' },
  'b-pkg': { type: 'string' },
  'b-features': { type: 'string' },
  horizon: { type: 'string', default: String(DEFAULT_HORIZON_PCT) },
  'turn-ms': { type: 'string', default: String(AB_DEFAULTS.turnMs) },
  'min-rounds': { type: 'string', default: String(AB_DEFAULTS.minRounds) },
  'max-rounds': { type: 'string', default: String(AB_DEFAULTS.maxRounds) },
  'max-seconds': { type: 'string', default: String(AB_DEFAULTS.maxSeconds) },
} as const;

export interface AbSettings {
  against?: string;
  againstPkg?: string;
  againstFeatures?: string;
  bPkg?: string;
  bFeatures?: string;
  horizonPct: number;
  /** tinybench's time per build per round, ms (pairs that ask for longer runs get proportionally more). */
  turnMs: number;
  minRounds: number;
  maxRounds: number;
  /** The budget for the rounds, after loading and the first check of outputs. */
  maxSeconds: number;
}

/** Bad input found once the suites are known (a --task naming no pair): exit 2, like a bad option. */
export class AbUsageError extends Error {}

/** Only the Node check is a gate: the browsers' check rejects these as unknown options. */
export const AB_GATE_ARG_OPTIONS = {
  'accept-unsure': { type: 'boolean', default: false },
  task: { type: 'string' },
} as const;

export interface AbGateSettings {
  /** A task that ends unsure passes the check (reported, not failed): a team's choice, made on purpose. */
  acceptUnsure: boolean;
  /** Pair ids to time (e.g. math.sieve); empty: every pair of the suites run. */
  pairIds: string[];
}

type Values = { [K in keyof typeof AB_ARG_OPTIONS]?: (typeof AB_ARG_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** The settings, or a sentence saying which option is wrong. */
export function abSettings(v: Values): AbSettings | string {
  const s: AbSettings = {
    horizonPct: Number(v.horizon ?? DEFAULT_HORIZON_PCT),
    turnMs: Number(v['turn-ms'] ?? AB_DEFAULTS.turnMs),
    minRounds: Number(v['min-rounds'] ?? AB_DEFAULTS.minRounds),
    maxRounds: Number(v['max-rounds'] ?? AB_DEFAULTS.maxRounds),
    maxSeconds: Number(v['max-seconds'] ?? AB_DEFAULTS.maxSeconds),
  };
  if (!(s.horizonPct > 0) || !(s.turnMs > 0) || !(s.maxSeconds > 0)) return '--horizon, --turn-ms and --max-seconds must be positive numbers';
  if (!Number.isInteger(s.minRounds) || s.minRounds < 2 || !Number.isInteger(s.maxRounds) || s.maxRounds < s.minRounds)
    return '--min-rounds must be a whole number ≥ 2 and --max-rounds one ≥ --min-rounds';
  if (v.against && v['against-pkg']) return '--against and --against-pkg both name build A: give one';
  if (v['b-pkg'] && v['b-features']) return '--b-pkg and --b-features both name build B: give one';
  for (const [key, value] of [
    ['against', v.against],
    ['againstPkg', v['against-pkg']],
    ['againstFeatures', v['against-features']],
    ['bPkg', v['b-pkg']],
    ['bFeatures', v['b-features']],
  ] as const) {
    if (value) s[key] = value;
  }
  return s;
}

/** The gate's settings, or a sentence naming the value that is wrong. */
export function abGateSettings(v: { 'accept-unsure'?: boolean; task?: string }): AbGateSettings | string {
  const pairIds = (v.task ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const bad = pairIds.find((id) => !/^[a-z][A-Za-z0-9]*\.[A-Za-z0-9]+$/.test(id));
  if (bad !== undefined) return `--task '${bad}' is not a pair id: give ids such as math.sieve, comma-separated`;
  if (v.task !== undefined && !pairIds.length) return `--task '${v.task}' names no pair: give ids such as math.sieve, comma-separated`;
  return { acceptUnsure: v['accept-unsure'] ?? false, pairIds };
}
