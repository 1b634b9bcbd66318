// The compatibility suite: the same specs in five projects, each on a real engine (see
// tests/engines/engineResolution.ts for which binary runs which project, and why).
import { defineConfig, devices } from '@playwright/test';
import { type EngineName, resolveEngine } from './tests/engines/engineResolution.ts';
import type { WorkerOptions } from './tests/fixtures.ts';
import type { CompatReporterOptions } from './tests/reporters/compatReporter.ts';
import { resolveTarget } from './tests/targets/target.ts';

const target = resolveTarget();

/** A project from a Playwright device descriptor, run on the engine resolved for it. Desktop
 * projects keep the browser's own user agent: a descriptor's UA would misreport the real version. */
function project(name: string, device: string, engine: EngineName, emulated: boolean) {
  const found = devices[device];
  if (!found) throw new Error(`Playwright has no device descriptor named ${device}`);
  const { userAgent, defaultBrowserType: _default, ...descriptor } = found;
  return {
    name,
    use: {
      ...descriptor,
      ...(emulated ? { userAgent } : {}),
      engineChoice: resolveEngine(engine),
      deviceName: emulated ? device : null,
      harnessUrl: target.harnessUrl,
      targetIsolation: target.isolation,
    },
  };
}

const compatOptions: CompatReporterOptions = { outputFile: 'reports/compat.json', target: target.name, targetIsolation: target.isolation };

export default defineConfig<WorkerOptions>({
  testDir: 'tests/specs',
  outputDir: 'test-results',
  // Specs share one harness load per worker; files still run in parallel across the two workers.
  fullyParallel: false,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  // No retries: a flaky engine or probe must show, not be hidden by a second try.
  retries: 0,
  timeout: 60_000,
  globalSetup: './tests/reporters/archiveReports.ts',
  reporter: [
    [process.env.CI ? 'line' : 'list'],
    ['html', { outputFolder: 'reports/playwright', open: 'never' }],
    ['./tests/reporters/compatReporter.ts', compatOptions],
  ],
  ...(target.webServer ? { webServer: target.webServer } : {}),
  projects: [
    project('chromium', 'Desktop Chrome', 'chromium', false),
    project('firefox', 'Desktop Firefox', 'firefox', false),
    project('webkit', 'Desktop Safari', 'webkit', false),
    project('pixel5', 'Pixel 5', 'chromium', true),
    project('iphone12', 'iPhone 12', 'webkit', true),
  ],
});
