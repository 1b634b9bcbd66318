// The regression check: compares a run's speedups with a committed baseline run's. A task regresses
// when its speedup fell by more than `thresholdPct` beyond the combined margin of error:
//
//   change = (current / baseline − 1) × 100        (percent; negative: WASM lost ground to JS)
//   margin = sqrt(rme_current² + rme_baseline²)    (each speedup's own rme, benches/stats/speedup.ts)
//   regressed  when  −change > thresholdPct + margin
//   improved   when  +change > thresholdPct + margin
//
// Speedups, not times, are compared: a ratio measured in one process cancels most of what makes
// two machines (or one machine on two days) differ. The threshold covers what the margin does not:
// run-to-run drift (JIT decisions, memory layout, other load), which tinybench's rme cannot see.
import { ratioOf } from './stats/speedup.ts';
import type { BenchRun, Speedup } from './report/schema.ts';

/** Default allowance beyond the margin: measured run-to-run drift here stayed within it (docs/benchmarks.md). */
export const DEFAULT_THRESHOLD_PCT = 15;

export type ComparisonStatus = 'regressed' | 'improved' | 'unchanged' | 'missing' | 'new' | 'not-timed';

export interface TaskComparison {
  id: string;
  status: ComparisonStatus;
  baseline: Speedup | null;
  current: Speedup | null;
  /** (current / baseline − 1) × 100, when both were timed. */
  changePct: number | null;
  /** The combined margin of error of the two speedups, percent. */
  marginPct: number | null;
  /** thresholdPct + marginPct: how far the speedup may fall before it counts. */
  allowedPct: number | null;
}

export interface RegressionReport {
  thresholdPct: number;
  baselineStartedAt: string;
  currentStartedAt: string;
  comparisons: TaskComparison[];
  /** Ids of the tasks that regressed. */
  regressions: string[];
}

export function compareRuns(baseline: BenchRun, current: BenchRun, thresholdPct = DEFAULT_THRESHOLD_PCT): RegressionReport {
  const before = new Map(baseline.pairs.map((p) => [p.id, p]));
  const after = new Map(current.pairs.map((p) => [p.id, p]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const comparisons = ids.map((id): TaskComparison => {
    const b = before.get(id)?.speedup ?? null;
    const c = after.get(id)?.speedup ?? null;
    const empty = { id, baseline: b, current: c, changePct: null, marginPct: null, allowedPct: null };
    if (!after.has(id)) return { ...empty, status: 'missing' };
    if (!before.has(id)) return { ...empty, status: 'new' };
    if (!b || !c) return { ...empty, status: 'not-timed' };
    const ratio = ratioOf(c, b);
    const changePct = (ratio.value - 1) * 100;
    const allowedPct = thresholdPct + ratio.rme;
    const status = -changePct > allowedPct ? 'regressed' : changePct > allowedPct ? 'improved' : 'unchanged';
    return { ...empty, status, changePct, marginPct: ratio.rme, allowedPct };
  });
  return {
    thresholdPct,
    baselineStartedAt: baseline.startedAt,
    currentStartedAt: current.startedAt,
    comparisons,
    regressions: comparisons.filter((c) => c.status === 'regressed').map((c) => c.id),
  };
}

/** One line per task, for the terminal and summary.md. */
export function describeComparison(c: TaskComparison, thresholdPct: number): string {
  const s = (x: Speedup | null) => (x ? `${x.value.toPrecision(3)}×` : '—');
  if (c.changePct === null) return `${c.id}: ${c.status} (baseline ${s(c.baseline)}, now ${s(c.current)})`;
  const sign = c.changePct >= 0 ? '+' : '';
  return `${c.id}: ${c.status} — speedup ${s(c.baseline)} → ${s(c.current)} (${sign}${c.changePct.toFixed(1)}%; allowed ±${c.allowedPct!.toFixed(1)}% = threshold ${thresholdPct}% + margin ${c.marginPct!.toFixed(1)}%)`;
}

/** The whole check as lines of text. */
export function formatRegressionReport(report: RegressionReport): string[] {
  return [
    `regression check against the baseline of ${report.baselineStartedAt} (threshold ${report.thresholdPct}% beyond the combined margin of error):`,
    ...report.comparisons.map((c) => `  ${describeComparison(c, report.thresholdPct)}`),
    report.regressions.length ? `REGRESSED: ${report.regressions.join(', ')}` : 'no regression',
  ];
}
