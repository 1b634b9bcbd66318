// The derived figures both summary.md and index.html show: speedup per task per engine, and each
// engine's WASM (and Node's JS) time over native code's, with uncertainties (benches/stats/speedup.ts).
import type { NativeRun, NativeTask } from '../native/schema.ts';
import { speedupOf } from '../stats/speedup.ts';
import { suites } from '../suites/index.ts';
import type { CollectedReports } from './collectReports.ts';
import type { BenchRun, PairResult, Speedup } from './schema.ts';
import { throttlingOf } from '../../runner/throttling/applyThrottling.ts';
import type { ThrottlingRecord } from '../../runner/throttling/throttlingProfile.ts';

/** The suites in the order runs take them. */
const SUITE_ORDER = suites.map((s) => s.name);

export interface TaskRow {
  id: string;
  title: string;
  kind: PairResult['kind'];
  measuredLabel: string;
  referenceLabel: string;
}

/** Runs that have pairs (done), Node first. */
/** How a run's engine was throttled to a phone's speed (runner/throttling/), or null: such a run's
 * numbers describe a phone, not this machine, and are shown apart from the others. */
export function runThrottling(run: BenchRun): string | null {
  return throttlingOf((run.engine as { throttling?: ThrottlingRecord | null } | null)?.throttling);
}

/** The runs that finished: at this machine's speed, or (`throttled`) those slowed to a phone's. */
export function timedRuns(c: CollectedReports, throttled = false): BenchRun[] {
  return [c.node, ...c.browsers].filter((r): r is BenchRun => r !== null && r.status === 'done' && (runThrottling(r) !== null) === throttled);
}

/** Every task any run has, once, in suite order (then as found: a suite this code no longer has). */
export function taskRows(runs: readonly BenchRun[]): TaskRow[] {
  const rows = new Map<string, TaskRow & { suite: string }>();
  for (const run of runs) {
    for (const p of run.pairs) {
      if (!rows.has(p.id))
        rows.set(p.id, {
          id: p.id,
          suite: p.suite,
          title: p.title,
          kind: p.kind,
          measuredLabel: p.measured?.label ?? 'WASM',
          referenceLabel: p.reference?.label ?? 'JS',
        });
    }
  }
  const rank = (suite: string) => (SUITE_ORDER.includes(suite) ? SUITE_ORDER.indexOf(suite) : SUITE_ORDER.length);
  const found = [...rows.values()];
  return found
    .map((row, i) => ({ row, i }))
    .sort((a, b) => rank(a.row.suite) - rank(b.row.suite) || a.i - b.i)
    .map(({ row: { suite: _suite, ...row } }) => row);
}

export function speedupIn(run: BenchRun, id: string): Speedup | null {
  return run.pairs.find((p) => p.id === id)?.speedup ?? null;
}

export interface NativeComparison {
  /** The pair (Node's) this row is about, and the native kernel it maps to. */
  id: string;
  native: NativeTask;
  /** ms per call. */
  nativeMs: number;
  wasmMs: number | null;
  jsMs: number | null;
  /** WASM time / native time in Node, with uncertainty (same propagation as the speedup). */
  wasmOverNative: Speedup | null;
  jsOverNative: Speedup | null;
  /** Each browser run's WASM time over native. */
  browsers: Array<{ project: string; wasmOverNative: Speedup | null }>;
}

export function nativeComparisons(native: NativeRun | null, node: BenchRun | null, browsers: readonly BenchRun[]): NativeComparison[] {
  if (!native) return [];
  const listed = node ?? browsers[0];
  if (!listed) return [];
  const out: NativeComparison[] = [];
  for (const p of listed.pairs) {
    const task = p.native ? native.tasks.find((t) => t.id === p.native) : undefined;
    if (!task) continue;
    const nativeSide = { mean: task.meanNs / 1e6, rme: task.rme };
    const over = (pair: PairResult | undefined, role: 'measured' | 'reference') => {
      const side = pair?.[role];
      return side ? speedupOf(nativeSide, side) : null;
    };
    const nodePair = node?.pairs.find((q) => q.id === p.id);
    out.push({
      id: p.id,
      native: task,
      nativeMs: nativeSide.mean,
      wasmMs: nodePair?.measured?.mean ?? null,
      jsMs: nodePair?.reference?.mean ?? null,
      wasmOverNative: over(nodePair, 'measured'),
      jsOverNative: over(nodePair, 'reference'),
      browsers: browsers
        .filter((b) => b.status === 'done')
        .map((b) => ({
          project: b.project,
          wasmOverNative: over(
            b.pairs.find((q) => q.id === p.id),
            'measured',
          ),
        })),
    });
  }
  return out;
}
