// reports/bench/index.html: one static page, no script, no chart library — inline SVG a person
// reads in any browser: speedup per task per engine, WASM against native, then the full tables.
import type { CollectedReports } from './collectReports.ts';
import { nativeComparisons, speedupIn, taskRows, runThrottling, timedRuns } from './comparisons.ts';
import { escapeHtml } from '../../reporting/escapeHtml.ts';
import { browserProjectList } from '../../runner/engines/browserProjects.ts';
import { formatMs, formatSpeedup, significant } from './format.ts';
import { tableRows } from './nodeTable.ts';
import { runFacts } from './runFacts.ts';
import type { BenchRun, Speedup } from './schema.ts';
import { type ChartPoint, renderLogBarChart } from './svgCharts.ts';
import { crateBenchRows, crateRunFacts, crateSeriesName, formatEstimate } from '../crate/crateBenchTable.ts';
import { TIER_TABLE_NOTE, tierComparison, tierTableRows } from './tierComparison.ts';
import type { CrateBenchRun } from '../crate/schema.ts';

// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies: Node's here, each
// browser project's in its engine or device descriptor (runner/engines/registry/).
const NODE_COLOUR = '#0072B2';
const OTHER_COLOURS = ['#F0E442', '#000000'];
const JS_COLOUR = '#999999';

function colour(project: string, i: number): string {
  if (project === 'node') return NODE_COLOUR;
  return browserProjectList().find((p) => p.name === project)?.colour ?? OTHER_COLOURS[i % OTHER_COLOURS.length]!;
}

function point(s: Speedup | null, text = (x: Speedup) => formatSpeedup(x.value, x.uncertainty)): ChartPoint | null {
  if (!s) return null;
  return { value: s.value, low: Math.max(s.value - s.uncertainty, s.value / 100), high: s.value + s.uncertainty, text: text(s) };
}

function table(rows: readonly string[][], numericFrom = 2): string {
  const [header, ...body] = rows;
  const cell = (tag: string, text: string, c: number) => `<${tag}${c >= numericFrom ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  return `<table><thead><tr>${header!.map((h, c) => cell('th', h, c)).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((v, c) => cell('td', v, c)).join('')}</tr>`).join('')}</tbody></table>`;
}

const STYLE = `
body { font-family: system-ui, sans-serif; color: #1b1b1b; max-width: 70rem; margin: 0 auto; padding: 1rem; line-height: 1.45; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
.chart { overflow-x: auto; } svg { max-width: none; }
table { border-collapse: collapse; font-size: .8rem; margin: .5rem 0; }
th, td { border-bottom: 1px solid #e2e2e2; padding: .2rem .45rem; text-align: left; white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #555; font-size: .9rem; } .bad { color: #b00020; font-weight: 600; }
ul.facts li { font-size: .85rem; }
dl.tasks { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .85rem; } dl.tasks dd { margin: 0; }
`;

function speedupChart(runs: BenchRun[], title: string): string {
  return `<div class="chart">${renderLogBarChart({
    title,
    series: runs.map((r, i) => ({ name: r.project, color: colour(r.project, i) })),
    rows: taskRows(runs).map((t) => ({
      label: t.id,
      note: t.kind === 'route' ? `${t.measuredLabel} vs ${t.referenceLabel}` : undefined,
      points: runs.map((r) => point(speedupIn(r, t.id))),
    })),
    origin: 1,
    originLabel: '1× (same speed)',
    leftMeans: 'WASM (first route) slower',
    rightMeans: 'WASM (first route) faster',
  })}</div>`;
}

/**
 * Each benchmark across engines: time over the fastest engine's (1×: the fastest; a bar to the
 * right is that many times slower), whiskers from criterion's 95% interval, the time itself printed.
 */
function crateBenchSection(runs: readonly CrateBenchRun[]): string {
  if (!runs.length) return '<p>No run yet: <code>npm run bench:crate</code>.</p>';
  const rows = crateBenchRows(runs);
  const parts = [
    `<p class="note">The subject crate’s benchmarks, measured by wasm-bindgen-test’s criterion port in each engine through the suite’s WebDriver bridge: criterion’s estimate per iteration (the regression slope, or the mean under flat sampling), its 95% interval as whiskers, over the fastest engine’s estimate.</p>`,
  ];
  if (rows.length)
    parts.push(
      `<div class="chart">${renderLogBarChart({
        title: 'Each benchmark across engines (time over the fastest engine’s)',
        series: runs.map((r, i) => ({ name: crateSeriesName(r), color: colour(r.project, i) })),
        rows: rows.map((row) => {
          const times = row.cells.flatMap((cell) => ('benchmark' in cell ? [cell.benchmark.typical.point] : []));
          const fastest = Math.min(...times);
          return {
            label: row.label,
            note: `${row.target}, fastest ${formatMs(fastest / 1e6)}`,
            points: row.cells.map((cell) => {
              if (!('benchmark' in cell)) return null;
              const t = cell.benchmark.typical;
              return { value: t.point / fastest, low: Math.max(t.low / fastest, 1e-3), high: t.high / fastest, text: formatEstimate(t) };
            }),
          };
        }),
        origin: 1,
        originLabel: 'the fastest engine',
        leftMeans: 'faster',
        rightMeans: 'slower than the fastest engine',
      })}</div>`,
    );
  const missing = rows.flatMap((row) => row.cells.flatMap((cell, i) => ('missing' in cell ? [`${row.label} in ${runs[i]!.project}: ${cell.missing}`] : [])));
  if (missing.length) parts.push(`<p class="note">Not measured: ${missing.map(escapeHtml).join('; ')}</p>`);
  parts.push(`<ul class="facts">${runs.map((r) => `<li>${escapeHtml(crateRunFacts(r))}</li>`).join('')}</ul>`);
  return parts.join('\n');
}

