// npm run bench:browsers -- --check: the A/B check in each browser project, one engine at a time.
// Both builds are bundled into one page (benches/page/ab.html), so each engine times A and B in
// the same page, round by round, interleaved — the same machinery as in Node (benches/ab/). Writes
// <reports>/bench/ab-<project>.json and ab.md; exits 1 when some task is slower beyond the horizon
// in some engine (naming both), or when a project's page failed. A missing engine is skipped, said.
//   --project chromium,firefox  --only math  and the A/B options of npm run bench -- --check
import { appendToHistory } from '../../trends/appendToHistory.ts';
import { abRecord } from '../ab/abHistory.ts';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, firefox, webkit } from '@playwright/test';
import { describeChoice } from '../../runner/engines/engineResolution.ts';
import { launchDriver } from '../../runner/engines/launchDriver.ts';
import { startPreview } from '../../serving/servers/previewServer.ts';
import { AB_ARG_OPTIONS, abSettings, type AbSettings } from '../ab/abOptions.ts';
import { renderAbText, verdictLines } from '../ab/abTable.ts';
import { AbBuildError } from '../ab/buildRef.ts';
import type { AbRun } from '../ab/schema.ts';
import { type SettledBuilds, settleBuilds } from '../ab/settleBuilds.ts';
import { lookPlan } from '../ab/stoppingRule.ts';
import { slowerTasks } from '../ab/taskResults.ts';
import { writeAbReports } from '../ab/writeAbReports.ts';
import { WASM_FILE } from '../node/loadRawCrate.ts';
import type { AbPageReport } from '../page/abPage.ts';
import { buildAbPage } from '../page/buildBenchPage.ts';
import { noncedWasm } from '../page/noncedWasmPlugin.ts';
import { AB_NONCED_WASM_PATHS } from '../page/noncedWasmPath.ts';
import { BENCH_PAGE_CONFIG } from '../page/vite.config.ts';
import { benchReportsDir } from '../report/runFiles.ts';
import { benchedPkgDir } from '../benchedBuild.ts';
import { suites } from '../suites/index.ts';
import { type BenchProject, chooseBenchProjects } from './benchProjects.ts';

const PKG_DIR = benchedPkgDir();

const POLL_MS = 2000;

function pageQuery(s: AbSettings, only: string): string {
  const q = new URLSearchParams({
    horizon: String(s.horizonPct),
    turn: String(s.turnMs),
    min: String(s.minRounds),
    max: String(s.maxRounds),
    seconds: String(s.maxSeconds),
  });
  if (only) q.set('only', only);
  return q.toString();
}

