// The bench page: runs the benchmark suites (benches/suites) in this browser with tinybench, shows
// the table to a person and publishes the results on window.__wasmCompatBench for drivers.
//   ?only=math,strings   some suites        ?time=400   tinybench time per task, ms
// Served cross-origin isolated (deploy/headerPolicy.ts), where performance.now() is finest;
// the page measures the step it actually gets and sizes its batches from it.
import wasmUrl from '../../crate/pkg/wasm_compat_bg.wasm?url';
import * as crate from '../../crate/pkg/wasm_compat.js';
import { NONCED_WASM_PATH } from './noncedWasmPath.ts';
import { renderTextTable, tableRows } from '../report/nodeTable.ts';
import { defaultRunOptions, DEFAULT_TIME_MS } from '../run/defaults.ts';
import { batchTargetMs, measureTimerResolutionUs, timestampProviderName } from '../run/environment.ts';
import { runSuites } from '../run/runPairs.ts';
import { selectSuites } from '../suites/index.ts';
import { defaultSizes } from '../suites/inputs.ts';
import type { BenchPageReport } from './benchPage.ts';
import { renderPairs } from './renderPairs.ts';

/** Browser clocks are coarser than Node's: batches of at least 1 ms (and 100 clock steps). */
const BROWSER_BATCH_FLOOR_MS = 1;

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
  pageErrors: (window as { __wasmCompatPageErrors?: string[] }).__wasmCompatPageErrors ?? [],
};
window.__wasmCompatBench = report;
const summary = document.querySelector<HTMLElement>('#summary')!;
const logBox = document.querySelector<HTMLElement>('#log')!;
document.querySelector('#engine')!.textContent = navigator.userAgent;

function log(line: string): void {
  report.progress.push(line);
  logBox.textContent += `${line}\n`;
}

async function nonceRouteWorks(): Promise<boolean> {
  try {
    const res = await fetch(new URL(`./${NONCED_WASM_PATH}?nonce=1`, location.href), { cache: 'no-store' });
    return res.ok && res.headers.get('Content-Type') === 'application/wasm';
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  // Let the page finish loading before the clock matters.
  await new Promise((r) => setTimeout(r, 300));
  const timerResolutionUs = await measureTimerResolutionUs();
  const time = Number(params.get('time') ?? DEFAULT_TIME_MS);
  const options = defaultRunOptions(batchTargetMs(timerResolutionUs, BROWSER_BATCH_FLOOR_MS), time > 0 ? time : DEFAULT_TIME_MS);
  const absoluteWasmUrl = new URL(wasmUrl, location.href).href;
  const wasmBytes = new Uint8Array(await (await fetch(absoluteWasmUrl)).arrayBuffer());
  const nonced = await nonceRouteWorks();
  report.noncedLoads = nonced;
  report.options = options;
  report.environment = {
    kind: 'browser',
    runtime: navigator.userAgent,
    userAgent: navigator.userAgent,
    platform: navigator.platform,
    cpus: navigator.hardwareConcurrency ?? null,
    cpuModel: null,
    loadAverage: null,
    crossOriginIsolated: globalThis.crossOriginIsolated ?? false,
    timerResolutionUs,
    timestampProvider: timestampProviderName(),
  };
  const facts = `${crossOriginIsolated ? 'cross-origin isolated' : 'NOT cross-origin isolated (coarse timer)'}; performance.now() step ${timerResolutionUs ?? '?'} µs; batches of ≥ ${options.batchTargetMs} ms; ${nonced ? 'every load fetches new bytes' : 'loads reuse one URL: an engine cache may answer'}`;
  document.querySelector('#facts')!.textContent = facts;
  log(facts);
  const suites = selectSuites((params.get('only') ?? '').split(',').filter(Boolean));
  summary.textContent = `Running ${suites.length} suites…`;
  report.pairs = await runSuites(
    suites,
    { crate, wasmUrl: absoluteWasmUrl, wasmBytes, noncedWasmUrl: nonced ? (n) => new URL(`./${NONCED_WASM_PATH}?nonce=${n}`, location.href).href : null, sizes: defaultSizes },
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
