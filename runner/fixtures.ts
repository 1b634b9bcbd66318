// The fixtures every spec uses. A worker starts its project's engine when a test first needs it
// (once), and, when a test first asks for the harness, loads the page once and keeps what it
// published; tests assert on it. A worker that Playwright starts again after a failure pays for
// the engine and the page only if its tests use them: the Rust tests that read their project's
// shared run, the engine record and the page's load that an earlier worker of the run saved
// (every worker of a project judges that one load) need neither. Specs never
// touch Playwright's own `page`: the same specs must run over WebDriver (WebKitGTK, Appium, a grid).
import { type BrowserContextOptions, type TestInfo, test as base } from '@playwright/test';
import type { HarnessReport } from '../harness/probes/probe.ts';
import type { Driver, EngineInfo } from './drivers/driver.ts';
import type { EngineChoice } from './engines/engineChoice.ts';
import { describeChoice } from './engines/engineResolution.ts';
import { launchDriver } from './engines/launchDriver.ts';
import type { CompilerTier } from './engines/registry/descriptor.ts';
import type { ThrottleProfile } from './throttling/throttlingProfile.ts';
import { previewTarget } from '../serving/targets/previewTarget.ts';
import { targetRecord, type TargetRecord } from '../serving/targets/target.ts';
import { targetUrl } from './targetUrls.ts';
import { EVERY_PROBE, type ProbeSelection, urlWithSelection } from '../harness/probes/probeSelection.ts';
import { recordEngine, recordLockWait, recordSession, saveTest, type SessionTiming, skipNotRun } from './testRecord.ts';
import { currentRun, readShared, writeShared } from './currentRun.ts';
import { HARNESS_LOAD_LOCK } from './bothWorkers.ts';
import { handedOff } from './handOff.ts';
import { lockWaitMs, probesToRunAlone, runAlone, runShared } from './timingLock.ts';
import { rustRunsSettled } from './rustTests/runRustTests.ts';
import { expectationContext } from './expectations/probes.ts';
import { loadSubjectExpectations } from './expectations/subjectExpectations.ts';
import { resolveSubject } from '../subject/resolveSubject.ts';

/** A page built by an earlier version of the suite (a deployment made before them) publishes no `notRun` or `workers`: it has none. */
function asCurrentReport(report: HarnessReport): HarnessReport {
  const published = report as Partial<HarnessReport>;
  return { ...report, notRun: published.notRun ?? [], workers: published.workers ?? [] };
}

export interface WorkerOptions {
  /** Which engine runs this project (runner/projects.ts resolves it). */
  engineChoice: EngineChoice;
  /** The Playwright device descriptor the project applies, or null for a desktop browser. */
  deviceName: string | null;
  /** Which target serves the page (serving/targets/): its name, how it serves, what it should send. */
  target: TargetRecord;
  /** A phone's CPU and network to apply (runner/throttling/), or null. */
  throttle: ThrottleProfile | null;
  /** Which probes the project's page load runs (runner/projects.ts: the serving matrix runs only what a server can change). */
  probes: ProbeSelection;
  /** The compiler its engine is pinned to (a tier project: WASM_COMPAT_TIERS), or null. */
  tier: CompilerTier | null;
}

/** The page's one load in a project: what it published. Saved in the run's folder, so that every worker of the project (one started again after a failure too) judges the same load. */
interface Session {
  report: HarnessReport;
  /** Driver-level problems (console errors, failed requests) during the main run. */
  problems: string[];
  /** What a person saw when the probes finished: the table rows (id:status) and the summary line. */
  view: HarnessView;
  timing: SessionTiming;
  /** The page as its probes finished, (or why none could be taken): a failed test in any
   * worker attaches it, instead of loading the page again for a screenshot of its own. */
  screenshot: Screenshot;
}

interface Screenshot {
  base64: string;
  contentType: 'image/png' | 'text/plain';
}

export interface HarnessView {
  rows: string[];
  summary: string;
}

/** The project's engine, started once per worker; the specs that need no harness (the Rust tests, the page without WebAssembly) use only this. */
interface EngineSession {
  driver: Driver;
  launchMs: number;
}

/** The engine as a worker holds it: started on the first call, or not run with the reason. */
type EngineHandle = { start(): Promise<EngineSession>; project: string } | { notRun: string };

/** The engine of a project whose engine is there (the fixtures that use this run only after `engine` has skipped the others), started on the first call. */
function startEngine(handle: EngineHandle): Promise<EngineSession> {
  if ('notRun' in handle) throw new Error(`the engine did not start: ${handle.notRun}`);
  return handle.start();
}

export interface WorkerFixtures {
  /** The page, absolute: where the project's target answers in this run. */
  harnessUrl: string;
  engineSession: EngineHandle;
  /** The harness loaded once on that engine, when a test first asks for it. */
  session: Session | { notRun: string };
}

