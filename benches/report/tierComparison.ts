// What a user's first seconds cost: per kernel, the WASM side's time on an engine's baseline
// compiler (or its interpreter) over its time on the optimizing one, from the runs of the projects
// pinned to each (npm run bench:browsers -- --project chromium-liftoff,chromium-turbofan:
// docs/tiers.md). An engine with no optimizing pin (WebKitGTK: OMG cannot run without BBQ) is
// compared with its default project, whose code a benchmark's warm-up has tiered up to the
// optimizing compiler.
import type { BenchRun } from './schema.ts';

interface RunTier {
  name: string;
  role: 'baseline' | 'optimizing' | 'interpreter';
}

export function runTier(run: BenchRun): RunTier | null {
  return (run.engine as { tier?: RunTier } | null)?.tier ?? null;
}

/** What the table shows, under its heading in summary.md and index.html. */
export const TIER_TABLE_NOTE =
  'The WASM side’s mean on the engine pinned to its baseline compiler (or its interpreter) over its mean pinned to the optimizing one, or else on its default project, whose warm code is the optimizing compiler’s (docs/tiers.md): what a user’s first seconds cost, before the engine tiers up.';

export interface TierPair {
  engine: string;
  baseline: BenchRun;
  optimizing: BenchRun;
}

export interface TierRow {
  id: string;
  /** One per engine pair, in order: the measured side's mean on each compiler (ms) and baseline over optimizing; null where either did not time it. */
  cells: Array<{ baselineMs: number; optimizingMs: number; ratio: number } | null>;
}

/** The engines that have a finished run on a baseline and on an optimizing pin, and each task's ratio there. */
export function tierComparison(runs: readonly BenchRun[]): { pairs: TierPair[]; rows: TierRow[] } {
  const done = runs.filter((r) => r.status === 'done');
  const engineOf = (r: BenchRun) => String((r.engine as { engine?: unknown } | null)?.engine ?? r.project);
  const pairs: TierPair[] = [];
  for (const baseline of done.filter((r) => runTier(r) && runTier(r)!.role !== 'optimizing')) {
    const engine = engineOf(baseline);
    const optimizing = done.find((r) => runTier(r)?.role === 'optimizing' && engineOf(r) === engine) ?? done.find((r) => !runTier(r) && r.project === engine);
    if (optimizing) pairs.push({ engine, baseline, optimizing });
  }
  const ids = [...new Set(pairs.flatMap((p) => p.baseline.pairs.map((x) => x.id)))];
  const rows = ids.map((id) => ({
    id,
    cells: pairs.map((p) => {
      const b = p.baseline.pairs.find((x) => x.id === id)?.measured?.mean;
      const o = p.optimizing.pairs.find((x) => x.id === id)?.measured?.mean;
      return b && o ? { baselineMs: b, optimizingMs: o, ratio: b / o } : null;
    }),
  }));
  return { pairs, rows };
}

/** The table's rows, header first: a task, then per engine its two times and their ratio. */
export function tierTableRows(c: { pairs: TierPair[]; rows: TierRow[] }, format: (ms: number) => string): string[][] {
  const header = [
    'task',
    ...c.pairs.flatMap((p) => [
      `${p.engine} ${runTier(p.baseline)!.name}`,
      `${p.engine} ${runTier(p.optimizing)?.name ?? 'default tiering'}`,
      `${runTier(p.baseline)!.role} ÷ optimizing`,
    ]),
  ];
  return [
    header,
    ...c.rows.map((r) => [
      r.id,
      ...r.cells.flatMap((cell) => (cell ? [format(cell.baselineMs), format(cell.optimizingMs), `${cell.ratio.toFixed(2)}×`] : ['—', '—', '—'])),
    ]),
  ];
}
