// A crate's #[wasm_bindgen_test] tests through the suite, on a fixture crate with one test of each
// outcome (tests/fixtures/rust-tests-crate): in Chromium, Firefox and WebKitGTK the deliberate
// failure shows its panic message in compat.json, the JUnit XML and the Playwright HTML report;
// the hanging test is named with its timeout and the tests after it still report; the ignored one
// is a skip. `--grep` on a Rust test's name selects it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { CompatReport } from '../../runner/compatReport.ts';
import { rustTestSuite } from '../../runner/rustTests/rustTestBuild.ts';
import { resolveSubjectFrom, ROOT } from '../../subject/resolveSubject.ts';

const PROJECTS = ['chromium', 'firefox', 'webkit'];
const PANIC = 'deliberate failure: double(2) is not 5';
const PANIC_PATTERN = PANIC.replace(/[()]/g, '\\$&');
const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-rust-tests-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function suite(reports: string, args: string[]): { status: number | null; output: string } {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/playwright'), ['test', 'rustTests', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // The main thread only: the dedicated-worker mode runs the same binary, and each mode pays the hang's timeout.
    env: { ...process.env, WASM_COMPAT_CRATE: 'tests/fixtures/rust-tests-crate', WASM_COMPAT_MATRIX: '0', WASM_COMPAT_REPORTS_DIR: reports, WASM_COMPAT_RUST_TEST_TIMEOUT: '8', WASM_COMPAT_RUST_MODES: 'main thread' },
    timeout: 900_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

test('each outcome is reported per engine, with the panic message in compat.json, JUnit and the HTML report', () => {
  const reports = join(scratch, 'all');
  const run = suite(reports, PROJECTS.map((p) => `--project=${p}`));
  assert.equal(run.status, 1, 'a failing Rust test fails the run');

  const report = JSON.parse(readFileSync(join(reports, 'compat.json'), 'utf8')) as CompatReport;
  for (const project of PROJECTS) {
    const tests = Object.fromEntries((report.projects[project]?.rustTests ?? []).map((t) => [t.name, t]));
    assert.equal(tests.doubles?.status, 'passed', project);
    assert.equal(tests['nested::in_a_module']?.status, 'passed', `${project}: a test in a module, by its path`);
    assert.equal(tests.fails_on_purpose?.status, 'failed', project);
    assert.match(tests.fails_on_purpose!.output, new RegExp(`panicked at tests/web\\.rs:\\d+:\\d+:\\n.*${PANIC_PATTERN}`), project);
    assert.equal(tests.ignored_on_purpose?.status, 'ignored', project);
    assert.equal(tests.hangs_forever?.status, 'not-reported', project);
    assert.match(tests.hangs_forever!.output, /did not finish within 8 s \(WASM_BINDGEN_TEST_TIMEOUT/, project);
  }
  // The failure names the engine, its version and the test.
  assert.match(run.output, /Rust test web::fails_on_purpose \(main thread\) in chromium \d+\.[\d.]+: panicked at/);
  assert.match(run.output, /Rust test web::fails_on_purpose \(main thread\) in firefox \d+\.[\d.]+: panicked at/);
  assert.match(run.output, /Rust test web::fails_on_purpose \(main thread\) in webkit 2\.\d+\.\d+: panicked at/);

  const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
  const failures = junit.split('<testcase ').filter((c) => c.startsWith('name="Rust tests (web, main thread) › rust: fails_on_purpose"') && c.includes('<failure '));
  for (const project of PROJECTS) {
    assert.ok(failures.some((c) => c.includes(`Rust test web::fails_on_purpose (main thread) in ${project} `) && c.includes(PANIC)), `JUnit names ${project} and the panic`);
  }
  // The HTML report keeps each attachment as a file of its own: the runner's log with the panic is among them.
  const data = join(reports, 'playwright', 'data');
  const withPanic = readdirSync(data).filter((f) => readFileSync(join(data, f)).includes(PANIC));
  assert.ok(withPanic.length >= PROJECTS.length, `the HTML report holds the panic message for each engine (${withPanic.length} files)`);
});

test('--grep on a Rust test\'s name selects it', () => {
  const run = suite(join(scratch, 'grep'), ['--project=chromium', '--grep', 'in_a_module', '--reporter=list']);
  assert.equal(run.status, 0, run.output.slice(-3000));
  assert.match(run.output, /rust: nested::in_a_module/);
  assert.match(run.output, /1 passed/);
  assert.doesNotMatch(run.output, /fails_on_purpose/);
});

test('a crate without wasm-bindgen-test gets one line saying what to add, and no Rust tests', () => {
  const dir = join(scratch, 'no-test-crate');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "no-test-crate"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib", "rlib"]\n\n[dependencies]\nwasm-bindgen = "=0.2.130"\n\n[workspace]\n');
  writeFileSync(join(dir, 'src', 'lib.rs'), 'use wasm_bindgen::prelude::*;\n\n#[wasm_bindgen]\npub fn one() -> u32 {\n    1\n}\n');
  const suite = rustTestSuite(resolveSubjectFrom({ WASM_COMPAT_CRATE: dir, CARGO_TARGET_DIR: join(ROOT, '.cache', 'subject-tests-target') }));
  assert.deepEqual(suite.artifacts, []);
  assert.equal(suite.none, 'no-test-crate has no #[wasm_bindgen_test] tests: add wasm-bindgen-test to its [dev-dependencies] and tests marked #[wasm_bindgen_test] under tests/');
});

test('a test build that does not compile fails one test with cargo\'s last lines, and the rest of the run still reports', () => {
  const dir = join(scratch, 'tests-do-not-compile');
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "tests-do-not-compile"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib", "rlib"]\n\n[dependencies]\nwasm-bindgen = "=0.2.130"\n\n[dev-dependencies]\nwasm-bindgen-test = "=0.3.80"\n\n[workspace]\n');
  writeFileSync(join(dir, 'src', 'lib.rs'), 'use wasm_bindgen::prelude::*;\n\n#[wasm_bindgen]\npub fn one() -> u32 {\n    1\n}\n');
  writeFileSync(join(dir, 'tests', 'web.rs'), 'use wasm_bindgen_test::*;\n\n#[wasm_bindgen_test]\nfn wrong() {\n    let n: u32 = "one";\n    assert_eq!(n, 1);\n}\n');
  const run = spawnSync(join(ROOT, 'node_modules/.bin/playwright'), ['test', '--project=chromium', '--reporter=list'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, WASM_COMPAT_CRATE: dir, WASM_COMPAT_MATRIX: '0', WASM_COMPAT_REPORTS_DIR: join(scratch, 'no-compile'), CARGO_TARGET_DIR: join(ROOT, '.cache', 'subject-tests-target') },
    timeout: 900_000,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  assert.equal(run.status, 1, output.slice(-3000));
  assert.match(output, /Rust tests: the test build/);
  assert.match(output, /tests-do-not-compile: cargo test --no-run --target wasm32-unknown-unknown failed:/);
  assert.match(output, /error\[E0308\]: mismatched types/);
  assert.match(output, /1 failed/);
  assert.match(output, /\d+ passed/, 'the probes still ran and reported');
});
