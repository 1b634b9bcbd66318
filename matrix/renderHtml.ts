// reports/index.html: the matrix as one static page (inline CSS, no script), readable from
// file://, a CI artifact or a phone. A summary line, links to the other reports, the changes since
// the previous run, then one table per target. Each cell shows its state as a symbol and words;
// its detail shows on hover (title) and on tap (details), with a link to the test in the
// Playwright HTML report.
import { htmlPage } from '../reporting/htmlPage.ts';
import { disagreementLine, type TierDisagreement } from './tierDisagreements.ts';
import { readFileSync } from 'node:fs';
import { escapeHtml as esc } from '../reporting/escapeHtml.ts';
import type { CompatReport } from '../runner/compatReport.ts';
import { CHANGE_TITLES, type ChangeKind, type Changes } from './changes.ts';
import { type Cell, CELL_KINDS, type CellKind, type Column, FAILING, type MatrixGroup, type MatrixSummary } from './matrixModel.ts';

const CSS = readFileSync(new URL('./matrix.css', import.meta.url), 'utf8');

export interface ReportLink {
  href: string;
  label: string;
}

export interface PageInput {
  report: CompatReport;
  groups: MatrixGroup[];
  summary: MatrixSummary;
  changes: Changes;
  /** Rows that pass on one of an engine's compilers and fail on another (matrix/tierDisagreements.ts). */
  disagreements?: readonly TierDisagreement[];
  /** The other reports in the same folder, as found when the page was written. */
  links: ReportLink[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function cellHtml(cell: Cell, column: Column): string {
  const { symbol } = CELL_KINDS[cell.kind];
  const link =
    cell.testId && column.htmlReport !== null
      ? `<a href="${esc(`${column.htmlReport}/index.html#?testId=${encodeURIComponent(cell.testId)}`)}">the test in the Playwright report</a>`
      : '';
  return `<td class="cell k-${cell.kind}"><details><summary><span class="symbol" aria-hidden="true">${symbol}</span> ${esc(cell.text)}</summary><p>${esc(cell.detail)}</p>${link}</details></td>`;
}

/** A column's head: project, engine and version, device; the longer facts fold away, so the header row stays short on a phone. */
function columnHeader(c: Column): string {
  const lines = [c.engine ? `${c.engine} ${c.version}` : 'not run', c.device ? `${c.device}${c.emulated ? ', emulated' : ''}` : null, c.source].filter(
    (x): x is string => x !== null,
  );
  const folded = (label: string, text: string) => `<details class="more"><summary>${esc(label)}</summary>${esc(text)}</details>`;
  const notApplied = c.notApplied.length > 0 ? folded(`${c.notApplied.length} not applied`, c.notApplied.join(', ')) : '';
  const throttled = c.throttled ? folded('throttled', c.throttled) : '';
  const reason = c.ran ? '' : folded('why not', c.reason ?? 'no reason recorded');
  return `<th scope="col"><span class="project">${esc(c.project)}</span>${lines.map((l, i) => `<span class="${i === 0 ? 'engine' : 'more'}">${esc(l)}</span>`).join('')}${throttled}${notApplied}${reason}</th>`;
}

function groupHtml(group: MatrixGroup, primary: boolean): string {
  const head = `<tr><th scope="col">${primary ? 'Probe' : 'Check'}</th>${group.columns.map(columnHeader).join('')}</tr>`;
  const body = group.sections
    .map((s) => {
      const title = `<tr class="section"><th colspan="${group.columns.length + 1}" scope="colgroup"><span>${esc(s.title)}</span></th></tr>`;
      const rows = s.rows.map(
        (r) =>
          `<tr><th scope="row">${esc(r.label)}<code>${esc(r.id.replace(/#.*$/, ''))}</code></th>${group.columns.map((c) => cellHtml(r.cells[c.project]!, c)).join('')}</tr>`,
      );
      return title + rows.join('');
    })
    .join('');
  const heading = primary ? `The matrix: ${esc(group.description)}` : `Serving matrix: ${esc(group.description)}`;
  return `<section aria-labelledby="t-${esc(group.target)}"><h2 id="t-${esc(group.target)}">${heading}</h2><div class="scroller" tabindex="0" role="region" aria-label="${esc(`${group.target} results`)}"><table><thead>${head}</thead><tbody>${body}</tbody></table></div></section>`;
}

function summaryHtml(input: PageInput): string {
  const { summary } = input;
  const failing = summary.failing.length > 0;
  const verdict = failing
    ? `${plural(
        summary.failing.reduce((n, f) => n + f.count, 0),
        'result',
      )} not as expected, in ${summary.failing.map((f) => `${f.project} (${f.count})`).join(', ')}.`
    : summary.ran === 0
      ? 'Nothing ran.'
      : 'Every result is as expected.';
  const ran = `${plural(summary.projects, 'project')}: ${summary.ran} ran${summary.notRun.length ? `, ${summary.notRun.length} not run (${summary.notRun.map((n) => n.project).join(', ')})` : ''}.`;
  const counts = (Object.keys(CELL_KINDS) as CellKind[])
    .filter((k) => summary.cells[k] > 0)
    .map(
      (k) => `<li class="k-${k}"><span aria-hidden="true">${CELL_KINDS[k].symbol}</span> ${summary.cells[k].toLocaleString('en')} ${CELL_KINDS[k].text}</li>`,
    )
    .join('');
  return `<p class="verdict${failing || summary.ran === 0 ? ' failing' : ''}" role="status">${esc(verdict)} ${esc(ran)}</p><ul class="counts" aria-label="results by state">${counts}</ul>`;
}

function changesHtml(changes: Changes): string {
  const compared = [...new Set(Object.values(changes.comparedWith).filter((v): v is string => v !== null))].sort();
  if (compared.length === 0) return '<h2>Changes since the previous run</h2><p>No earlier run in the history to compare with.</p>';
  if (changes.changes.length === 0)
    return `<h2>Changes since the previous run</h2><p>Compared with ${esc(compared.join(', '))}: no change in any probe, Rust test, engine version, project or requirement.</p>`;
  const parts = (Object.keys(CHANGE_TITLES) as ChangeKind[]).map((kind) => {
    const of = changes.changes.filter((c) => c.kind === kind);
    if (of.length === 0) return '';
    const items = of.map(
      (c) =>
        `<li><code>${esc(c.item)}</code>${c.project ? ` in <strong>${esc(c.project)}</strong>${c.engine ? ` (${esc(c.engine)})` : ''}` : ''}: ${esc(c.before)} → ${esc(c.after)}</li>`,
    );
    return `<h3>${esc(CHANGE_TITLES[kind])} (${of.length})</h3><ul>${items.join('')}</ul>`;
  });
  return `<h2>Changes since the previous run</h2><div class="changes"><p class="meta">Compared with ${esc(compared.join(', '))} (each project with its newest earlier run).</p>${parts.join('')}</div>`;
}

const SUBJECT_KIND_WORDS: Record<NonNullable<PageInput['report']['subject']>['kind'], string> = {
  crate: 'crate',
  prebuilt: 'prebuilt package',
  library: 'library crate, no .wasm: its Rust tests ran',
};

function disagreementsHtml(disagreements: readonly TierDisagreement[]): string {
  if (!disagreements.length) return '';
  return `<h2>Compiler tiers disagree: possible engine bugs</h2><div class="changes"><p class="meta">A row that passes on one of an engine's compilers and fails on another of the same engine and version (docs/tiers.md).</p><ul>${disagreements.map((d) => `<li>${esc(disagreementLine(d))}</li>`).join('')}</ul></div>`;
}

export function renderHtml(input: PageInput): string {
  const { report, groups } = input;
  const subject = report.subject;
  const title = `wasm-compat: ${subject ? `${subject.name} ${subject.version}` : 'the run'}`;
  const about = subject
    ? `${subject.name} ${subject.version} (${SUBJECT_KIND_WORDS[subject.kind]}, wasm-bindgen ${subject.wasmBindgen ?? 'unknown'}, ${subject.target} target${subject.features.length ? `, features ${subject.features.join(', ')}` : ''})` +
      (subject.wasm
        ? `, .wasm ${subject.wasm.bytes.toLocaleString('en')} bytes${subject.wasm.brotli ? ` (${subject.wasm.brotli.toLocaleString('en')} brotli)` : ''}`
        : '')
    : 'no subject recorded';
  const minimum = subject?.requirements
    ? Object.entries(subject.requirements.minimum)
        .map(([browser, m]) => `${browser} ${m.version}`)
        .join(', ')
    : null;
  const links = input.links.map((l) => `<li><a href="${esc(l.href)}">${esc(l.label)}</a></li>`).join('');
  const legend = (Object.keys(CELL_KINDS) as CellKind[])
    .map(
      (k) => `<li class="k-${k}"><span aria-hidden="true">${CELL_KINDS[k].symbol}</span> ${CELL_KINDS[k].text}${FAILING.has(k) ? ' (fails the run)' : ''}</li>`,
    )
    .join('');
  return htmlPage({
    title,
    css: CSS,
    body: `<header>
<h1>${esc(title)}</h1>
<p class="meta">Run ${esc(report.generatedAt)} with Playwright ${esc(report.playwright)}. Subject: ${esc(about)}.${minimum ? ` Its module needs at least: ${esc(minimum)}.` : ''}</p>
${summaryHtml(input)}
<ul class="links" aria-label="other reports">${links}</ul>
</header>
<main>
${disagreementsHtml(input.disagreements ?? [])}
${changesHtml(input.changes)}
<h2>How to read a cell</h2>
<ul class="legend">${legend}</ul>
<p class="meta">Tap or click a cell for what the probe saw and a link to its test in the Playwright report. Each table scrolls on its own, with its header row and first column held in view.</p>
${groups.map((g, i) => groupHtml(g, i === 0)).join('\n')}
</main>`,
  });
}
