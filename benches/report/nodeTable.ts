// The plain-text table `npm run bench` prints: one row per side of each pair, tinybench's
// statistics for it, and the pair's speedup on its measured (WASM) row.
import type { PairResult, SideStats } from './schema.ts';
import { formatMs, formatOps, formatPct, formatSpeedup } from './format.ts';

export const TABLE_HEADER = ['task', 'side', 'mean', 'median', 'p99', 'min', 'max', 'sd', 'ops/s', 'rme', 'samples', 'batch', 'speedup (reference/measured)'];

function sideCells(s: SideStats): string[] {
  return [
    formatMs(s.mean),
    formatMs(s.p50),
    formatMs(s.p99),
    formatMs(s.min),
    formatMs(s.max),
    formatMs(s.sd),
    formatOps(s.opsPerSecond),
    formatPct(s.rme),
    String(s.samples),
    String(s.batch),
  ];
}

/** Rows of cells (header first). A pair not timed gets one row saying why. */
export function tableRows(pairs: readonly PairResult[]): string[][] {
  const rows: string[][] = [TABLE_HEADER];
  for (const p of pairs) {
    if (p.status !== 'ok' || !p.measured || !p.reference) {
      rows.push([p.id, p.status === 'unequal' ? 'OUTPUTS DIFFER' : 'ERROR', p.error ?? '', ...Array<string>(TABLE_HEADER.length - 3).fill('')]);
      continue;
    }
    const speedup = p.speedup ? formatSpeedup(p.speedup.value, p.speedup.uncertainty) : 'n/a';
    const warn = (s: SideStats) => (s.warnings.length ? ' (!)' : '');
    rows.push([p.id, p.measured.label + warn(p.measured), ...sideCells(p.measured), speedup]);
    rows.push(['', p.reference.label + warn(p.reference), ...sideCells(p.reference), '']);
  }
  return rows;
}

/** Left-aligned text columns, numbers right-aligned. */
export function renderTextTable(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  const numeric = (c: number) => c >= 2;
  return rows
    .map((r, i) => {
      const line = r
        .map((cell, c) => (numeric(c) && i > 0 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd();
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

export function renderMarkdownTable(rows: readonly string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const [header, ...body] = rows;
  return [
    `| ${header!.map(esc).join(' | ')} |`,
    `|${header!.map((_, c) => (c >= 2 ? '---:' : '---')).join('|')}|`,
    ...body.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
