// npm run bench:browsers: the benchmark suites in the harness's bench page, in every Playwright
// project (chromium, firefox, webkit, pixel5, iphone12), one project at a time so no two engines
// compete for the two cores. A plain Node script, not a Playwright test: it builds the bench page
// (benches/page/) into a folder of its own, serves it with `vite preview` on a free port (the
// suite's serving module), opens each project's engine (resolved, with its device descriptor, as
// playwright.config.ts does: benches/browser/benchProjects.ts) through the suite's Driver, waits
// for the page's results and writes <reports>/bench/<project>.json.
// A project whose engine is missing is written as not run, with the reason.
//
//   --project chromium,firefox   some projects       --only math,strings   some suites
//   --time 400                   tinybench ms/task
//   --check                      the A/B check per engine instead (benches/browser/abCheckBrowsers.ts)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchPageReport } from '../page/benchPage.ts';
import { describeChoice } from '../../runner/engines/engineResolution.ts';
import { calibrateForThrottledProjects } from '../../runner/throttling/cpuCalibration.ts';
import { appendToHistory } from '../../trends/appendToHistory.ts';
import { benchInvocation, benchRecord } from '../report/benchHistory.ts';
import { benchReportsDir, writeBenchRun } from '../report/runFiles.ts';
import { benchedBuildWarning, benchedPkgDir, otherSubjectNote } from '../benchedBuild.ts';
import { BENCH_RUN_SCHEMA, type BenchRun } from '../report/schema.ts';
import { writeSummaryReports } from '../report/writeReports.ts';
import { runBrowserAbCheck } from './abCheckBrowsers.ts';
import { type BenchProject, chooseBenchProjects, withProjectDriver } from './benchProjects.ts';
import { startPreview } from '../../serving/servers/previewServer.ts';
import { buildBenchPage } from '../page/buildBenchPage.ts';
import { noncedWasm } from '../page/noncedWasmPlugin.ts';
import { BENCH_PAGE_CONFIG } from '../page/vite.config.ts';

const PKG_DIR = benchedPkgDir();

if (process.argv.includes('--check')) process.exit(await runBrowserAbCheck(process.argv.slice(2)));

const { values: args } = parseArgs({
  options: {
    project: { type: 'string', default: '' },
    only: { type: 'string', default: '' },
    time: { type: 'string', default: '' },
    'timeout-min': { type: 'string', default: '15' },
  },
});
const POLL_MS = 2000;
const timeoutMs = Number(args['timeout-min']) * 60_000;

let projects: BenchProject[];
try {
  projects = chooseBenchProjects(args.project);
} catch (error) {
  console.error(`bench:browsers: ${(error as Error).message}`);
  process.exit(2);
}
const query = new URLSearchParams();
if (args.only) query.set('only', args.only);
if (args.time) query.set('time', args.time);

function emptyRun(project: string, status: BenchRun['status'], reason: string, started: Date): BenchRun {
  const finished = new Date();
  return {
    schema: BENCH_RUN_SCHEMA,
    kind: 'wasm-compat-bench',
    project,
    status,
    reason,
    engine: null,
    environment: null,
    build: null,
    options: null,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    pairs: [],
  };
}

async function benchProject(project: BenchProject, baseUrl: string, build: Record<string, unknown> | null): Promise<BenchRun> {
  const { name, engineChoice: choice, deviceName, throttle } = project;
  const started = new Date();
  if (choice.kind === 'missing') return emptyRun(name, 'not-run', describeChoice(choice), started);
  console.log(
    `\n${name}: ${describeChoice(choice)}${deviceName ? `, emulating ${deviceName}` : ''}${throttle ? `, throttled as a ${throttle} where the engine can be` : ''}`,
  );
  const pageUrl = `${baseUrl}bench.html${query.size ? `?${query}` : ''}`;
  return withProjectDriver(project, baseUrl, async (driver) => {
    await driver.open(pageUrl);
    let seen = 0;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const poll = await driver.evaluate((from: number) => {
        const r = window.__wasmCompatBench;
        return r ? { state: r.state, lines: r.progress.slice(from) } : null;
      }, seen);
      for (const line of poll?.lines ?? []) console.log(`  ${line}`);
      seen += poll?.lines.length ?? 0;
      if (poll && poll.state !== 'running') break;
      if (Date.now() > deadline) throw new Error(`the bench page did not finish within ${timeoutMs / 60_000} min`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const page = (await driver.evaluate(() => window.__wasmCompatBench!, undefined)) as BenchPageReport;
    const problems = [...driver.problems(), ...page.pageErrors];
    const finished = new Date();
    return {
      schema: BENCH_RUN_SCHEMA,
      kind: 'wasm-compat-bench',
      project: name,
      status: page.state === 'done' ? 'done' : 'failed',
      reason: page.error ?? (problems.length ? `page problems: ${problems.join('; ')}` : null),
      engine: { ...driver.engine, noncedLoads: page.noncedLoads, pageProblems: problems },
      environment: page.environment,
      build,
      options: page.options,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      pairs: page.pairs,
    };
  });
}

const stale = benchedBuildWarning(PKG_DIR);
if (stale) console.warn(`bench:browsers: warning: ${stale}`);
const other = otherSubjectNote();
if (other) console.warn(`bench:browsers: ${other}`);
const OUT_DIR = mkdtempSync(join(tmpdir(), 'wasm-compat-bench-page-'));
console.log(`bench:browsers: building the bench page into ${OUT_DIR}`);
await buildBenchPage(OUT_DIR);
// Cross-origin isolated, where performance.now() is finest; the nonced .wasm after the headers.
const server = await startPreview({ configFile: BENCH_PAGE_CONFIG, outDir: OUT_DIR, isolation: 'require-corp', plugins: [noncedWasm()] });
const REPORT_DIR = benchReportsDir();
const build = (() => {
  try {
    return JSON.parse(readFileSync(join(PKG_DIR, 'build-info.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
})();

// A throttled project's CPU rate, calibrated (or reused) before any benchmark loads the machine.
await calibrateForThrottledProjects(projects, (line) => console.log(`bench:browsers: ${line}`));

let failed = 0;
const invocation = benchInvocation('bench:browsers', 'bench');
try {
  for (const p of projects) {
    const name = p.name;
    let run: BenchRun;
    try {
      run = await benchProject(p, server.url, build);
    } catch (error) {
      run = emptyRun(name, 'failed', error instanceof Error ? `${error.name}: ${error.message}` : String(error), new Date());
    }
    if (run.status === 'failed' || run.pairs.some((x) => x.status !== 'ok')) failed++;
    writeBenchRun(REPORT_DIR, name, run);
    console.log(
      `${name}: ${run.status}${run.reason ? ` — ${run.reason}` : ''} (${(run.durationMs / 1000).toFixed(1)} s) -> ${join(REPORT_DIR, `${name}.json`)}; ${appendToHistory(benchRecord(invocation, run))}`,
    );
  }
} finally {
  await server.stop();
  rmSync(OUT_DIR, { recursive: true, force: true });
}
writeSummaryReports(REPORT_DIR);
console.log(`bench:browsers: wrote ${REPORT_DIR}/summary.md and index.html`);
process.exit(failed ? 1 : 0);
