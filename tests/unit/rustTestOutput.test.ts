// What the suite reads from wasm-bindgen-test-runner's output: each test's line (0.3.80 prints FAIL
// where libtest prints FAILED), a failure's panic message without the JS stack, the test a timeout
// stopped, and the schema error of a runner from another wasm-bindgen version (stored fixture:
// the real output of runner 0.2.100 on a 0.2.130 test build, 2026-11-29).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { hungTest, parseRunnerOutput, printedByTest, schemaMismatch } from '../../runner/rustTests/runRustTests.ts';

const FINISHED = `running 3 tests
test ignored_one ... ignored, kept out
test fails_here ... FAIL
test passes ... ok

failures:

---- fails_here output ----
    error output:
        panicked at tests/web.rs:16:5:
        assertion failed: deliberate

        Stack:

        Error
            at http://127.0.0.1:1/wasm-bindgen-test:340:25

failures:
    fails_here

test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 filtered out; finished in 0.02s
`;

test('each test line becomes a result, and a failure keeps its panic message without the stack', () => {
  const { results, summary } = parseRunnerOutput(FINISHED);
  assert.deepEqual(
    results.map((r) => [r.name, r.status]),
    [
      ['ignored_one', 'ignored'],
      ['fails_here', 'failed'],
      ['passes', 'passed'],
    ],
  );
  assert.equal(results[1]!.output, 'panicked at tests/web.rs:16:5:\nassertion failed: deliberate');
  assert.match(summary!, /^test result: FAILED\. 1 passed; 1 failed/);
});

test('with --nocapture, what each test printed is its own, passing or not, and a failure shows it before its panic', () => {
  // The real output of runner 0.2.130 --nocapture on tests/fixtures/contexts-crate's unconfigured binary, Chromium 156, 2026-12-06.
  const log = readFileSync('tests/fixtures/rust-runner/nocapture.txt', 'utf8');
  assert.deepEqual(Object.fromEntries(printedByTest(log)), {
    says_where_it_runs: 'running in Window',
    reports_its_isolation: '',
    has_a_document: 'looking for a document in Window',
    built_with_the_crates_cargo_config: '',
  });
  const results = Object.fromEntries(parseRunnerOutput(log).results.map((r) => [r.name, r]));
  assert.deepEqual([results.says_where_it_runs?.status, results.says_where_it_runs?.output], ['passed', 'running in Window']);
  assert.match(results.reports_its_isolation!.output, /^panicked at tests\/unconfigured\.rs:\d+:\d+:\ncrossOriginIsolated: Some\(true\)$/);
  // A failure that printed first: its lines, then the panic, as the runner shows one without --nocapture.
  const printedThenFailed = log.replace('Invoking test: reports_its_isolation\n', 'Invoking test: reports_its_isolation\nabout to look\n');
  const failed = parseRunnerOutput(printedThenFailed).results.find((r) => r.name === 'reports_its_isolation')!;
  assert.match(failed.output, /^log output:\nabout to look\npanicked at tests\/unconfigured\.rs/);
});

test('a run stopped by its timeout names the test that was running', () => {
  const log =
    'running 3 tests\ntest a ... ok\nFailed to detect test as having been run. It might have timed out.\nconsole output:\n    Invoking test: a\n    Invoking test: stuck\n';
  assert.equal(parseRunnerOutput(log).summary, null);
  assert.equal(hungTest(log, new Set(['a'])), 'stuck');
  assert.equal(hungTest('running 1 tests\n', new Set()), null);
});

test('a runner of another wasm-bindgen version is named, with both fixes', () => {
  const log = readFileSync('tests/fixtures/rust-runner/schema-mismatch.txt', 'utf8');
  assert.equal(
    schemaMismatch(log),
    "wasm-bindgen-test-runner 0.2.100 cannot run a test build made with wasm-bindgen 0.2.130: install the runner of exactly that version (cargo install -f wasm-bindgen-cli --version 0.2.130), or lock the crate to the runner's (cargo update -p wasm-bindgen --precise 0.2.100)",
  );
  assert.equal(schemaMismatch(FINISHED), null);
});

test('a test build from a git checkout of wasm-bindgen is named as such: the published runner of its version number has another schema', () => {
  // wasm-bindgen's own repository (js-sys's benchmarks) against the published 0.2.127 runner, 2026-12-06.
  const log = readFileSync('tests/fixtures/rust-runner/schema-mismatch-git.txt', 'utf8');
  assert.equal(
    schemaMismatch(log),
    "wasm-bindgen-test-runner 0.2.127 cannot run a test build made with wasm-bindgen 0.2.127 (9ae09f1ad), a build from git at 9ae09f1ad: no published runner has its schema; build the runner from that same checkout into the suite's place for that version (cargo install --force --path <checkout>/crates/cli --root .cache/wasm-bindgen-cli/0.2.127)",
  );
});
