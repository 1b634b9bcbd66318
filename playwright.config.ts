// The compatibility suite: the same specs in five projects, each on a real engine (see
// tests/engines/engineResolution.ts for which binary runs which project, and why), against the
// default target (tests/targets/target.ts: vite preview, or WASM_COMPAT_TARGET, or the deployment at
// WASM_COMPAT_BASE_URL). The serving matrix adds projects named <project>@<target> that run only the
// specs a server can change: nginx with the production config in all five, and its COEP
// credentialless and not-isolated variants on the three desktop engines (docs/serving.md).
import { defineConfig } from '@playwright/test';
import { BROWSER_PROJECTS, type BrowserProject, projectContext } from './tests/engines/browserProjects.ts';
import { resolveEngine } from './tests/engines/engineResolution.ts';
import type { WorkerOptions } from './tests/fixtures.ts';
import type { CompatReporterOptions } from './tests/reporters/compatReporter.ts';
import { REPORTS_DIR } from './tests/reporters/archiveReports.ts';
import { planTargets, SERVING_SPECS, type Target } from './tests/targets/target.ts';

const { primary, matrix } = planTargets();

/** A project from a Playwright device descriptor (tests/engines/browserProjects.ts), run on the
 * engine resolved for it against a target. */
function project(entry: BrowserProject, target: Target, testMatch?: string[]) {
  const { name, device, engine, emulated } = entry;
  return {
    name: target === primary ? name : `${name}@${target.name}`,
    ...(testMatch ? { testMatch } : {}),
    use: {
      ...projectContext(entry),
      engineChoice: resolveEngine(engine),
      deviceName: emulated ? device : null,
      harnessUrl: target.harnessUrl,
      targetIsolation: target.isolation,
      target: { name: target.name, kind: target.kind, description: target.description },
      targetServing: target.serving,
    },
  };
}

/** The production setup runs on every device; its variants on the desktop engines keep the run short. */
const matrixProjects = matrix.flatMap((target) => BROWSER_PROJECTS.filter((d) => target.isolation === 'require-corp' || !d.emulated).map((d) => project(d, target, SERVING_SPECS)));

const compatOptions: CompatReporterOptions = { outputFile: `${REPORTS_DIR}/compat.json`, target: primary.name, targetIsolation: primary.isolation };
const webServers = [primary, ...matrix].flatMap((t) => (t.webServer ? [t.webServer] : []));

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
    ['html', { outputFolder: `${REPORTS_DIR}/playwright`, open: 'never' }],
    ['./tests/reporters/compatReporter.ts', compatOptions],
  ],
  // Started one after another, each building its own copy of the page (scripts/serve-*.sh).
  ...(webServers.length ? { webServer: webServers } : {}),
  projects: [...BROWSER_PROJECTS.map((d) => project(d, primary)), ...matrixProjects],
});
