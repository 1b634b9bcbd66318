// reports/bench/summary.md: the Node table, speedups per engine and WASM against native, as Markdown a person reads on GitHub or in a terminal.
import type { CollectedReports } from './collectReports.ts';
import { nativeComparisons, speedupIn, taskRows, runThrottling, timedRuns } from './comparisons.ts';
import { formatMs, formatPct, formatSpeedup, significant } from './format.ts';
import { renderMarkdownTable, tableRows } from './nodeTable.ts';
import { runFacts } from './runFacts.ts';
import type { BenchRun } from './schema.ts';
import { crateBenchMarkdown } from '../crate/crateBenchTable.ts';
import { TIER_TABLE_NOTE, tierComparison, tierTableRows } from './tierComparison.ts';

/** Text that Markdown renderers must show as text, not as HTML. */
function markdownText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const HOW_TO_READ = [
  'Speedup = reference time / measured time: for WASM-vs-JS tasks, JS time / WASM time, so above 1× WASM is faster;',
  'for the route tasks (load, compile), the second route’s time over the first’s. ± is a 95% margin, propagated',
  'from both sides’ relative margins of error (rme); it covers noise within the run, not drift between runs.',
].join(' ');

/** One row per task, one column per run: its speedup with its margin, or why it was not timed. */
function speedupTable(runs: BenchRun[]): string {
  const rows = taskRows(runs).map((t) => [
    t.id,
    `${t.measuredLabel} vs ${t.referenceLabel}`,
    ...runs.map((r) => {
      const s = speedupIn(r, t.id);
      return s ? formatSpeedup(s.value, s.uncertainty) : (r.pairs.find((p) => p.id === t.id)?.status ?? '—');
    }),
  ]);
  return renderMarkdownTable([['task', 'measured vs reference', ...runs.map((r) => r.project)], ...rows]);
}

export function renderSummaryMarkdown(c: CollectedReports, generatedAt = new Date().toISOString()): string {
  const out: string[] = ['# Benchmarks: WebAssembly against JavaScript', '', `Generated ${generatedAt}. ${HOW_TO_READ} Charts: index.html.`, ''];

  out.push('## Node', '');
  if (c.node) {
    out.push(runFacts(c.node), '', renderMarkdownTable(tableRows(c.node.pairs)), '');
    const warned = c.node.pairs.flatMap((p) =>
      [p.measured, p.reference].filter((s) => s?.warnings.length).map((s) => `${p.id} ${s!.label}: ${s!.warnings.join(', ')}`),
    );
    if (warned.length) out.push('Timer warnings from tinybench:', '', ...warned.map((w) => `- ${w}`), '');
    const rmes = c.node.pairs.flatMap((p) => [p.measured?.rme, p.reference?.rme]).filter((r): r is number => r !== undefined);
    if (rmes.length) out.push(`${rmes.filter((r) => r < 2).length} of ${rmes.length} tasks have rme under 2%.`, '');
  } else out.push('No Node run yet: `npm run bench`.', '');

  const runs = timedRuns(c);
  const browsersAll = c.browsers;
  const allTasks = taskRows([c.node, ...c.browsers].filter((r) => r !== null));
  if (allTasks.length) {
    out.push(
      'Tasks:',
      '',
      ...allTasks.map(
        (t) =>
          `- \`${t.id}\` — ${markdownText(t.title)}${t.kind === 'route' ? ` (${markdownText(t.measuredLabel)} against ${markdownText(t.referenceLabel)})` : ''}`,
      ),
      '',
    );
  }

  out.push('## Speedup per engine', '');
  if (runs.length) {
    out.push(speedupTable(runs), '');
  }
  const throttled = timedRuns(c, true);
  if (throttled.length) {
    out.push(
      '## Speedup on a throttled phone',
      '',
      'Runs slowed to a mid-tier phone (runner/throttling/): a phone’s numbers, apart from this machine’s above.',
      '',
    );
    out.push(...throttled.map((r) => `- ${r.project}: ${runThrottling(r)}`), '');
    out.push(speedupTable(throttled), '');
  }
  if (browsersAll.length) out.push('Engines:', '', ...browsersAll.map((b) => `- ${runFacts(b)}`), '');
  else out.push('No browser run yet: `npm run bench:browsers`.', '');

  out.push('## WASM against native', '');
  const native = nativeComparisons(c.native, c.node, c.browsers);
  if (c.native && native.length) {
    out.push(
      `Native: criterion, ${c.native.rustc} on ${c.native.host}, measured ${c.native.measuredAt}. “× native” is time over native time: 1× is native speed.`,
      '',
    );
    const rows = native.map((n) => [
      n.id,
      `${formatMs(n.nativeMs)} ${formatPct(n.native.rme)}`,
      n.wasmMs === null ? '—' : formatMs(n.wasmMs),
      n.jsMs === null ? '—' : formatMs(n.jsMs),
      n.wasmOverNative ? formatSpeedup(n.wasmOverNative.value, n.wasmOverNative.uncertainty) : '—',
      n.jsOverNative ? formatSpeedup(n.jsOverNative.value, n.jsOverNative.uncertainty) : '—',
      ...n.browsers.map((b) => (b.wasmOverNative ? `${significant(b.wasmOverNative.value)}×` : '—')),
      n.native.outputs,
    ]);
    const browserHeads = native[0]!.browsers.map((b) => `WASM ${b.project} × native`);
    out.push(renderMarkdownTable([['task', 'native', 'WASM (Node)', 'JS (Node)', 'WASM × native', 'JS × native', ...browserHeads, 'outputs'], ...rows]), '');
  } else out.push('No native run yet: `npm run bench:native`.', '');

  const tiers = tierComparison(c.browsers);
  if (tiers.pairs.length) out.push('## Baseline against optimizing compiler', '', TIER_TABLE_NOTE, '', renderMarkdownTable(tierTableRows(tiers, formatMs)), '');
  out.push(...crateBenchMarkdown(c.crate, renderMarkdownTable));
  return `${out.join('\n').trimEnd()}\n`;
}
