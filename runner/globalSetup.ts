// Before a run: the previous compat.json and HTML report move to the history (so a run that ends
// early leaves none posing as its own; a joining run checks the file it joins instead), the subject
// is built if its output is stale (subject/buildSubject.ts), the run is named (currentRun.ts), the
// CPU slowdown for throttled projects is calibrated (runner/throttling/), the harness is built once, and
// every target the run's projects use starts on a free port serving that build. The URLs reach
// the workers through targetUrls.ts; the returned teardown stops every server.
import { basename, join } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { archive } from '../reporting/history.ts';
import { startTargets } from '../serving/targets/startTargets.ts';
import { planTargets } from '../serving/targets/plan.ts';
import { ensureSubjectBuilt } from '../subject/buildSubject.ts';
import { describeSubject, resolveSubject, SubjectError } from '../subject/resolveSubject.ts';
import { readJoinedRun, startRun } from './currentRun.ts';
import { handedOff } from './handOff.ts';
import { readSetting } from '../settings/settings.ts';
import { outsideVariable, setInEnvironment } from '../settings/environment.ts';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';
import { reportPath } from '../reporting/reportsFolder.ts';
import { htmlReportFolder } from './htmlReportFolder.ts';
import { publishTargetUrls } from './targetUrls.ts';
import type { EngineChoice } from './engines/engineChoice.ts';
import { calibrateForThrottledProjects } from './throttling/cpuCalibration.ts';

/** The subject, resolved and built; a SubjectError's message is the whole report (its stack says nothing a user needs). */
async function prepareSubject(buildsLocally: boolean): Promise<void> {
  try {
    const subject = resolveSubject();
    console.log(`[subject] ${describeSubject(subject)}`);
    if (buildsLocally) await ensureSubjectBuilt(subject, (line) => console.log(`[subject] ${line}`));
  } catch (error) {
    if (error instanceof SubjectError) error.stack = `wasm-compat: ${error.message}`;
    throw error;
  }
}

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const joined = readSetting('joinRun');
  if (joined) readJoinedRun(reportPath('compat.json'), joined);
  else archive(reportPath('compat.json'), 'compat', '.json');
  const html = htmlReportFolder(config);
  if (html) archive(html, basename(html));
  const junit = (config.reporter.find(([name]) => name === 'junit')?.[1] as { outputFile?: string } | undefined)?.outputFile;
  if (junit) archive(junit, basename(junit, '.xml'), '.xml');

  const plan = planTargets();
  const used = new Set(config.projects.map((p) => (p.use as { target?: { name: string } }).target?.name));
  const targets = [plan.primary, ...plan.matrix].filter((t) => used.has(t.name));
  await prepareSubject(targets.some((t) => t.kind !== 'url'));
  // Workers inherit the run: its records folder, and each project's shared Rust test run (runner/rustTests/runRustTests.ts).
  startRun();
  // Playwright starts a worker per project, and another after each failed test (wasm-streams' five
  // failing modes: five): with V8's code cache on disk, each loads Playwright's and the suite's
  // modules without compiling them again (that run, three each way: 15.7 s with it, 16.4 s without, 2026-12-07).
  if (outsideVariable('NODE_COMPILE_CACHE') === undefined) setInEnvironment('NODE_COMPILE_CACHE', join(PROJECT_ROOT, '.cache', 'node-compile'));
  const both = handedOff().bothWorkers;
  if (both) console.log(`[workers] ${both}: both workers (one project, every test of it): its Rust tests in one, beside the harness load in the other`);
  // Calibrated before any worker starts, so that the suite's own load does not slow the measurement.
  await calibrateForThrottledProjects(
    config.projects.map((p) => p.use as { throttle?: string | null; engineChoice?: EngineChoice }),
    (line) => console.log(`[throttling] ${line}`),
  );
  const started = await startTargets(targets, (line) => console.log(`[targets] ${line}`));
  publishTargetUrls(started.urls);
  return () => started.stop();
}
