// What a person sees: one table row per probe, a category header before each group, and a summary.
import type { HarnessReport, ProbeResult } from '../probes/probe.ts';
import { NO_WEBASSEMBLY } from '../probes/runProbe.ts';

const body = document.querySelector<HTMLTableSectionElement>('#results tbody')!;
let lastCategory = '';

function cell(tag: 'td' | 'th', text: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

export function renderEngine(report: HarnessReport): void {
  const { subject } = report;
  document.querySelector('#engine')!.textContent =
    `${subject.name} ${subject.version} (wasm-bindgen ${subject.wasmBindgen ?? 'unknown'}, ${subject.target} target) in ${report.userAgent}`;
}

/** The probes the page will not run, and why, above the table (they have no status: the probe contract's words are for what ran). */
export function renderNotRun(report: HarnessReport): void {
  if (report.notRun.length === 0) return;
  const list = document.querySelector<HTMLElement>('#not-run')!;
  const reasons = [...new Set(report.notRun.map((p) => p.reason))];
  list.textContent = `Not run (${report.notRun.length}): ${report.notRun.map((p) => p.id).join(', ')}. ${reasons.join('; ')}.`;
  list.hidden = false;
}

/** One line per worker context: how many of its probes passed, or why it gave none. */
export function renderWorkers(report: HarnessReport): void {
  const list = document.querySelector<HTMLElement>('#workers')!;
  list.textContent = report.workers
    .map((w) =>
      w.error !== null
        ? `${w.context}: no results (${w.error})`
        : `${w.context}: ${w.results.filter((r) => r.status === 'pass').length} pass, ${w.results.filter((r) => r.status === 'fail').length} fail of ${w.results.length} probes`,
    )
    .join('; ');
  list.hidden = report.workers.length === 0;
}

export function renderResult(result: ProbeResult): void {
  if (result.category !== lastCategory) {
    lastCategory = result.category;
    const header = document.createElement('tr');
    header.className = 'category';
    const th = cell('th', result.category);
    th.setAttribute('colspan', '4');
    header.append(th);
    body.append(header);
  }
  const row = document.createElement('tr');
  row.dataset.probe = result.id;
  row.dataset.status = result.status;
  const status = { pass: '✔ pass', fail: '✘ fail', unsupported: '– unsupported', info: 'ℹ info' }[result.status];
  row.append(
    cell('td', result.title),
    cell('td', status, `status status-${result.status}`),
    cell('td', result.detail),
    cell('td', `${result.ms.toFixed(1)} ms`),
  );
  body.append(row);
}

export function renderSummary(report: HarnessReport): void {
  const count = (s: ProbeResult['status']) => report.results.filter((r) => r.status === s).length;
  const summary = document.querySelector<HTMLElement>('#summary')!;
  if (!report.webAssemblyAvailable) {
    // Probes that need no WebAssembly are what still ran: the subject's JS fallback, where it has one.
    const fallback = report.results.filter((r) => r.category !== 'environment' && r.status !== 'unsupported').length;
    summary.textContent = `${NO_WEBASSEMBLY}. ${fallback > 0 ? 'This page ran its JavaScript fallback instead.' : `${report.subject.name} has no JavaScript fallback probe; nothing else could run.`}`;
    summary.className = 'warn';
    return;
  }
  summary.textContent =
    `${count('pass')} pass, ${count('fail')} fail, ${count('unsupported')} unsupported, ${count('info')} info (${report.results.length} probes)` +
    (report.notRun.length ? `; ${report.notRun.length} not run.` : '.');
  summary.className = count('fail') > 0 ? 'warn' : '';
}
