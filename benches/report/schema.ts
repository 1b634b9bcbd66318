// What a benchmark run writes (reports/bench/<project>.json) and every report reader takes.
// Times are milliseconds per unit of work (one call of a side's `run`), as tinybench reports them.
import type { PairKind } from '../suites/types.ts';

/** One side of a pair, from tinybench's completed task (latency and throughput statistics). */
export interface SideStats {
  label: string;
  /** Units of work per timed sample: 1 means tinybench timed each call itself; more means the
   * runner looped that many calls between two clock readings and reported their mean. */
  batch: number;
  /** The side returned a promise, timed awaited. */
  async: boolean;
  mean: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
  sd: number;
  /** Relative margin of error of the mean, percent (95% Student's t interval half-width / mean). */
  rme: number;
  samples: number;
  /** tinybench's throughput mean: operations per second. */
  opsPerSecond: number;
  /** tinybench's timer-resolution estimate for directly timed tasks (batch 1), ms; null otherwise. */
  detectedResolutionMs: number | null;
  /** tinybench's timer warnings for this task ('zero-dominated', 'low-distinct', 'zero-mad'). */
  warnings: string[];
}

/** reference time / measured time (JS / WASM), with its 95% uncertainty (benches/stats/speedup.ts). */
export interface Speedup {
  value: number;
  /** Absolute half-width: the speedup is value ± uncertainty. */
  uncertainty: number;
  /** The same, relative, percent. */
  rme: number;
}

export type PairStatus = 'ok' | 'unequal' | 'error';

export interface PairResult {
  id: string;
  suite: string;
  title: string;
  kind: PairKind;
  native: string | null;
  /** 'unequal': the two sides gave different outputs, so nothing was timed. */
  status: PairStatus;
  error: string | null;
  /** The side measured: the WASM export, or the route under test. */
  measured: SideStats | null;
  /** The side it is measured against: the JS twin, or the other route. */
  reference: SideStats | null;
  speedup: Speedup | null;
}

export interface BenchEnvironment {
  kind: 'node' | 'browser';
  /** 'node 24.22.3', or the browser's name and version. */
  runtime: string;
  userAgent: string | null;
  platform: string;
  cpus: number | null;
  cpuModel: string | null;
  /** 1, 5 and 15 minute load averages when the run started and ended (Node's os.loadavg). */
  loadAverage: { start: number[]; end: number[] } | null;
  crossOriginIsolated: boolean | null;
  /** Smallest step of performance.now() measured in this engine, µs. */
  timerResolutionUs: number | null;
  /** tinybench's clock. */
  timestampProvider: string;
}

export interface RunOptions {
  /** tinybench time budget per task, ms (pairs may set their own). */
  timeMs: number;
  warmupTimeMs: number;
  /** How long a batched sample should last, ms: far above the timer's resolution. */
  batchTargetMs: number;
}

/**
 * The version of the run file this code writes. 2: each pair's sides are `measured` and `reference`.
 * 1 (runs written up to 2026-12-06, before the rename) named them `subject` and `baseline`; readRun
 * (runFiles.ts) still reads it, renaming them.
 */
export const BENCH_RUN_SCHEMA = 2;

export interface BenchRun {
  schema: typeof BENCH_RUN_SCHEMA;
  kind: 'wasm-compat-bench';
  /** 'node', or the Playwright project (chromium, firefox, webkit, pixel5, iphone12). */
  project: string;
  status: 'done' | 'not-run' | 'failed';
  /** Why it was not run, or why it failed. */
  reason: string | null;
  /** The browser engine that ran it (runner/drivers/driver.ts EngineInfo), for browser projects. */
  engine: Record<string, unknown> | null;
  environment: BenchEnvironment | null;
  /** The crate build measured (crate/pkg/build-info.json: mode, optimization, toolchain). */
  build: Record<string, unknown> | null;
  options: RunOptions | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  pairs: PairResult[];
}