export interface TestFixtures {
  /** Saves every test's outcome and records for compat.json (runner/testRecord.ts), as it starts and as it ends. */
  // biome-ignore lint/suspicious/noConfusingVoidType: an auto fixture that gives the test nothing is typed void, as Playwright's docs do.
  testRecord: void;
  /** What the harness published on this project's engine. */
  harness: HarnessReport;
  /** The engine that runs this project. Skips the test, with the reason, when the engine is missing. */
  engine: EngineInfo;
  driver: Driver;
  /** The driver, started only when called: a test that may not need the engine (a Rust test whose run another worker made) asks through this. */
  driverWhenNeeded: () => Promise<Driver>;
  /** Driver-level problems seen during the harness run. */
  pageProblems: string[];
  /** The page's table and summary as rendered when the probes finished. */
  harnessView: HarnessView;
}

/** What the page open now looks like, or why it could not be taken. */
async function screenshotOf(driver: Driver): Promise<Screenshot> {
  return driver.screenshot().then(
    (png) => ({ base64: png.toString('base64'), contentType: 'image/png' }),
    (err: Error) => ({ base64: Buffer.from(`screenshot failed: ${err.message}`).toString('base64'), contentType: 'text/plain' }),
  );
}

async function attachScreenshot(testInfo: TestInfo, shot: Screenshot): Promise<void> {
  await testInfo.attach('screenshot', { body: Buffer.from(shot.base64, 'base64'), contentType: shot.contentType });
}

const CONTEXT_KEYS = ['viewport', 'screen', 'userAgent', 'deviceScaleFactor', 'isMobile', 'hasTouch', 'locale', 'colorScheme'] as const;

