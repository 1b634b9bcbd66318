// The bench page: runs the benchmark suites (benches/suites) in this browser with tinybench, shows
// the table to a person and publishes the results on window.__wasmCompatBench for drivers.
//   ?only=math,strings   some suites        ?time=400   tinybench time per task, ms
// Served cross-origin isolated (deploy/headerPolicy.ts), where performance.now() is finest;
// the page measures the step it actually gets and sizes its batches from it.
import wasmUrl from '@bench-pkg/wasm_compat_bg.wasm?url';
import * as crate from '@bench-pkg/wasm_compat.js';
import { NONCED_WASM_PATH } from './noncedWasmPath.ts';
import { renderTextTable, tableRows } from '../report/nodeTable.ts';
import { defaultRunOptions, DEFAULT_TIME_MS } from '../run/defaults.ts';
import { batchTargetMs, measureTimerResolutionUs } from '../run/environment.ts';
import { runSuites } from '../run/runPairs.ts';
import { selectSuites } from '../suites/index.ts';
import { defaultSizes } from '../suites/inputs.ts';
import type { BenchPageReport } from './benchPage.ts';
import { BROWSER_BATCH_FLOOR_MS, browserEnvironment, nonceRouteWorks, pageParts, recordedPageErrors } from './pageKit.ts';
import { renderPairs } from './renderPairs.ts';

const params = new URLSearchParams(location.search);
const report: BenchPageReport = {
  schema: 1,
  state: 'running',
  startedAt: new Date().toISOString(),
  finishedAt: null,
  progress: [],
  environment: null,
  options: null,
  noncedLoads: null,
  pairs: [],
  error: null,
  pageErrors: recordedPageErrors(),
};
window.__wasmCompatBench = report;
const { summary, log } = pageParts(report.progress);

async function main(): Promise<void> {
  // Let the page finish loading before the clock matters.
  await new Promise((r) => setTimeout(r, 300));
  const timerResolutionUs = await measureTimerResolutionUs();
  const time = Number(params.get('time') ?? DEFAULT_TIME_MS);
  const options = defaultRunOptions(batchTargetMs(timerResolutionUs, BROWSER_BATCH_FLOOR_MS), time > 0 ? time : DEFAULT_TIME_MS);
  const absoluteWasmUrl = new URL(wasmUrl, location.href).href;
  const wasmBytes = new Uint8Array(await (await fetch(absoluteWasmUrl)).arrayBuffer());
  const nonced = await nonceRouteWorks(NONCED_WASM_PATH);
  report.noncedLoads = nonced;
  report.options = options;
  report.environment = browserEnvironment(timerResolutionUs);
  const facts = `${crossOriginIsolated ? 'cross-origin isolated' : 'NOT cross-origin isolated (coarse timer)'}; performance.now() step ${timerResolutionUs ?? '?'} µs; batches of ≥ ${options.batchTargetMs} ms; ${nonced ? 'every load fetches new bytes' : 'loads reuse one URL: an engine cache may answer'}`;
  document.querySelector('#facts')!.textContent = facts;
  log(facts);
  const suites = selectSuites((params.get('only') ?? '').split(',').filter(Boolean));
  summary.textContent = `Running ${suites.length} suites…`;
  report.pairs = await runSuites(
    suites,
    {
      crate,
      wasmUrl: absoluteWasmUrl,
      wasmBytes,
      noncedWasmUrl: nonced ? (n) => new URL(`./${NONCED_WASM_PATH}?nonce=${n}`, location.href).href : null,
      sizes: defaultSizes,
    },
    options,
    {
      log,
      // Between tasks: yield, so the table repaints and drivers can read the progress.
      pause: async () => {
        renderPairs(report.pairs);
        await new Promise((r) => setTimeout(r, 0));
      },
    },
  );
}

try {
  await main();
  report.state = 'done';
  const failed = report.pairs.filter((p) => p.status !== 'ok');
  summary.textContent = `${report.pairs.length} tasks timed${failed.length ? `; not timed: ${failed.map((p) => p.id).join(', ')}` : ''}.`;
} catch (error) {
  report.state = 'failed';
  report.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  summary.textContent = `The benchmarks failed: ${report.error}`;
  summary.className = 'warn';
}
report.finishedAt = new Date().toISOString();
renderPairs(report.pairs);
log(renderTextTable(tableRows(report.pairs)));
document.body.dataset.state = report.state;
