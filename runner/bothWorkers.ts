// A run of one project and every test of it (`npx playwright test --project=chromium`: the inner
// loop) gives that project both of Playwright's workers, where a run of several gives each project
// one. The specs that read the harness load share one Playwright test lock in such a run
// (HARNESS_LOAD_LOCK, taken by readsHarnessLoad in runner/fixtures.ts), so Playwright never runs two
// of them at once: the page is loaded once, by one worker, and the other is handed the first spec
// without the lock, the Rust tests'. Their runs then share the page's wait for its trickled downloads,
// and the workers Playwright starts again after each failed Rust test report theirs while the page
// runs its timed probes (measured on wasm-streams' 48 tests in five modes: 19.7 s with one worker,
// the Rust runs started beside the load in the same browser; 16.0 s with both, 2026-12-07).
// The Rust tests' worker starts an engine of its own, so only an engine the suite launches itself
// gets the second worker (Playwright's builds, a system browser): not WebKitGTK's one WebDriver
// window, an Appium device or a grid's sessions. `--workers=1` keeps it to one.
// Decided once, in Playwright's own process as the config loads (only it sees the command line);
// its workers load the config and the specs again and read the decision from the hand-off.
import { readCommandLine, soleProject } from './commandLine.ts';
import type { EngineChoice } from './engines/engineChoice.ts';
import { handedOff, handOn } from './handOff.ts';
import { type Environment, environment, outsideVariable } from '../settings/environment.ts';

/** The Playwright test lock of the specs that read the harness load, in a run that gives its project both workers. */
export const HARNESS_LOAD_LOCK = 'the harness load (one project on both workers)';

const LAUNCHED_HERE: ReadonlyArray<EngineChoice['kind']> = ['playwright', 'system'];

/**
 * The project this run gives both workers, or null. In Playwright's process: read from its command
 * line and handed on; in a worker (which Playwright starts with TEST_WORKER_INDEX set): what was handed.
 */
export function projectWithBothWorkers(
  projects: ReadonlyArray<{ name: string; use: { engineChoice?: EngineChoice } }>,
  argv: readonly string[] = process.argv,
  env: Environment = environment(),
): string | null {
  if (outsideVariable('TEST_WORKER_INDEX', env) !== undefined) return handedOff(env).bothWorkers ?? null;
  const line = readCommandLine(argv);
  const soleName = soleProject(
    line,
    projects.map((p) => p.name),
  );
  const sole = projects.find((p) => p.name === soleName);
  const kind = sole?.use.engineChoice?.kind;
  const chosen = sole && line.workers !== '1' && kind && LAUNCHED_HERE.includes(kind) ? sole.name : null;
  // Handed on even when null: a value inherited from another run's process must not reach this one's workers.
  handOn({ bothWorkers: chosen });
  return chosen;
}
