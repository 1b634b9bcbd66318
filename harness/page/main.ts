// The harness page: runs every probe once (or those its URL selects: probeSelection.ts), shows the results to a person, and publishes them on
// window.__wasmCompat for the drivers (shape: HarnessReport in probe.ts; docs/harness.md).
import { subject, wasmUrl } from 'virtual:wasm-compat/subject';
import { loadSubject } from './loadSubject.ts';
import type { HarnessReport, ProbeContext } from '../probes/probe.ts';
import { probes } from '../probes/index.ts';
import { renderEngine, renderNotRun, renderResult, renderSummary, renderWorkers } from './render.ts';
import { runProbe, whyNotRun } from '../probes/runProbe.ts';
import { runProbesInWorkers } from './workerProbes.ts';
import { heldFromUrl, isSelected, type ProbeSelection, selectionFromUrl } from '../probes/probeSelection.ts';

const pageErrors = (window as { __wasmCompatPageErrors?: string[] }).__wasmCompatPageErrors ?? [];
// A URL that asks for no real selection runs nothing and says why, rather than quietly running something else.
let selection: ProbeSelection;
let held: string[] = [];
try {
  selection = selectionFromUrl(location.search);
  held = heldFromUrl(location.search);
} catch (error) {
  pageErrors.push(`this page's URL: ${(error as Error).message}`);
  selection = { categories: [], skip: [] };
}

const report: HarnessReport = {
  schema: 1,
  state: 'running',
  page: location.href,
  startedAt: new Date().toISOString(),
  finishedAt: null,
  webAssemblyAvailable: typeof WebAssembly === 'object' && WebAssembly !== null,
  userAgent: navigator.userAgent,
  subject,
  selection,
  results: [],
  notRun: [],
  workers: [],
  pageErrors,
};
window.__wasmCompat = report;
renderEngine(report);

const context: ProbeContext = { subject, wasmUrl, ...(await loadSubject()) };

const selected: typeof probes = [];
for (const probe of probes.filter((p) => isSelected(selection, p))) {
  const reason = whyNotRun(probe, context);
  if (reason === null) selected.push(probe);
  else report.notRun.push({ id: probe.id, title: probe.title, category: probe.category, reason });
}
renderNotRun(report);

const runAll = async (some: typeof probes) => {
  for (const probe of some) {
    const result = await runProbe(probe, context, report.webAssemblyAvailable);
    report.results.push(result);
    renderResult(result);
  }
};
await runAll(selected.filter((p) => !held.includes(p.id)));
// The probes that mean the same off the main thread run again in each worker, before the held
// (timed) ones. Not where WebAssembly is off: what removes it from the page (Lockdown Mode, a
// policy) removes it from the page's workers too.
const inWorkers = report.webAssemblyAvailable ? selected.filter((p) => p.inWorkers).map((p) => p.id) : [];
if (inWorkers.length) {
  report.workers = await runProbesInWorkers(inWorkers, subject);
  renderWorkers(report);
}
const last = selected.filter((p) => held.includes(p.id));
if (last.length) {
  // The held probes time this machine: the driver releases them when no other browser is working.
  await new Promise<void>((release) => {
    window.__wasmCompatRelease = release;
    report.state = 'holding';
  });
  report.state = 'running';
  await runAll(last);
}

report.finishedAt = new Date().toISOString();
report.state = 'done';
renderSummary(report);
document.body.dataset.state = 'done';
