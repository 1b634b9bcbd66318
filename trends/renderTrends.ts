// trends.html: the history store drawn as one static page, readable from file:// and on a phone.
// Each trend is a line chart (inline SVG, no script) with its numbers in a table beside it, for
// screen readers and for whoever would rather read; what fails now is a table of when each failure
// began and the engine version it began with. The matrix's stylesheet is the page's, plus the
// charts' few rules, so both pages look alike.
import { htmlPage } from '../reporting/htmlPage.ts';
import { readFileSync } from 'node:fs';
import { escapeHtml as esc } from '../reporting/escapeHtml.ts';
import { browserProjectList } from '../runner/engines/browserProjects.ts';
import type { RunRow } from './historyStore.ts';
import type { MeasureChart, RunPoint, TrendsModel } from './trendsModel.ts';

const CSS = `${readFileSync(new URL('../matrix/matrix.css', import.meta.url), 'utf8')}
figure { margin: .5rem 0 1rem; }
figure svg { width: 100%; max-width: 44rem; height: auto; display: block; }
figcaption { font-size: .85rem; color: #4a4a4a; }
.swatches { display: flex; flex-wrap: wrap; gap: .15rem .9rem; padding: 0; margin: .25rem 0; list-style: none; font-size: .85rem; }
.swatches svg { width: 1.6rem; height: .8rem; vertical-align: middle; }
caption { text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.scroller.short { max-height: 22rem; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; }
`;

