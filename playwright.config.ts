// The compatibility suite: the same specs in five projects, each on a real engine (the engines and
// devices are descriptors in runner/engines/registry/; runner/engines/engineResolution.ts says which
// binary runs which project, and why), against the
// primary target (serving/targets/target.ts: vite preview, or WASM_COMPAT_TARGET, or the deployment
// at WASM_COMPAT_BASE_URL). With WASM_COMPAT_MATRIX=1 (npm test, npm run compat) the serving matrix
// adds projects named <project>@<target> that run only the specs a server can change: nginx with
// the production config in all five, and its COEP credentialless and not-isolated variants on the
// three desktop engines (docs/serving.md); a plain run leaves them out, to stay within its budget.
// The global setup builds the page once and starts every target on a free port (runner/globalSetup.ts).
import { defineConfig } from '@playwright/test';
import type { WorkerOptions } from './runner/fixtures.ts';
import { browserProjects } from './runner/projects.ts';
import { reportPath } from './reporting/reportsFolder.ts';
import { planTargets } from './serving/targets/plan.ts';
import { readSetting } from './settings/settings.ts';
import { outsideVariable } from './settings/environment.ts';

export default defineConfig<WorkerOptions>({
  testDir: 'tests/specs',
  // The read-then-compile proof is listed only in the run that asks for it (tests/streaming/).
  testIgnore: readSetting('streamingShim') ? [] : ['**/streamingShim.spec.ts'],
  outputDir: 'test-results',
  // Specs share one harness load per project (runner/fixtures.ts), and each project keeps to one
  // worker (runner/projects.ts). Two workers run two projects side by side; the timing probes must
  // not share this machine's cores with another project's browser, so a page running its probes
  // holds a lock across the workers that the other's browser work waits for (runner/timingLock.ts).
  // Without it, two workers turned Chromium's and Firefox's streaming pairs into "no saving" (median
  // shares of 0.63 and 2.26, 2026-12-04).
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!outsideVariable('CI'),
  // No retries: a flaky engine or probe must show, not be hidden by a second try.
  retries: 0,
  timeout: 60_000,
  globalSetup: './runner/globalSetup.ts',
  // What a run must do happens here, not in reporters that --reporter replaces: compat.json and the
  // run gate (a run that ran nothing, or not the projects WASM_COMPAT_REQUIRE names, fails), then
  // the matrix page and its formats from it.
  globalTeardown: ['./runner/globalTeardown.ts', './trends/trendsTeardown.ts', './matrix/matrixTeardown.ts'],
  reporter: [
    [outsideVariable('CI') ? 'line' : 'list'],
    ['html', { outputFolder: reportPath('playwright'), open: 'never' }],
    // One testcase per probe spec and per Rust test, per project; CI publishes it.
    ['junit', { outputFile: reportPath('junit.xml') }],
    // CI's per-engine jobs leave a blob report that the merge job turns into one HTML report.
    ...(readSetting('blobReport') ? [['blob', { outputDir: reportPath('blob') }] as const] : []),
    // npm run bench:suite reads every test's start and duration from Playwright's JSON report.
    ...(readSetting('runJson') ? [['json', { outputFile: readSetting('runJson') }] as const] : []),
  ],
  projects: browserProjects(planTargets()),
});