export const test = base.extend<TestFixtures, WorkerOptions & WorkerFixtures>({
  engineChoice: [
    { engine: 'chromium', kind: 'missing', reason: 'no engine configured for this project' },
    { option: true, scope: 'worker' },
  ],
  deviceName: [null, { option: true, scope: 'worker' }],
  throttle: [null, { option: true, scope: 'worker' }],
  tier: [null, { option: true, scope: 'worker' }],
  target: [targetRecord(previewTarget()), { option: true, scope: 'worker' }],
  probes: [EVERY_PROBE, { option: true, scope: 'worker' }],

  harnessUrl: [
    async ({ target }, use) => {
      const url = targetUrl(target.name);
      if (!url)
        throw new Error(
          `the target ${target.name} (${target.description}) was not started: run the suite through playwright.config.ts, whose global setup starts it`,
        );
      await use(url);
    },
    { scope: 'worker' },
  ],

  engineSession: [
    async ({ engineChoice, deviceName, throttle, tier, harnessUrl, playwright, headless }, use, workerInfo) => {
      if (engineChoice.kind === 'missing') {
        await use({ notRun: describeChoice(engineChoice) });
        return;
      }
      const use_ = workerInfo.project.use as Record<string, unknown>;
      const context = Object.fromEntries(CONTEXT_KEYS.filter((k) => use_[k] !== undefined).map((k) => [k, use_[k]])) as BrowserContextOptions;
      const engine: { launched: Promise<{ session: EngineSession; shutdown: () => Promise<void> }> | null } = { launched: null };
      const start = () =>
        (engine.launched ??= (async () => {
          const started = performance.now();
          const { driver, shutdown } = await runShared(() =>
            launchDriver(workerInfo.project.name, engineChoice, { name: deviceName, context, throttle, tier }, playwright, harnessUrl, headless),
          );
          // The project's later workers (after a failure) read the record instead of starting the engine again.
          writeShared(`engine-${workerInfo.project.name}`, driver.engine);
          return { session: { driver, launchMs: Math.round(performance.now() - started) }, shutdown };
        })()).then((l) => l.session);
      try {
        await use({ start, project: workerInfo.project.name });
      } finally {
        // A mode's Rust run may outlast the test that asked for it (a failure ends the worker while the other modes run).
        await rustRunsSettled();
        if (engine.launched) await (await engine.launched).shutdown();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],

  session: [
    async ({ engineSession, harnessUrl, probes, target }, use, workerInfo) => {
      if ('notRun' in engineSession) {
        await use(engineSession);
        return;
      }
      const loaded = readShared<Session>(`harness-${workerInfo.project.name}`);
      if (loaded) {
        await use(loaded);
        return;
      }
      // No trace of its own: with Playwright's trace option on (`--trace on`), Playwright traces the
      // engine's context through the test during which the page loads, the load included. One
      // started here as well, always, cost about 2 s of each project's load (its snapshots keep every
      // response's body, the streaming probe's six trickled 3.9 MB modules among them: chromium on
      // wasm-streams, 2026-12-07), on every run, for a file read only when a test failed.
      const { driver, launchMs } = await engineSession.start();
      // Probes whose verdicts time this machine run with no other browser working (runner/timingLock.ts):
      // the page runs the rest first, beside the other worker's shared work, then holds these until released.
      const alone = probesToRunAlone(probes, expectationContext(driver.engine, target.isolation), await loadSubjectExpectations(resolveSubject().probesDir));
      const sharedMs = await runShared(async () => {
        const started = performance.now();
        await driver.open(urlWithSelection(harnessUrl, probes, alone));
        await driver.untilHeld();
        return performance.now() - started;
      });
      const { report, view, aloneMs } = await (alone.length ? runAlone : runShared)(async () => {
        const started = performance.now();
        await driver.evaluate(() => window.__wasmCompatRelease?.(), undefined);
        const report = asCurrentReport(await driver.results());
        const aloneMs = performance.now() - started;
        const view = await driver.evaluate(
          () => ({
            rows: Array.from(document.querySelectorAll<HTMLElement>('#results tbody tr[data-probe]')).map((tr) => `${tr.dataset.probe}:${tr.dataset.status}`),
            summary: document.querySelector('#summary')?.textContent ?? '',
          }),
          undefined,
        );
        return { report, view, aloneMs };
      });
      // The load's own time, without the wait for the lock between its two parts.
      const pageLoadMs = Math.round(sharedMs + aloneMs);
      const timing = { launchMs, pageLoadMs };
      // The page's problems before the screenshot: Playwright's screenshot in Firefox injects a style that the harness's CSP refuses, and logs it as a page error.
      const problems = driver.problems();
      const screenshot = await screenshotOf(driver);
      const session: Session = { report, problems, view, timing, screenshot };
      writeShared(`harness-${workerInfo.project.name}`, session);
      await use(session);
    },
    { scope: 'worker', timeout: 240_000 },
  ],

  // Auto, so it is set up first and torn down last: what it saves at the end includes every other
  // fixture's attachments and the test's final status. Saved at the start too, so that a test
  // whose worker dies is still counted (as failed) rather than lost.
  testRecord: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this destructuring, and this one has none.
    async ({}, use, testInfo) => {
      const run = currentRun();
      const startedAt = Date.now();
      const waitedBefore = lockWaitMs();
      if (run) saveTest(run, testInfo, 'started', startedAt);
      await use();
      recordLockWait(testInfo, lockWaitMs() - waitedBefore);
      if (run) saveTest(run, testInfo, 'ended', startedAt);
    },
    { auto: true },
  ],

  engine: async ({ engineSession }, use, testInfo) => {
    if ('notRun' in engineSession) {
      skipNotRun(testInfo, engineSession.notRun);
      return;
    }
    const e = readShared<EngineInfo>(`engine-${engineSession.project}`) ?? (await engineSession.start()).driver.engine;
    testInfo.annotations.push({
      type: 'engine',
      description: `${e.engine} ${e.version} — ${e.source} (${e.binary})${e.device ? `, emulating ${e.device}` : ''}${e.notApplied.length ? `; not applied: ${e.notApplied.join(', ')}` : ''}`,
    });
    await recordEngine(testInfo, e);
    await use(e);
  },

  driver: async ({ engine, engineSession }, use, testInfo) => {
    void engine;
    const { driver } = await startEngine(engineSession);
    await use(driver);
    // The page the test left open: the Rust tests' runner, the page without WebAssembly, or the harness.
    if (testInfo.status !== testInfo.expectedStatus) {
      await attachScreenshot(testInfo, await screenshotOf(driver));
    }
  },

  // No screenshot on failure: the Rust tests run in pages of their own, closed when their run ends (the runner's log is attached instead: rustTests.spec.ts).
  driverWhenNeeded: async ({ engine, engineSession }, use) => {
    void engine;
    let started: Driver | null = null;
    await use(async () => (started ??= (await startEngine(engineSession)).driver));
  },

  harness: async ({ engine, session }, use, testInfo) => {
    void engine;
    const { report, timing, screenshot } = session as Session;
    await recordSession(testInfo, timing);
    await use(report);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('harness-report.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
      // The page as its probes finished, taken once at the load: the specs judge that load, and a
      // worker started after a failure, or one whose page has moved on to the Rust tests' runner,
      // would otherwise run the whole page again (5-7 s) for a picture of another load.
      await attachScreenshot(testInfo, screenshot);
    }
  },

  pageProblems: async ({ harness, session }, use) => {
    void harness;
    await use((session as Session).problems);
  },

  harnessView: async ({ harness, session }, use) => {
    void harness;
    await use((session as Session).view);
  },
});

export { expect } from '@playwright/test';

/**
 * Called at the top of every spec that reads the project's harness load (the harness, harnessView,
 * pageProblems or session fixture): in a run that gives its one project both workers
 * (runner/bothWorkers.ts), these specs never run at once, so the page is loaded once and the other
 * worker takes the Rust tests. tests/unit/specsHarnessLock.test.ts checks that every such spec calls it.
 */
export function readsHarnessLoad(): void {
  if (handedOff().bothWorkers) test.describe.configure({ lock: HARNESS_LOAD_LOCK });
}
