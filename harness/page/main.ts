// The harness page: runs every probe once, shows the results to a person, and publishes them on
// window.__wasmCompat for the drivers (shape: HarnessReport in probe.ts; docs/harness.md).
import { subject, wasmUrl } from 'virtual:wasm-compat/subject';
import { loadSubject } from './loadSubject.ts';
import type { HarnessReport, ProbeContext } from '../probes/probe.ts';
import { probes } from '../probes/index.ts';
import { renderEngine, renderResult, renderSummary } from './render.ts';
import { runProbe } from '../probes/runProbe.ts';

const report: HarnessReport = {
  schema: 1,
  state: 'running',
  page: location.href,
  startedAt: new Date().toISOString(),
  finishedAt: null,
  webAssemblyAvailable: typeof WebAssembly === 'object' && WebAssembly !== null,
  userAgent: navigator.userAgent,
  subject,
  results: [],
  pageErrors: (window as { __wasmCompatPageErrors?: string[] }).__wasmCompatPageErrors ?? [],
};
window.__wasmCompat = report;
renderEngine(report);

const context: ProbeContext = { subject, wasmUrl, ...(await loadSubject()) };

for (const probe of probes) {
  const result = await runProbe(probe, context, report.webAssemblyAvailable);
  report.results.push(result);
  renderResult(result);
}

report.finishedAt = new Date().toISOString();
report.state = 'done';
renderSummary(report);
document.body.dataset.state = 'done';
