// The A/B page: both builds of the crate loaded in this one page, every task timed round by
// round, interleaved, until its verdict resolves (benches/ab/, the same code as in Node), the
// results published on window.__wasmCompatBenchAb for benches/browser/abCheckBrowsers.ts.
//   ?only=math,strings  ?horizon=10  ?turn=40  ?min=6  ?max=60  ?seconds=110
import { builds } from 'virtual:wasm-compat-ab-builds';
import { renderAbText } from '../ab/abTable.ts';
import { prepareTasks } from '../ab/abTasks.ts';
import { autoSample } from '../ab/autoSample.ts';
import type { Build } from '../ab/interleave.ts';
import { taskResults } from '../ab/taskResults.ts';
import { DEFAULT_HORIZON_PCT } from '../ab/verdict.ts';
import { DEFAULT_TIME_MS } from '../run/defaults.ts';
import { batchTargetMs, measureTimerResolutionUs } from '../run/environment.ts';
import { selectSuites } from '../suites/index.ts';
import { defaultSizes } from '../suites/inputs.ts';
import type { BenchContext } from '../suites/types.ts';
import type { AbPageReport } from './abPage.ts';
import { AB_NONCED_WASM_PATHS } from './noncedWasmPath.ts';
import { BROWSER_BATCH_FLOOR_MS, browserEnvironment, nonceRouteWorks, pageParts, recordedPageErrors } from './pageKit.ts';

const params = new URLSearchParams(location.search);
const num = (name: string, fallback: number) => (Number(params.get(name)) > 0 ? Number(params.get(name)) : fallback);
const report: AbPageReport = {
  schema: 1,
  state: 'running',
  progress: [],
  environment: null,
  noncedLoads: null,
  samplingMs: null,
  tasks: [],
  error: null,
  pageErrors: recordedPageErrors(),
};
window.__wasmCompatBenchAb = report;
const { summary, logBox, log } = pageParts(report.progress);

async function contextOf(build: Build, nonced: boolean): Promise<BenchContext> {
  const b = builds[build];
  const wasmUrl = new URL(b.wasmUrl, location.href).href;
  const wasmBytes = new Uint8Array(await (await fetch(wasmUrl)).arrayBuffer());
  const path = AB_NONCED_WASM_PATHS[build];
  return {
    crate: b.crate,
    wasmUrl,
    wasmBytes,
    noncedWasmUrl: nonced ? (n) => new URL(`./${path}?nonce=${n}`, location.href).href : null,
    sizes: defaultSizes,
    ...(b.twins ? { twins: b.twins } : {}),
  };
}

async function main(): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
  const timerResolutionUs = await measureTimerResolutionUs();
  const nonced = (await nonceRouteWorks(AB_NONCED_WASM_PATHS.A)) && (await nonceRouteWorks(AB_NONCED_WASM_PATHS.B));
  report.noncedLoads = nonced;
  report.environment = browserEnvironment(timerResolutionUs);
  log(
    `${crossOriginIsolated ? 'cross-origin isolated' : 'NOT cross-origin isolated (coarse timer)'}; performance.now() step ${timerResolutionUs ?? '?'} µs; ${nonced ? 'every load fetches new bytes' : 'loads reuse one URL'}`,
  );
  const contexts = { A: await contextOf('A', nonced), B: await contextOf('B', nonced) };
  const names = new Set(selectSuites((params.get('only') ?? '').split(',').filter(Boolean)).map((s) => s.name));
  const suites = { A: builds.A.suites.filter((s) => names.has(s.name)), B: builds.B.suites.filter((s) => names.has(s.name)) };
  const horizonPct = num('horizon', DEFAULT_HORIZON_PCT);
  const prepared = await prepareTasks(suites, contexts, {
    turnMs: num('turn', 40),
    defaultPairTimeMs: DEFAULT_TIME_MS,
    batchTargetMs: batchTargetMs(timerResolutionUs, BROWSER_BATCH_FLOOR_MS),
    twins: builds.A.twins !== null,
    log,
  });
  summary.textContent = `Timing ${prepared.length} tasks, A and B in turn…`;
  const started = performance.now();
  const deadline = started + num('seconds', 110) * 1000;
  const outcomes = await autoSample(
    prepared.flatMap((p) => (p.sampled ? [p.sampled] : [])),
    {
      horizonPct,
      minRounds: num('min', 6),
      maxRounds: num('max', 60),
      outOfTime: () => performance.now() >= deadline,
      log,
      // Between rounds: yield, so drivers can read the progress.
      pause: () => new Promise((r) => setTimeout(r, 0)),
    },
  );
  report.samplingMs = performance.now() - started;
  report.tasks = taskResults(prepared, outcomes);
}

try {
  await main();
  report.state = 'done';
  summary.textContent = `${report.tasks.length} tasks compared.`;
} catch (error) {
  report.state = 'failed';
  report.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  summary.textContent = `The A/B check failed: ${report.error}`;
  summary.className = 'warn';
}
// The table for a person; the runner prints its own from the results.
logBox.textContent += `${renderAbText(report.tasks)}\n`;
document.body.dataset.state = report.state;
