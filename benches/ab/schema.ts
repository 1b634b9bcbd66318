// reports/bench/ab-<project>.json: one A/B check, what each build was, and each task's rounds,
// interval and verdict. Times in ms per call; ratios are B's time over A's.
import type { StopReason } from './autoSample.ts';
import type { LookPlan } from './stoppingRule.ts';
import type { Verdict } from './verdict.ts';

export interface AbBuild {
  /** What was asked for: a git ref, `pkg <dir>`, or `working tree`. */
  label: string;
  /** The commit built, when the build is one. */
  commit: string | null;
  /** Why this one (e.g. "merge base with main"). */
  chosenBecause: string;
  pkgDir: string;
  wasmSha256: string;
  wasmBytes: number;
  /** Its build-info.json. */
  build: Record<string, unknown> | null;
}

/** One side of one pair, compared across the builds. */
export interface AbTaskIdentity {
  /** `<pair id> <side label>`, e.g. `math.sieve WASM`. */
  key: string;
  pairId: string;
  suite: string;
  side: string;
  status: 'ok' | 'unequal' | 'error';
  error: string | null;
  /** Calls per sample, the same for both builds. */
  batch: number | null;
}

export interface AbTaskResult extends AbTaskIdentity {
  /** Each round's times (each turn's fastest sample). */
  rounds: Array<{ a: number; b: number }>;
  /** Medians over the rounds of those times. */
  aMedian: number | null;
  bMedian: number | null;
  ratio: number | null;
  low: number | null;
  high: number | null;
  verdict: Verdict | null;
  stoppedBy: StopReason | null;
}

export interface AbRun {
  schema: 1;
  kind: 'wasm-compat-bench-ab';
  /** 'node' or the browser project. */
  project: string;
  /** What was compared: the twins' pairs (absent), or the crate's own #[wasm_bindgen_bench] benchmarks (npm run bench:crate -- --check). */
  benchmarks?: 'crate';
  a: AbBuild;
  b: AbBuild;
  horizonPct: number;
  /** The intervals' coverage over every look together (each look's own is in stoppingRule). */
  confidence: 0.95;
  /** When tasks were judged and at what confidence; absent in reports from before the rule. */
  stoppingRule?: LookPlan;
  /** The Node check's exit code and whether unsure tasks were accepted; absent in the browsers' reports, which gate nothing. */
  gate?: { acceptUnsure: boolean; exitCode: number };
  /** tinybench's time per build per round, ms; for the crate's benchmarks, the mean length of one run of a bench binary. */
  turnMs: number;
  minRounds: number;
  maxRounds: number;
  maxSamplingSeconds: number;
  /** Whether the twins differ between the builds (then their JS sides are tasks too). */
  twinsCompared: boolean;
  environment: { runtime: string; cpus: number; loadAverage: { start: number[]; end: number[] } | null };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  samplingMs: number;
  tasks: AbTaskResult[];
  /** Keys of the tasks slower beyond the horizon: the check fails on these. */
  slower: string[];
}
