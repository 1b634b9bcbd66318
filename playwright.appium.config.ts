// The same specs over Appium and remote WebDriver: `npm run test:appium`. Each engine is a project;
// one that is not available here (no emulator, no simulator, no grid) is reported as not run with
// what was looked for. Its compat.json is its own, unless WASM_COMPAT_JOIN_RUN names the run whose
// file it joins (npm run compat: the browser run's), under the engines' names.
import { defineConfig } from '@playwright/test';
import type { WorkerOptions } from './runner/fixtures.ts';
import { appiumProjects } from './runner/projects.ts';
import { reportPath } from './reporting/reportsFolder.ts';
import { resolveTarget } from './serving/targets/plan.ts';
import { readSetting } from './settings/settings.ts';
import { outsideVariable } from './settings/environment.ts';

export default defineConfig<WorkerOptions>({
  testDir: 'tests/specs',
  // The Node-side header checks do not use a browser: the main run covers them, and here they
  // would only repeat per engine (and "pass" in engines that did not run).
  grepInvert: /Serving from Node/,
  // The read-then-compile proof is opt-in, as in playwright.config.ts (tests/streaming/).
  testIgnore: readSetting('streamingShim') ? [] : ['**/streamingShim.spec.ts'],
  outputDir: 'test-results/appium',
  fullyParallel: false,
  // One device session at a time: emulators and simulators are heavy, and a farm bills per session.
  workers: 1,
  forbidOnly: !!outsideVariable('CI'),
  retries: 0,
  // A mobile session (emulator, simulator, farm queue) takes longer to start than a desktop browser.
  timeout: 120_000,
  globalSetup: './runner/globalSetup.ts',
  // What a run must do happens here, not in reporters that --reporter replaces: compat.json and the
  // run gate (a run that ran nothing, or not the projects WASM_COMPAT_REQUIRE names, fails), then
  // the matrix page and its formats from it.
  globalTeardown: ['./runner/globalTeardown.ts', './trends/trendsTeardown.ts', './matrix/matrixTeardown.ts'],
  reporter: [
    [outsideVariable('CI') ? 'line' : 'list'],
    ['html', { outputFolder: reportPath('playwright-appium'), open: 'never' }],
    ['junit', { outputFile: reportPath('junit-appium.xml') }],
  ],
  projects: appiumProjects(resolveTarget()),
});
