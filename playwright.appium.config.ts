// The same specs over Appium and remote WebDriver: `npm run test:appium`. Each target is a project;
// one that is not available here (no emulator, no simulator, no grid) is reported as not run with
// what was looked for. Results join reports/compat.json under the targets' names.
import { defineConfig } from '@playwright/test';
import { APPIUM_TARGETS } from './tests/appium/targets/index.ts';
import type { WorkerOptions } from './tests/fixtures.ts';
import { REPORTS_DIR } from './tests/reporters/archiveReports.ts';
import type { CompatReporterOptions } from './tests/reporters/compatReporter.ts';
import { resolveTarget } from './tests/targets/target.ts';

const target = resolveTarget();
const compatOptions: CompatReporterOptions = { outputFile: `${REPORTS_DIR}/compat.json`, target: target.name, targetIsolation: target.isolation, merge: true };

export default defineConfig<WorkerOptions>({
  testDir: 'tests/specs',
  // The Node-side header checks do not use a browser: the main run covers them, and here they
  // would only repeat per target (and "pass" in targets that did not run).
  grepInvert: /Serving from Node/,
  outputDir: 'test-results/appium',
  fullyParallel: false,
  // One device session at a time: emulators and simulators are heavy, and a farm bills per session.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A mobile session (emulator, simulator, farm queue) takes longer to start than a desktop browser.
  timeout: 120_000,
  globalSetup: './tests/reporters/archiveReports.ts',
  reporter: [
    [process.env.CI ? 'line' : 'list'],
    ['html', { outputFolder: `${REPORTS_DIR}/playwright-appium`, open: 'never' }],
    ['./tests/reporters/compatReporter.ts', compatOptions],
  ],
  ...(target.webServer ? { webServer: target.webServer } : {}),
  projects: Object.entries(APPIUM_TARGETS).map(([name, detect]) => {
    const engineChoice = detect();
    return {
      name,
      use: {
        engineChoice,
        deviceName: 'device' in engineChoice ? engineChoice.device : null,
        harnessUrl: target.harnessUrl,
        targetIsolation: target.isolation,
        target: { name: target.name, kind: target.kind, description: target.description },
        targetServing: target.serving,
      },
    };
  }),
});
