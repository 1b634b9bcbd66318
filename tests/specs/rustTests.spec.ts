// The subject's own #[wasm_bindgen_test] tests, in this project's engine. The real
// wasm-bindgen-test-runner (the crate's exact wasm-bindgen version) serves its test page and drives
// the project's browser through the WebDriver bridge (runner/rustTests/), so its tests run wherever
// the suite runs: the five projects, their device emulation, Appium and remote grids. One
// Playwright test per Rust test, named after it (`--grep <name>` selects it), with a step per mode;
// the runner runs the whole test binary once per project and mode (runner/rustTests/rustTestModes.ts),
// every mode at once where the engine has pages to spare, and each step reads its test's line. Not a
// Playwright test per mode: Playwright starts a new worker after each failed test, so a Rust test
// failing in every mode cost a worker start per mode (docs/rust-tests.md). A binary the crate
// pinned to a context (wasm_bindgen_test_configure!) runs only in that context's modes, and says so.
import { expect, test } from '../../runner/fixtures.ts';
import { rustTestSuite, type RustTestSuite } from '../../runner/rustTests/rustTestBuild.ts';
import { runRustTestsOnce, whyNotReported } from '../../runner/rustTests/runRustTests.ts';
import { contextModes, rustTestModes } from '../../runner/rustTests/rustTestModes.ts';
import { type RustTestRecord, recordRustTest, skipNotRun } from '../../runner/testRecord.ts';

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
  test.describe(`Rust tests (${artifact.target})`, () => {
    for (const { name } of artifact.tests) {
      if (none) {
        // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a test needs from this pattern, and this one needs none.
        test(`rust: ${name}`, ({}, testInfo) => skipNotRun(testInfo, none));
        continue;
      }
      test(`rust: ${name}`, async ({ driverWhenNeeded, engine, harnessUrl }, testInfo) => {
        // It waits for each of its modes' runs, where one test per mode waited for one.
        testInfo.setTimeout(testInfo.timeout * modes.length);
        const where = `${engine.engine} ${engine.version}${engine.device ? ` (${engine.device})` : ''}`;
        const outcomes: Array<{ status: RustTestRecord['status']; output: string }> = [];
        const why = (o: (typeof outcomes)[number]) => (o.status === 'ignored' ? `ignored in Rust (#[ignore])${o.output ? `: ${o.output}` : ''}` : o.output);
        for (const mode of modes) {
          // One step per mode, titled with it (npm run bench:suite reads each mode's time from it); the first
          // ask starts every mode's run at once (runRustTestsOnce), so each later step waits only for what is left.
          await test.step(`${mode}${pinned}`, async (step) => {
            const run = await runRustTestsOnce(testInfo.project.name, suite, artifact, mode, modes, driverWhenNeeded, harnessUrl);
            const result = run.results.find((r) => r.name === name);
            const status = run.unsupported ? 'unsupported' : (result?.status ?? 'not-reported');
            const output = run.unsupported ?? (result?.output || (result ? '' : whyNotReported(run, name)));
            outcomes.push({ status, output });
            await recordRustTest(testInfo, {
              target: artifact.target,
              mode,
              name,
              status,
              output,
              ...(artifact.configure ? { configure: artifact.configure } : {}),
            });
            // What a passing test printed (the runner's --nocapture, one test at a time) stays beside it in the report too.
            if (status === 'passed' && output) testInfo.annotations.push({ type: 'printed', description: `${mode}: ${output}` });
            // The runner's whole log beside each mode that did not pass (attached to all 48 of a crate's tests, it was most of their time).
            if (run.log && status !== 'passed' && status !== 'ignored')
              await testInfo.attach(`wasm-bindgen-test-runner (${artifact.target}, ${mode})`, { body: run.log, contentType: 'text/plain' });
            // #[ignore] in Rust, or a context the engine does not offer: this mode's step is skipped, with the reason.
            step.skip(status === 'ignored' || status === 'unsupported', why({ status, output }));
            // Soft: a failure in one mode fails the test and the other modes still report.
            expect.soft(status, `Rust test ${artifact.target}::${name} (${mode}${pinned}) in ${where}: ${output || 'no output'}`).toBe('passed');
          });
        }
        // Skipped as a whole when no mode ran it: #[ignore] in Rust (with Rust's reason), or no context the engine offers (with the source).
        test.skip(
          outcomes.every((o) => o.status === 'ignored' || o.status === 'unsupported'),
          [...new Set(outcomes.map(why))].join('; '),
        );
      });
    }
  });
}
