// The crate's benchmarks across engines, as rows: one per benchmark (criterion's id) and context,
// one cell per project. The terminal's table, summary.md's and index.html's chart read these.
import type { CriterionBenchmark, EstimateNs } from '../../runner/rustTests/criterionDump.ts';
import { formatMs } from '../report/format.ts';
import { renderTextTable } from '../report/nodeTable.ts';
import type { CrateBenchRun } from './schema.ts';
import { throttlingOf } from '../../runner/throttling/applyThrottling.ts';
import type { ThrottlingRecord } from '../../runner/throttling/throttlingProfile.ts';

/** What was slowed where a project is a throttled phone (runner/throttling/), or null: its times are a phone's, not this machine's. */
export function crateRunThrottling(run: CrateBenchRun): string | null {
  return throttlingOf((run.engine as { throttling?: ThrottlingRecord | null } | null)?.throttling);
}

/** A project's name in a table or chart, marked when its engine was throttled to a phone's speed. */
export function crateSeriesName(run: CrateBenchRun): string {
  return crateRunThrottling(run) ? `${run.project} (throttled)` : run.project;
}

export interface CrateBenchRow {
  /** criterion's id, and the context when it is not the main thread: `checksum/10000 (dedicated worker)`. */
  label: string;
  id: string;
  target: string;
  mode: string;
  /** Per run, in the order given: criterion's estimate there, or why there is none. */
  cells: Array<{ benchmark: CriterionBenchmark } | { missing: string }>;
}

/** criterion's headline with its interval: `19.6 µs [18.7 – 21.6]`. */
export function formatEstimate(e: EstimateNs): string {
  return `${formatMs(e.point / 1e6)} [${formatMs(e.low / 1e6)} – ${formatMs(e.high / 1e6)}]`;
}

export function crateBenchRows(runs: readonly CrateBenchRun[]): CrateBenchRow[] {
  const rows = new Map<string, CrateBenchRow>();
  for (const [i, run] of runs.entries())
    for (const r of run.runs)
      for (const b of r.benchmarks) {
        const key = `${b.id}\0${r.target}\0${r.mode}`;
        let row = rows.get(key);
        if (!row) {
          row = { label: r.mode === 'main thread' ? b.id : `${b.id} (${r.mode})`, id: b.id, target: r.target, mode: r.mode, cells: [] };
          rows.set(key, row);
        }
        row.cells[i] = { benchmark: b };
      }
  // A run without the benchmark says why: its binary's run failed or was unsupported there, or the project did not run.
  for (const row of rows.values())
    for (const [i, run] of runs.entries()) {
      if (row.cells[i]) continue;
      const binary = run.runs.find((r) => r.target === row.target && r.mode === row.mode);
      row.cells[i] = {
        missing: binary
          ? `${binary.status}${binary.reason ? `: ${binary.reason}` : ''}`
          : run.status !== 'done'
            ? `${run.status}: ${run.reason ?? ''}`
            : 'not run in this context',
      };
    }
  return [...rows.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** One project's run as the terminal shows it. */
export function crateBenchTable(run: CrateBenchRun): string {
  const rows = crateBenchRows([run]).map((row) => {
    const cell = row.cells[0]!;
    if ('missing' in cell) return [row.label, row.target, cell.missing, '', ''];
    const b = cell.benchmark;
    return [row.label, row.target, formatEstimate(b.typical), `${b.samples}`, b.samplingMode === 'Linear' ? 'slope' : 'mean'];
  });
  const failures = run.runs.filter((r) => r.status !== 'done').map((r) => [`${r.target} (${r.mode})`, '', `${r.status}: ${r.reason ?? ''}`, '', '']);
  return renderTextTable([['benchmark', 'target', 'time per iteration [95% CI]', 'samples', 'estimate'], ...rows, ...failures]);
}

/** Each engine's facts for the crate's runs: engine and version, the crate, how long. */
export function crateRunFacts(run: CrateBenchRun): string {
  if (run.status === 'not-run') return `${run.project}: not run — ${run.reason ?? 'no reason recorded'}`;
  const engine = run.engine as { engine?: string; version?: string; device?: string | null } | null;
  const parts = [
    engine ? `${engine.engine} ${engine.version}${engine.device ? `, emulating ${engine.device}` : ''}` : null,
    run.subject ? `${run.subject.name}${run.subject.features.length ? ` (features ${run.subject.features.join(', ')})` : ''}` : null,
    crateRunThrottling(run),
    run.status === 'failed' ? `FAILED: ${run.reason ?? ''}` : null,
    `${(run.durationMs / 1000).toFixed(1)} s, ${run.startedAt}`,
  ];
  return `${run.project}: ${parts.filter(Boolean).join('; ')}`;
}

/** summary.md's section: a row per benchmark, a column per project. */
export function crateBenchMarkdown(runs: readonly CrateBenchRun[], renderTable: (rows: string[][]) => string): string[] {
  const out = ['## The crate’s own benchmarks (#[wasm_bindgen_bench])', ''];
  if (!runs.length) return [...out, 'No run yet: `npm run bench:crate`.', ''];
  out.push(
    'criterion’s estimate per iteration (the regression slope, or the mean under flat sampling) and its 95% interval, measured by wasm-bindgen-test’s criterion port in each engine.',
    '',
  );
  const rows = crateBenchRows(runs).map((row) => [
    row.label,
    row.target,
    ...row.cells.map((c) => ('benchmark' in c ? formatEstimate(c.benchmark.typical) : c.missing.split(':')[0]!)),
  ]);
  if (rows.length) out.push(renderTable([['benchmark', 'target', ...runs.map(crateSeriesName)], ...rows]), '');
  out.push(...runs.map((r) => `- ${crateRunFacts(r)}`), '');
  return out;
}
