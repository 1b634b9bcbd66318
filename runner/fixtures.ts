// The fixtures every spec uses. A worker opens the harness once on its project's engine and keeps
// what the page published; tests assert on it. Specs never touch Playwright's own `page`: the
// same specs must run over WebDriver (WebKitGTK, Appium, a grid).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContextOptions, test as base } from '@playwright/test';
import type { HarnessReport } from '../harness/probes/probe.ts';
import type { Driver, EngineInfo } from './drivers/driver.ts';
import { PlaywrightDriver } from './drivers/playwrightDriver.ts';
import { describeChoice, type EngineChoice } from './engines/engineResolution.ts';
import { launchDriver } from './engines/launchDriver.ts';
import type { ThrottleProfile } from './throttling/throttlingProfile.ts';
import { previewTarget } from '../serving/targets/previewTarget.ts';
import { targetRecord, type TargetRecord } from '../serving/targets/target.ts';
import { targetUrl } from './targetUrls.ts';
import { recordEngine, skipNotRun } from './testRecord.ts';

export interface WorkerOptions {
  /** Which engine runs this project (runner/projects.ts resolves it). */
  engineChoice: EngineChoice;
  /** The Playwright device descriptor the project applies, or null for a desktop browser. */
  deviceName: string | null;
  /** Which target serves the page (serving/targets/): its name, how it serves, what it should send. */
  target: TargetRecord;
  /** A phone's CPU and network to apply (runner/throttling/), or null. */
  throttle: ThrottleProfile | null;
}

interface Session {
  driver: Driver;
  report: HarnessReport;
  /** Driver-level problems (console errors, failed requests) during the main run. */
  problems: string[];
  /** Playwright trace of the page load, kept to attach when a test fails. */
  loadTrace: string | null;
  /** What a person saw when the probes finished: the table rows (id:status) and the summary line. */
  view: HarnessView;
}

export interface HarnessView {
  rows: string[];
  summary: string;
}

export interface WorkerFixtures {
  /** The page, absolute: where the project's target answers in this run. */
  harnessUrl: string;
  session: Session | { notRun: string };
}

export interface TestFixtures {
  /** What the harness published on this project's engine. Skips the test, with the reason, when the engine is missing. */
  harness: HarnessReport;
  engine: EngineInfo;
  driver: Driver;
  /** Driver-level problems seen during the harness run. */
  pageProblems: string[];
  /** The page's table and summary as rendered when the probes finished. */
  harnessView: HarnessView;
}

const CONTEXT_KEYS = ['viewport', 'screen', 'userAgent', 'deviceScaleFactor', 'isMobile', 'hasTouch', 'locale', 'colorScheme'] as const;

export const test = base.extend<TestFixtures, WorkerOptions & WorkerFixtures>({
  engineChoice: [{ engine: 'chromium', kind: 'missing', reason: 'no engine configured for this project' }, { option: true, scope: 'worker' }],
  deviceName: [null, { option: true, scope: 'worker' }],
  throttle: [null, { option: true, scope: 'worker' }],
  target: [targetRecord(previewTarget()), { option: true, scope: 'worker' }],

  harnessUrl: [
    async ({ target }, use) => {
      const url = targetUrl(target.name);
      if (!url) throw new Error(`the target ${target.name} (${target.description}) was not started: run the suite through playwright.config.ts, whose global setup starts it`);
      await use(url);
    },
    { scope: 'worker' },
  ],

  session: [
    async ({ engineChoice, deviceName, throttle, harnessUrl, playwright }, use, workerInfo) => {
      if (engineChoice.kind === 'missing') {
        await use({ notRun: describeChoice(engineChoice) });
        return;
      }
      const use_ = workerInfo.project.use as Record<string, unknown>;
      const context = Object.fromEntries(CONTEXT_KEYS.filter((k) => use_[k] !== undefined).map((k) => [k, use_[k]])) as BrowserContextOptions;
      const { driver, shutdown } = await launchDriver(workerInfo.project.name, engineChoice, { name: deviceName, context, throttle }, playwright, harnessUrl);
      let traceDir: string | null = null;
      try {
        let loadTrace: string | null = null;
        if (driver instanceof PlaywrightDriver) {
          traceDir = mkdtempSync(join(tmpdir(), 'wasm-compat-trace-'));
          await driver.context.tracing.start({ screenshots: true, snapshots: true, title: `harness load (${workerInfo.project.name})` });
        }
        await driver.open(harnessUrl);
        const report = await driver.results();
        const view = await driver.evaluate(
          () => ({
            rows: Array.from(document.querySelectorAll<HTMLElement>('#results tbody tr[data-probe]')).map((tr) => `${tr.dataset.probe}:${tr.dataset.status}`),
            summary: document.querySelector('#summary')?.textContent ?? '',
          }),
          undefined,
        );
        if (driver instanceof PlaywrightDriver && traceDir) {
          loadTrace = join(traceDir, 'harness-load.zip');
          await driver.context.tracing.stop({ path: loadTrace });
        }
        await use({ driver, report, problems: driver.problems(), loadTrace, view });
      } finally {
        await shutdown();
        if (traceDir) rmSync(traceDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],

  harness: async ({ session }, use, testInfo) => {
    if ('notRun' in session) {
      skipNotRun(testInfo, session.notRun);
      return;
    }
    const { driver, report, loadTrace } = session;
    const e = driver.engine;
    testInfo.annotations.push({
      type: 'engine',
      description: `${e.engine} ${e.version} — ${e.source} (${e.binary})${e.device ? `, emulating ${e.device}` : ''}${e.notApplied.length ? `; not applied: ${e.notApplied.join(', ')}` : ''}`,
    });
    await recordEngine(testInfo, e);
    await use(report);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('harness-report.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
      await testInfo.attach('screenshot', { body: await driver.screenshot().catch((err: Error) => Buffer.from(`screenshot failed: ${err.message}`)), contentType: 'image/png' });
      if (loadTrace) await testInfo.attach('trace', { path: loadTrace, contentType: 'application/zip' });
    }
  },

  engine: async ({ harness, session }, use) => {
    void harness;
    await use((session as Session).driver.engine);
  },

  driver: async ({ harness, session }, use) => {
    void harness;
    await use((session as Session).driver);
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
