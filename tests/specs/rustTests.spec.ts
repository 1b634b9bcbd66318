// The subject's own #[wasm_bindgen_test] tests, in this project's engine. The real
// wasm-bindgen-test-runner (the crate's exact wasm-bindgen version) serves its test page and drives
// the project's browser through the WebDriver bridge (runner/rustTests/), so its tests run wherever
// the suite runs: the five projects, their device emulation, Appium and remote grids. One
// Playwright test per Rust test, named after it (`--grep <name>` selects it); the runner runs the
// whole test binary once per project and mode (runner/rustTests/rustTestModes.ts), every mode at
// once where the engine has pages to spare, and each test reads its own line. A binary the crate
// pinned to a context (wasm_bindgen_test_configure!) runs only in that context's modes, and says so.
import { expect, test } from '../../runner/fixtures.ts';
import { rustTestSuite, type RustTestSuite } from '../../runner/rustTests/rustTestBuild.ts';
import { runRustTestsOnce, whyNotReported } from '../../runner/rustTests/runRustTests.ts';
import { contextModes, rustTestModes } from '../../runner/rustTests/rustTestModes.ts';
import { recordRustTest, skipNotRun } from '../../runner/testRecord.ts';

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

const asked = rustTestModes();
for (const artifact of suite.artifacts) {
  const { modes, none } = contextModes(artifact.configure, asked);
  const pinned = artifact.configure ? `; pinned by wasm_bindgen_test_configure!(${artifact.configure})` : '';
  if (none)
    test.describe(`Rust tests (${artifact.target})`, () => {
      // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a test needs from this pattern, and this one needs none.
      for (const { name } of artifact.tests) test(`rust: ${name}`, ({}, testInfo) => skipNotRun(testInfo, none));
    });
  for (const mode of modes) {
    test.describe(`Rust tests (${artifact.target}, ${mode})`, () => {
      for (const { name } of artifact.tests) {
        test(`rust: ${name}`, async ({ driverWhenNeeded, engine, harnessUrl }, testInfo) => {
          const run = await runRustTestsOnce(testInfo.project.name, suite, artifact, mode, modes, driverWhenNeeded, harnessUrl);
          const result = run.results.find((r) => r.name === name);
          const where = `${engine.engine} ${engine.version}${engine.device ? ` (${engine.device})` : ''}`;
          const status = run.unsupported ? 'unsupported' : (result?.status ?? 'not-reported');
          const output = run.unsupported ?? (result?.output || (result ? '' : whyNotReported(run, name)));
          await recordRustTest(testInfo, {
            target: artifact.target,
            mode,
            name,
            status,
            output,
            ...(artifact.configure ? { configure: artifact.configure } : {}),
          });
          // What a passing test printed (the runner's --nocapture, one test at a time) stays beside it in the report too.
          if (status === 'passed' && output) testInfo.annotations.push({ type: 'printed', description: output });
          await test.step(`${name}: ${status} (${mode}${pinned})`, async () => {
            // The runner's whole log beside each test that did not pass (attached to all 48 of a crate's tests, it was most of their time).
            if (run.log && status !== 'passed' && status !== 'ignored')
              await testInfo.attach(`wasm-bindgen-test-runner (${artifact.target})`, { body: run.log, contentType: 'text/plain' });
          });
          // #[ignore] in Rust is a skip here, with Rust's reason; a context the engine does not offer, with the source.
          test.skip(status === 'ignored', `ignored in Rust (#[ignore])${output ? `: ${output}` : ''}`);
          test.skip(status === 'unsupported', output);
          expect(status, `Rust test ${artifact.target}::${name} (${mode}${pinned}) in ${where}: ${output || 'no output'}`).toBe('passed');
        });
      }
    });
  }
}