async function checkProject(project: BenchProject, url: string, s: AbSettings, builds: SettledBuilds, timeoutMs: number): Promise<AbRun | string> {
  const { name, engineChoice: choice, deviceName, context, tier } = project;
  if (choice.kind === 'missing') return describeChoice(choice);
  console.log(`\n${name}: ${describeChoice(choice)}${deviceName ? `, emulating ${deviceName}` : ''}`);
  const started = new Date();
  const loadStart = loadavg();
  const { driver, shutdown } = await launchDriver(name, choice, { name: deviceName, context, tier }, { chromium, firefox, webkit }, url);
  try {
    await driver.open(url);
    let seen = 0;
    const deadline = Date.now() + timeoutMs;
    let page: AbPageReport | null = null;
    for (;;) {
      page = (await driver.evaluate(() => window.__wasmCompatBenchAb ?? null, undefined)) as AbPageReport | null;
      for (const line of page?.progress.slice(seen) ?? []) console.log(`  ${line}`);
      seen = page?.progress.length ?? seen;
      if (page && page.state !== 'running') break;
      if (Date.now() > deadline) throw new Error(`the A/B page did not finish within ${timeoutMs / 60_000} min`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    if (page.state === 'failed') throw new Error(`the A/B page failed: ${page.error ?? 'no reason given'}`);
    const problems = [...driver.problems(), ...page.pageErrors];
    if (problems.length) console.warn(`${name}: page problems: ${problems.join('; ')}`);
    const finished = new Date();
    return {
      schema: 1,
      kind: 'wasm-compat-bench-ab',
      project: name,
      a: builds.A.info,
      b: builds.B.info,
      horizonPct: s.horizonPct,
      confidence: 0.95,
      // The page's sampler judges at these looks (benches/ab/autoSample.ts, from ?min and ?max).
      stoppingRule: lookPlan(s.minRounds, s.maxRounds),
      turnMs: s.turnMs,
      minRounds: s.minRounds,
      maxRounds: s.maxRounds,
      maxSamplingSeconds: s.maxSeconds,
      twinsCompared: builds.twinsDiffer,
      environment: {
        runtime: `${driver.engine.engine} ${driver.engine.version ?? ''}`.trim(),
        cpus: page.environment?.cpus ?? 0,
        loadAverage: { start: loadStart, end: loadavg() },
      },
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      samplingMs: page.samplingMs ?? 0,
      tasks: page.tasks,
      slower: slowerTasks(page.tasks),
    };
  } finally {
    await driver.close().catch(() => undefined);
    await shutdown();
  }
}

export async function runBrowserAbCheck(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...AB_ARG_OPTIONS,
      project: { type: 'string', default: '' },
      only: { type: 'string', default: '' },
      'timeout-min': { type: 'string', default: '10' },
    },
  });
  const settings = abSettings(values);
  if (typeof settings === 'string') {
    console.error(`bench:browsers: ${settings}`);
    return 2;
  }
  let projects: BenchProject[];
  try {
    projects = chooseBenchProjects(values.project);
  } catch (error) {
    console.error(`bench:browsers: ${(error as Error).message}`);
    return 2;
  }
  let builds: SettledBuilds;
  try {
    builds = settleBuilds({ ...settings, defaultPkgDir: PKG_DIR, log: (line) => console.error(line) });
  } catch (error) {
    console.error(`bench:browsers: A/B check: ${(error as Error).message}`);
    return error instanceof AbBuildError ? 2 : 1;
  }
  for (const w of builds.warnings) console.warn(`bench:browsers: warning: the builds differ in more than their code: ${w}`);
  // Chromium 156 runs one of two instances' empty calls through a path several times faster than
  // the other's, the same .wasm in both, which one wins changing from one pair of builds to the
  // next (docs/benchmarks.md): the call suite cannot compare two builds in one page, so it runs
  // only when asked.
  const only =
    values.only ||
    suites
      .filter((s) => s.name !== 'call')
      .map((s) => s.name)
      .join(',');
  if (!values.only)
    console.error(`bench:browsers: the call suite is left out (one page cannot compare two instances' call paths: docs/benchmarks.md); --only call runs it`);
  const outDir = mkdtempSync(join(tmpdir(), 'wasm-compat-ab-page-'));
  // One folder is one module in a page: A given as B's own folder gets a copy of its own.
  let pkgA = builds.A.info.pkgDir;
  if (resolve(pkgA) === resolve(builds.B.info.pkgDir)) cpSync(pkgA, (pkgA = join(outDir, 'pkg-a')), { recursive: true });
  await buildAbPage(join(outDir, 'page'), {
    A: { pkgDir: pkgA, twinsDir: builds.twinsDiffer ? builds.A.twinsDir : null },
    B: { pkgDir: builds.B.info.pkgDir, twinsDir: null },
  });
  const nonced = { [AB_NONCED_WASM_PATHS.A]: join(pkgA, WASM_FILE), [AB_NONCED_WASM_PATHS.B]: join(builds.B.info.pkgDir, WASM_FILE) };
  const server = await startPreview({ configFile: BENCH_PAGE_CONFIG, outDir: join(outDir, 'page'), isolation: 'require-corp', plugins: [noncedWasm(nonced)] });
  const reportDir = benchReportsDir();
  const slower: string[] = [];
  const undecided: string[] = [];
  let failed = 0;
  try {
    for (const p of projects) {
      let outcome: AbRun | string;
      try {
        outcome = await checkProject(p, `${server.url}ab.html?${pageQuery(settings, only)}`, settings, builds, Number(values['timeout-min']) * 60_000);
      } catch (error) {
        failed++;
        console.error(`${p.name}: A/B check failed — ${(error as Error).message}`);
        continue;
      }
      if (typeof outcome === 'string') {
        console.log(`${p.name}: skipped — ${outcome}`);
        continue;
      }
      const written = writeAbReports(reportDir, outcome);
      const stored = appendToHistory(abRecord(outcome));
      const verdict = verdictLines(outcome);
      console.log(
        `${renderAbText(outcome.tasks)}\n${p.name}: ${verdict.join('; ')} (${(outcome.durationMs / 1000).toFixed(0)} s) -> ${written.json}; ${stored}`,
      );
      slower.push(...outcome.slower.map((k) => `${p.name}: ${k}`));
      undecided.push(...verdict.filter((line) => !line.startsWith('SLOWER') && !line.startsWith('no task')).map((line) => `${p.name}: ${line}`));
    }
  } finally {
    await server.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
  // A report, not a gate (docs/benchmarks.md): undecided tasks are named, and do not fail it.
  if (undecided.length) console.log(`\nnot decided: ${undecided.join('; ')}`);
  console.log(
    slower.length
      ? `\nSLOWER: ${slower.join(', ')}`
      : undecided.length
        ? '\nno task found slower beyond the horizon, but not every task was decided'
        : '\nno task slower beyond the horizon in any engine',
  );
  return slower.length || failed ? 1 : 0;
}