/** Colour-blind-safe colours (Okabe–Ito) after the registry's own; lines also differ by dash, so colour is never the only signal. */
const SPARE_COLOURS = ['#0072B2', '#000000', '#7A5195', '#6B6B6B'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'];

function colourOf(project: string, i: number): string {
  return browserProjectList().find((p) => p.name === project)?.colour ?? SPARE_COLOURS[i % SPARE_COLOURS.length]!;
}

const KIND_TITLES: Record<string, string> = {
  suite: 'The suite',
  bench: 'WASM against JavaScript (npm run bench, bench:browsers)',
  'bench-ab': 'A/B checks: B over A per task (npm run bench -- --check)',
  'crate-bench': "The crate's own benchmarks (npm run bench:crate)",
  lighthouse: 'Lighthouse (npm run lighthouse)',
  coverage: "The crate's line coverage (npm run coverage)",
};

const CHART_TITLES: Record<string, string> = {
  'size.wasm': "The module's size",
  'run.wall': "The run's wall time",
};

const UNIT_WORDS: Record<string, string> = {
  score: 'scores (0–100)',
  ms: 'times (ms)',
  cls: 'cumulative layout shift',
  percent: 'percent',
  ratio: 'ratio',
  ns: 'time per iteration',
  bytes: 'bytes',
};

const shortDate = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const shortCommit = (c: string | null) => (c ? c.slice(0, 8) : 'no commit');

function format(value: number, unit: string): string {
  if (unit === 'bytes') return `${value.toLocaleString('en')} B`;
  if (unit === 'ms') return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`;
  if (unit === 'share' || unit === 'percent') return `${(unit === 'share' ? value * 100 : value).toFixed(1)}%`;
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  if (unit === 'ns') return value >= 1e6 ? `${(value / 1e6).toFixed(2)} ms` : value >= 1e3 ? `${(value / 1e3).toFixed(2)} µs` : `${value.toFixed(1)} ns`;
  if (unit === 'score') return value.toFixed(0);
  return `${Number(value.toPrecision(4))} ${unit}`;
}

interface Line {
  label: string;
  colour: string;
  dash: string;
  points: Array<{ n: number; value: number }>;
}

/** An axis label: short, so that it fits the chart's margin. */
function tick(value: number, unit: string): string {
  if (unit === 'bytes') return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(1)} MiB` : `${(value / 1024).toFixed(0)} KiB`;
  return format(value, unit);
}

/**
 * A line chart: runs along the bottom (#1…#n), values up the side from 0, or from near the lowest
 * value when every value is far from 0 (a size that grows by a tenth, a share that drops by one
 * test), so that a change shows. `max`: the top, when the values have one (a share's 100%).
 */
function lineChart(title: string, lines: Line[], runs: number, unit: string, max?: number): string {
  const W = 640;
  const H = 240;
  const left = 72;
  const right = 12;
  const top = 12;
  const bottom = 30;
  const values = lines.flatMap((l) => l.points.map((p) => p.value));
  const min = Math.min(...values);
  let hi = max ?? Math.max(...values, 0);
  let lo = Math.min(0, min);
  if (min > 0 && (hi - min) / hi < 0.2) lo = Math.max(0, min - Math.max(hi - min, hi * 0.01));
  if (max === undefined) hi += (hi - lo) * 0.05 || 1;
  const x = (n: number) => left + (runs <= 1 ? (W - left - right) / 2 : ((n - 1) / (runs - 1)) * (W - left - right));
  const y = (v: number) => top + (1 - (v - lo) / (hi - lo || 1)) * (H - top - bottom);
  const ticks = [lo, (lo + hi) / 2, hi];
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${left}" x2="${W - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#dedede"/><text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="13" fill="#4a4a4a">${esc(tick(t, unit))}</text>`,
    )
    .join('');
  const step = Math.max(1, Math.ceil(runs / 12));
  const xTicks = Array.from({ length: runs }, (_, i) => i + 1)
    .filter((n) => (n - 1) % step === 0 || n === runs)
    .map((n) => `<text x="${x(n).toFixed(1)}" y="${H - 10}" text-anchor="middle" font-size="13" fill="#4a4a4a">#${n}</text>`)
    .join('');
  const paths = lines
    .map((l) => {
      const d = l.points.map((p, i) => `${i ? 'L' : 'M'}${x(p.n).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
      const dots = l.points.map((p) => `<circle cx="${x(p.n).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2.5" fill="${l.colour}"/>`).join('');
      return `<path d="${d}" fill="none" stroke="${l.colour}" stroke-width="2"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/>${dots}`;
    })
    .join('');
  const swatches = lines
    .map(
      (l) =>
        `<li><svg viewBox="0 0 24 10" aria-hidden="true"><line x1="0" x2="24" y1="5" y2="5" stroke="${l.colour}" stroke-width="2.5"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/></svg> ${esc(l.label)}</li>`,
    )
    .join('');
  return `<figure>
<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`${title}: a line chart over ${runs} runs; the table below holds its numbers`)}">${grid}${xTicks}${paths}</svg>
<ul class="swatches" aria-hidden="true">${swatches}</ul>
</figure>`;
}

function table(caption: string, header: string[], rows: string[][], numericFrom = 1): string {
  const cell = (tag: string, text: string, c: number) => `<${tag}${c >= numericFrom ? ' class="num"' : ''}>${text}</${tag}>`;
  return `<div class="scroller short" tabindex="0" role="region" aria-label="${esc(caption)}"><table>
<caption class="meta">${esc(caption)}</caption>
<thead><tr>${header.map((h, c) => cell('th', esc(h), c)).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((v, c) => (c === 0 ? `<th scope="row">${v}</th>` : cell('td', v, c))).join('')}</tr>`).join('\n')}</tbody>
</table></div>`;
}

const runLabel = (p: RunPoint) => `#${p.n}`;
const runWords = (p: RunPoint) => `#${p.n} (${shortDate(p.run.at)}, ${shortCommit(p.run.commit)})`;

function measureSection(chart: MeasureChart): string {
  const title = CHART_TITLES[chart.title] ?? chart.title;
  const lines: Line[] = chart.series.map((s, i) => ({
    label: s.label,
    colour: colourOf(s.project || s.label, i),
    dash: DASHES[i % DASHES.length]!,
    points: s.points,
  }));
  const used = chart.runs.filter((p) => chart.series.some((s) => s.points.some((q) => q.n === p.n)));
  const rows = used.map((p) => [
    esc(runWords(p)),
    ...chart.series.map((s) => {
      const v = s.points.find((q) => q.n === p.n);
      return v ? esc(format(v.value, chart.unit)) : '—';
    }),
  ]);
  // Charts of one name in different units (Lighthouse's scores, times and CLS for one page) say which.
  const heading = CHART_TITLES[chart.title] ?? `${title}: ${UNIT_WORDS[chart.unit] ?? chart.unit}`;
  return `<h3>${esc(heading)}</h3>
${lineChart(title, lines, chart.runs.length, chart.unit)}
${table(`${title} (${chart.unit}), per run`, ['run', ...chart.series.map((s) => s.label)], rows)}`;
}

function shareSection(model: TrendsModel): string {
  if (!model.share.length) return '<p>No suite run in the store yet.</p>';
  const lines: Line[] = model.share.map((s, i) => ({
    label: s.project,
    colour: colourOf(s.project, i),
    dash: DASHES[i % DASHES.length]!,
    points: s.points.map((p) => ({ n: p.n, value: p.share })),
  }));
  const rows = model.suiteRuns.map((p) => [
    esc(runWords(p)),
    ...model.share.map((s) => {
      const point = s.points.find((q) => q.n === p.n);
      return point ? esc(`${format(point.share, 'share')} (${point.passing}/${point.judged})${point.version ? ` on ${point.version}` : ''}`) : 'not run';
    }),
  ]);
  return `${lineChart('Passing share per project', lines, model.suiteRuns.length, 'share', 1)}
${table('Passing share per project and run (passing / judged, on the engine version)', ['run', ...model.share.map((s) => s.project)], rows)}`;
}

function failingSection(model: TrendsModel): string {
  if (!model.failingNow.length) return '<p>Nothing fails in the latest run of any project.</p>';
  const rows = model.failingNow.map((f) => [
    `${esc(f.item)}`,
    esc(f.project),
    esc(f.text),
    esc(runWords(f.since)),
    esc(f.version ?? 'unknown'),
    esc(f.newItem ? 'new in that run' : f.versionBefore ? `yes: ${f.versionBefore} → ${f.version}` : 'no: same engine version'),
  ]);
  return table(
    'What fails in the latest run, and the run its failing began',
    ['probe or Rust test', 'project', 'now', 'failing since', 'engine version then', 'began with a new engine version?'],
    rows,
    9,
  );
}

function versionSection(model: TrendsModel): string {
  if (!model.versions.length) return '<p>No engine changed its version across these runs.</p>';
  return table(
    'Engine versions that changed, and the run they changed at',
    ['project', 'run', 'from', 'to'],
    model.versions.map((v) => [esc(v.project), esc(runWords(v.at)), esc(v.from ?? 'unknown'), esc(v.to ?? 'unknown')]),
    9,
  );
}

function runsSection(runs: RunRow[]): string {
  return table(
    'Every run in the store, oldest first',
    ['when', 'kind', 'subject', 'commit', 'branch', 'machine', 'wall time'],
    runs.map((r) => [
      esc(shortDate(r.at)),
      esc(r.kind),
      esc(r.subject ?? '—'),
      esc(`${shortCommit(r.commit)}${r.dirty ? ' (uncommitted changes)' : ''}`),
      esc(r.branch ?? '—'),
      esc(r.machine ?? '—'),
      esc(r.wallMs === null ? '—' : format(r.wallMs, 'ms')),
    ]),
    6,
  );
}

export function renderTrends(model: TrendsModel, store: string, generatedAt = new Date().toISOString()): string {
  const title = `wasm-compat trends: ${model.subject ?? 'every subject'}`;
  const first = model.suiteRuns[0];
  const last = model.suiteRuns.at(-1);
  const kinds = [...new Set(model.charts.map((c) => c.kind))];
  const sections = kinds.map(
    (kind) =>
      `<section aria-labelledby="k-${kind}"><h2 id="k-${kind}">${esc(KIND_TITLES[kind] ?? kind)}</h2>
${model.charts
  .filter((c) => c.kind === kind)
  .map(measureSection)
  .join('\n')}</section>`,
  );
  return htmlPage({
    title,
    css: CSS,
    body: `<header>
<h1>${esc(title)}</h1>
<p class="meta">${model.suiteRuns.length} suite runs${first && last ? `, ${esc(runLabel(first))} on ${esc(shortDate(first.run.at))} to ${esc(runLabel(last))} on ${esc(shortDate(last.run.at))}` : ''}; ${model.allRuns.length} runs of every kind, from the history store ${esc(store)}. Drawn ${esc(shortDate(generatedAt))}.</p>
${model.otherSubjects.length ? `<p class="meta">The store also holds runs of ${esc(model.otherSubjects.join(', '))}, left out here: <code>npm run report -- --history &lt;store&gt; --subject &lt;name&gt;</code> draws one of them.</p>\n` : ''}<nav aria-label="sections"><ul><li><a href="index.html">The latest run's matrix</a></li><li><a href="#share">Passing share</a></li><li><a href="#failing">Failing now</a></li><li><a href="#versions">Engine versions</a></li>${kinds.map((k) => `<li><a href="#k-${k}">${esc(KIND_TITLES[k] ?? k)}</a></li>`).join('')}<li><a href="#runs">Every run</a></li></ul></nav>
</header>
<main>
<section aria-labelledby="share"><h2 id="share">Passing share per project</h2>
<p class="meta">Of each project's judged probes and Rust tests, the share that did not fail the run.</p>
${shareSection(model)}</section>
<section aria-labelledby="failing"><h2 id="failing">Failing now, and since when</h2>
${failingSection(model)}</section>
<section aria-labelledby="versions"><h2 id="versions">Engine versions</h2>
${versionSection(model)}</section>
${sections.join('\n')}
<section aria-labelledby="runs"><h2 id="runs">Every run</h2>
${runsSection(model.allRuns)}</section>
</main>`,
  });
}
