// A project's Rust tests started as its harness page begins to load, not after the probe specs:
// the two then share the wait for the page's trickled downloads and the core that a run of one
// project leaves spare. With two projects side by side both cores are busy already, and the runs
// wait in turn (the default run took 74-86 s with them beside, against 65 s). Both hold the
// timing lock shared, so where the page's timed probes run alone they wait for the Rust runs to end
// (runner/timingLock.ts). The runs go in pages of their own (companions), one test binary after
// another, each binary's modes at once; the Rust tests' spec then reads their results as it would
// its own runs (runRustTestsOnce). Only where nothing can leave the Rust tests out of the worker's
// work and a core is spare: the project runs their spec, the run is this one project and every test
// of it (runner/commandLine.ts), and its engine has companion pages (not Appium's or a grid's
// WebDriver sessions).
import type { Driver } from '../drivers/driver.ts';
import { handedOff } from '../handOff.ts';
import { rustTestSuite } from './rustTestBuild.ts';
import { contextModes, rustTestModes } from './rustTestModes.ts';
import { runRustTestsOnce } from './runRustTests.ts';

export function startRustRunsEarly(project: string, projectRunsRustTests: boolean, driver: Driver, origin: string): void {
  if (!projectRunsRustTests || !handedOff().rustBesideLoad || !driver.companion) return;
  console.log(`[rust tests] ${project}: started beside the harness load (one project, every test)`);
  void (async () => {
    // A test build that does not compile, or a pin this suite does not know, is the spec's to report.
    const suite = rustTestSuite();
    const asked = rustTestModes();
    for (const artifact of suite.artifacts) {
      const { modes } = contextModes(artifact.configure, asked);
      if (modes.length === 0) continue;
      // A failed run is the Rust tests' to report when they ask for it (the same promise); here it only ends the early start.
      await runRustTestsOnce(project, suite, artifact, modes[0]!, modes, async () => driver, origin, true).catch(() => undefined);
    }
  })().catch(() => undefined);
}
