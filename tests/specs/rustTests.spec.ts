// The subject's own #[wasm_bindgen_test] tests, in this project's engine. The real
// wasm-bindgen-test-runner (the crate's exact wasm-bindgen version) serves its test page and drives
// the project's browser through the WebDriver bridge (runner/rustTests/), so its tests run wherever
// the suite runs: the five projects, their device emulation, Appium and remote grids. One
// Playwright test per Rust test, named after it (`--grep <name>` selects it); the runner runs the
// whole test binary once per project and mode (the page's main thread, a dedicated worker, a page
// without isolation), every mode at once where the engine has pages to spare, and each test reads
// its own line.
import { expect, test } from '../../runner/fixtures.ts';
import { rustTestSuite, type RustTestSuite } from '../../runner/rustTests/rustTestBuild.ts';
import { runRustTestsOnce, rustTestModes, whyNotReported } from '../../runner/rustTests/runRustTests.ts';
import { recordRustTest } from '../../runner/testRecord.ts';

// A test build that does not compile is one failing test that says so, not a file that stops the run.
let suite: RustTestSuite;
try {
  suite = rustTestSuite();
} catch (error) {
  const message = (error as Error).message;
  suite = { artifacts: [], runner: '', none: null };
  test('Rust tests: the test build', () => {
    throw new Error(message);
  });
}

const modes = rustTestModes();
for (const artifact of suite.artifacts)
  for (const mode of modes) {
    test.describe(`Rust tests (${artifact.target}, ${mode})`, () => {
      for (const { name } of artifact.tests) {
        test(`rust: ${name}`, async ({ driverWhenNeeded, engine }, testInfo) => {
          const run = await runRustTestsOnce(testInfo.project.name, suite, artifact, mode, modes, driverWhenNeeded);
          const result = run.results.find((r) => r.name === name);
          const where = `${engine.engine} ${engine.version}${engine.device ? ` (${engine.device})` : ''}`;
          const status = result?.status ?? 'not-reported';
          const output = result?.output || (result ? '' : whyNotReported(run, name));
          await recordRustTest(testInfo, { target: artifact.target, mode, name, status, output });
          await test.step(`${name}: ${status}`, async () => {
            // The runner's whole log beside each test that did not pass (attached to all 48 of a crate's tests, it was most of their time).
            if (run.log && status !== 'passed' && status !== 'ignored')
              await testInfo.attach(`wasm-bindgen-test-runner (${artifact.target})`, { body: run.log, contentType: 'text/plain' });
          });
          // #[ignore] in Rust is a skip here, with Rust's reason.
          test.skip(status === 'ignored', `ignored in Rust (#[ignore])${output ? `: ${output}` : ''}`);
          expect(status, `Rust test ${artifact.target}::${name} (${mode}) in ${where}: ${output || 'no output'}`).toBe('passed');
        });
      }
    });
  }