export function renderIndexHtml(c: CollectedReports, generatedAt = new Date().toISOString()): string {
  const runs = timedRuns(c);
  const tasks = taskRows(runs);
  const body: string[] = [];
  body.push('<h1>WebAssembly against JavaScript, per engine</h1>');
  body.push(
    `<p class="note">Generated ${escapeHtml(generatedAt)} from the runs in this folder. Each task does the same work two ways on the same input, after checking both give the same answer; tinybench times each. <b>Speedup</b> is the reference side’s time over the measured side’s: for WASM-vs-JS tasks, JS time / WASM time, so a bar to the right means WebAssembly is faster. Whiskers are 95% margins propagated from both sides’ relative margins of error; they cover noise within a run, not drift between runs. The scale is logarithmic: 2× faster and 2× slower are equally far from 1×.</p>`,
  );

  body.push('<h2>Speedup per task and engine</h2>');
  if (runs.length) body.push(speedupChart(runs, 'Speedup per task and engine (reference time / measured time)'));
  else body.push('<p>No benchmark run yet: <code>npm run bench</code>, <code>npm run bench:browsers</code>.</p>');
  const throttled = timedRuns(c, true);
  if (throttled.length) {
    body.push('<h2>Speedup on a throttled phone</h2>');
    body.push(
      `<p class="note">Runs slowed to a mid-tier phone (runner/throttling/): a phone’s numbers, apart from this machine’s above. ${throttled.map((r) => `${escapeHtml(r.project)}: ${escapeHtml(runThrottling(r) ?? '')}`).join('; ')}.</p>`,
    );
    body.push(speedupChart(throttled, 'Speedup per task on a throttled phone (reference time / measured time)'));
  }
  const notRun = c.browsers.filter((b) => b.status !== 'done');
  if (notRun.length) body.push(`<p class="note">Not run: ${notRun.map((b) => escapeHtml(runFacts(b))).join('; ')}</p>`);

  body.push('<h2>WASM against native code</h2>');
  const native = nativeComparisons(c.native, c.node, c.browsers);
  if (c.native && native.length) {
    const browsers = native[0]!.browsers.map((b) => b.project);
    const series = [
      { name: 'WASM node', color: colour('node', 0) },
      ...browsers.map((p, i) => ({ name: `WASM ${p}`, color: colour(p, i) })),
      { name: 'JS node', color: JS_COLOUR },
    ];
    const ratioText = (s: Speedup) => `${significant(s.value)}× native ± ${significant(s.rme, 2)}%`;
    body.push(
      `<p class="note">Time over the same kernel compiled natively (criterion, ${escapeHtml(c.native.rustc)}, ${escapeHtml(c.native.host)}): 1× is native speed, a bar to the right is that many times slower. Native code has no JS boundary: no string transcoding, no typed-array copies.</p>`,
    );
    body.push(
      `<div class="chart">${renderLogBarChart({
        title: 'Time relative to native code',
        series,
        rows: native.map((n) => ({
          label: n.id,
          note: `native ${formatMs(n.native.meanNs / 1e6)}, outputs ${n.native.outputs}`,
          points: [point(n.wasmOverNative, ratioText), ...n.browsers.map((b) => point(b.wasmOverNative, ratioText)), point(n.jsOverNative, ratioText)],
        })),
        origin: 1,
        originLabel: 'native',
        leftMeans: 'faster than native',
        rightMeans: 'slower than native',
      })}</div>`,
    );
  } else body.push('<p>No native run yet: <code>npm run bench:native</code>.</p>');

  const tiers = tierComparison(c.browsers);
  if (tiers.pairs.length) {
    body.push('<h2>Baseline against optimizing compiler</h2>');
    body.push(`<p class="note">${TIER_TABLE_NOTE}</p>`);
    body.push(`<div class="chart">${table(tierTableRows(tiers, formatMs), 1)}</div>`);
  }

  body.push('<h2>The crate’s own benchmarks (#[wasm_bindgen_bench])</h2>');
  body.push(crateBenchSection(c.crate));

  body.push('<h2>Tasks</h2>');
  body.push(
    `<dl class="tasks">${tasks.map((t) => `<dt>${escapeHtml(t.id)}</dt><dd>${escapeHtml(t.title)}${t.kind === 'route' ? ` — ${escapeHtml(t.measuredLabel)} against ${escapeHtml(t.referenceLabel)}` : ''}</dd>`).join('')}</dl>`,
  );

  body.push('<h2>Engines</h2>');
  body.push(
    `<ul class="facts">${[c.node, ...c.browsers]
      .filter((r) => r !== null)
      .map((r) => `<li>${escapeHtml(runFacts(r!))}</li>`)
      .join('')}</ul>`,
  );

  for (const run of [...runs, ...throttled]) {
    body.push(`<h2>${escapeHtml(run.project)}: every statistic</h2>`);
    body.push(
      `<p class="note">Times per unit of work. rme: relative margin of error of the mean (95%). batch: calls per timed sample (1: tinybench timed each call).</p>`,
    );
    body.push(`<div class="chart">${table(tableRows(run.pairs))}</div>`);
  }
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>wasm-compat benchmarks</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
