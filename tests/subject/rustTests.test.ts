// A crate's #[wasm_bindgen_test] tests through the suite, on a fixture crate with one test of each
// outcome (tests/fixtures/rust-tests-crate): in Chromium, Firefox and WebKitGTK the deliberate
// failure shows what it printed, then its panic message, in compat.json, the matrix, the JUnit XML and the Playwright HTML report;
// the hanging test is named with its timeout and the tests after it still report; the ignored one
// is a skip. `--grep` on a Rust test's name selects it. On a second fixture
// (tests/fixtures/contexts-crate, a library crate: no cdylib), every context in the three engines: a
// binary with no wasm_bindgen_test_configure! runs in every mode, where it is (its test that needs a
// document fails in each worker, its output with it), a binary the crate pinned runs only in its
// context, and the serving probes that need a .wasm are listed as not run, with why, while the others run;
// what a passing test printed is kept with it in each context.
// The fixture and its test build are built once, first; the three suite runs then go side by side
// (each its own reports folder), most of their time being engines waiting on the runner's page and
// the hang's timeout. Those runs judge Rust tests, not probes: their pages run the environment
// probes only (WASM_COMPAT_PROBES), which the test-build failure's run judges to show the rest of the run reports.
import assert from 'node:assert/strict';
import { type PlaywrightRun, runPlaywright } from '../runPlaywright.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readCompatFile } from '../../runner/readCompat.ts';
import { rustTestSuite } from '../../runner/rustTests/rustTestBuild.ts';
import { ALL_RUST_TEST_MODES, RUST_TEST_MODES, type RustTestMode } from '../../runner/rustTests/rustTestModes.ts';
import { ensureSubjectBuilt } from '../../subject/buildSubject.ts';
import { resolveSubjectFrom } from '../../subject/resolveSubject.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { inSharedTarget, SUBJECT_TESTS_TARGET, useFixtureLock } from './cargoTarget.ts';
import { childEnvironment } from '../../settings/environment.ts';

const PROJECTS = ['chromium', 'firefox', 'webkit'];
const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/rust-tests-crate');
const CONTEXTS = join(PROJECT_ROOT, 'tests/fixtures/contexts-crate');
const PANIC = 'deliberate failure: double(2) is not 5';
const PANIC_PATTERN = PANIC.replace(/[()]/g, '\\$&');
/** What fails_on_purpose prints (console_log!) before it panics. */
const PRINTED = 'about to check double(2)';
const PRINTED_PATTERN = PRINTED.replace(/[()]/g, '\\$&');
/** The runner's timeout for a test binary (WASM_BINDGEN_TEST_TIMEOUT), which the hanging test costs once per
 * engine. Its clock starts once the runner's page has loaded (wasm-bindgen-test-runner 0.2.130), so it
 * covers the test module's instantiation and the two tests before the hang: under 1 s here in all
 * three engines on a busy 2-core machine (the run passed with 1 s at a load of 5), so 4 s leaves four
 * times that. Too small a value shows as `doubles` or `fails_on_purpose` not reported. */
const HANG_TIMEOUT = '4';
const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-rust-tests-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** `playwright test <args>` on `env`'s crate, into `reports` (and an output folder of its own: Playwright
 * empties it as a run starts, under any other run at the same time): its exit status and output. */
function playwright(reports: string, args: string[], env: NodeJS.ProcessEnv): Promise<PlaywrightRun> {
  return runPlaywright(
    [`--output=${join(reports, 'test-results')}`, ...args],
    childEnvironment({ WASM_COMPAT_MATRIX: '0', WASM_COMPAT_PROBES: 'environment', WASM_COMPAT_REPORTS_DIR: reports, ...env }),
    900_000,
  );
}

function suite(reports: string, args: string[]): Promise<PlaywrightRun> {
  // The main thread only: the fixture pins its tests to it (run_in_browser), and 'not isolated', its other mode, would pay the hang's timeout again.
  return playwright(reports, ['rustTests', ...args], {
    WASM_COMPAT_CRATE: FIXTURE,
    CARGO_TARGET_DIR: SUBJECT_TESTS_TARGET,
    WASM_COMPAT_RUST_TEST_TIMEOUT: HANG_TIMEOUT,
    WASM_COMPAT_RUST_MODES: 'main thread',
  });
}

// Built here, once, before the runs that share them start: each run's global setup and spec loading
// then find the fixture's pkg and its test build current.
before(async () => {
  await inSharedTarget(async () => {
    for (const crate of [FIXTURE, CONTEXTS]) {
      const fixture = resolveSubjectFrom({ WASM_COMPAT_CRATE: crate });
      await ensureSubjectBuilt(fixture, () => {});
      rustTestSuite(fixture);
    }
  });
});

test('a crate without wasm-bindgen-test gets one line saying what to add, and no Rust tests', async () => {
  const dir = join(scratch, 'no-test-crate');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'Cargo.toml'),
    '[package]\nname = "no-test-crate"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib", "rlib"]\n\n[dependencies]\nwasm-bindgen = "=0.2.130"\n\n[workspace]\n',
  );
  writeFileSync(join(dir, 'src', 'lib.rs'), 'use wasm_bindgen::prelude::*;\n\n#[wasm_bindgen]\npub fn one() -> u32 {\n    1\n}\n');
  useFixtureLock(dir);
  // The test build runs cargo in this process's environment: in the shared target folder, not a fresh one under the crate.
  const found = await inSharedTarget(() => rustTestSuite(resolveSubjectFrom({ WASM_COMPAT_CRATE: dir })));
  assert.deepEqual(found.artifacts, []);
  assert.equal(
    found.none,
    'no-test-crate has no #[wasm_bindgen_test] tests: add wasm-bindgen-test to its [dev-dependencies] and tests marked #[wasm_bindgen_test] under tests/',
  );
});

describe('through the suite', { concurrency: true }, () => {
  // Chromium in a run of its own, as the inner loop runs it (one project, every test of it: both
  // workers, its Rust tests in one beside the harness load in the other, runner/bothWorkers.ts);
  // Firefox and WebKitGTK with a file filter, one worker each, each Rust run in its turn. Each
  // outcome must read the same either way.
  test('each outcome is reported per engine, with the panic message in compat.json, JUnit and the HTML report; beside the harness load or in turn', async () => {
    const [alone, others] = await Promise.all([
      (async () => {
        const reports = join(scratch, 'beside');
        const run = await playwright(reports, ['--project=chromium'], {
          WASM_COMPAT_CRATE: FIXTURE,
          CARGO_TARGET_DIR: SUBJECT_TESTS_TARGET,
          WASM_COMPAT_RUST_TEST_TIMEOUT: HANG_TIMEOUT,
          WASM_COMPAT_RUST_MODES: 'main thread',
        });
        return { reports, run, projects: ['chromium'] };
      })(),
      (async () => {
        const reports = join(scratch, 'in-turn');
        const run = await suite(reports, ['--project=firefox', '--project=webkit']);
        return { reports, run, projects: ['firefox', 'webkit'] };
      })(),
    ]);
    assert.match(alone.run.output, /\[workers\] chromium: both workers/);
    assert.match(alone.run.output, /Running \d+ tests using 2 workers/);
    assert.doesNotMatch(others.run.output, /both workers/, 'a file filter and two projects: one worker each, the Rust tests in their turn');
    assert.ok(readCompatFile(join(alone.reports, 'compat.json')).projects.chromium!.probes.length > 0, 'the page loaded beside the Rust runs');

    for (const { reports, run, projects } of [alone, others]) {
      assert.equal(run.status, 1, `a failing Rust test fails the run\n${run.output.slice(-3000)}`);
      const report = readCompatFile(join(reports, 'compat.json'));
      for (const project of projects) {
        const tests = Object.fromEntries((report.projects[project]?.rustTests ?? []).map((t) => [t.name, t]));
        assert.deepEqual(Object.keys(tests).sort(), ['doubles', 'fails_on_purpose', 'hangs_forever', 'ignored_on_purpose', 'nested::in_a_module'], project);
        assert.equal(tests.doubles?.status, 'passed', project);
        assert.equal(tests['nested::in_a_module']?.status, 'passed', `${project}: a test in a module, by its path`);
        assert.equal(tests.fails_on_purpose?.status, 'failed', project);
        // What it printed comes first, then its panic.
        assert.match(
          tests.fails_on_purpose!.output,
          new RegExp(`^log output:\\n\\s*${PRINTED_PATTERN}\\n[\\s\\S]*panicked at tests/web\\.rs:\\d+:\\d+:\\n.*${PANIC_PATTERN}`),
          project,
        );
        assert.equal(tests.ignored_on_purpose?.status, 'ignored', project);
        assert.equal(tests.hangs_forever?.status, 'not-reported', project);
        assert.match(tests.hangs_forever!.output, new RegExp(`did not finish within ${HANG_TIMEOUT} s \\(WASM_BINDGEN_TEST_TIMEOUT`), project);
      }
      // The failure names the test, its mode and the crate's pin, the engine and its version, then what it printed and its panic.
      const pinned = String.raw`\(main thread; pinned by wasm_bindgen_test_configure!\(run_in_browser\)\)`;
      const version = { chromium: String.raw`\d+\.[\d.]+`, firefox: String.raw`\d+\.[\d.]+`, webkit: String.raw`2\.\d+\.\d+` } as Record<string, string>;
      for (const project of projects)
        assert.match(
          run.output,
          new RegExp(
            `Rust test web::fails_on_purpose ${pinned} in ${project} ${version[project]}: log output:\\n\\s*${PRINTED_PATTERN}\\n[\\s\\S]*?panicked at`,
          ),
        );
      // The matrix cell's detail holds it too.
      assert.ok(readFileSync(join(reports, 'index.html'), 'utf8').includes(PRINTED), 'the matrix shows what the failing test printed');

      const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
      const failures = junit.split('<testcase ').filter((c) => c.startsWith('name="Rust tests (web) › rust: fails_on_purpose"') && c.includes('<failure '));
      for (const project of projects) {
        assert.ok(
          failures.some(
            (c) =>
              c.includes(`Rust test web::fails_on_purpose (main thread; pinned by wasm_bindgen_test_configure!(run_in_browser)) in ${project} `) &&
              c.includes(PANIC),
          ),
          `JUnit names ${project} and the panic`,
        );
      }
      // The HTML report keeps each attachment as a file of its own: the runner's log with the panic is among them.
      const data = join(reports, 'playwright', 'data');
      const withPanic = readdirSync(data).filter((f) => readFileSync(join(data, f)).includes(PANIC));
      assert.ok(withPanic.length >= projects.length, `the HTML report holds the panic message for each engine (${withPanic.length} files)`);
    }
  });

  test('a library crate in every context of three engines: an unpinned binary in every mode, a pinned one only in its own; the probes that need a .wasm listed as not run', async () => {
    const reports = join(scratch, 'contexts');
    // The serving probes beside the Rust tests: two need the subject's .wasm, the others do not.
    const run = await playwright(reports, ['rustTests', 'serving.spec', 'page.spec', ...PROJECTS.map((p) => `--project=${p}`)], {
      WASM_COMPAT_CRATE: CONTEXTS,
      CARGO_TARGET_DIR: SUBJECT_TESTS_TARGET,
      WASM_COMPAT_RUST_MODES: ALL_RUST_TEST_MODES.join(','),
      WASM_COMPAT_PROBES: 'environment,serving',
    });
    assert.equal(run.status, 1, `has_a_document fails in the workers\n${run.output.slice(-3000)}`);
    const report = readCompatFile(join(reports, 'compat.json'));
    assert.deepEqual([report.subject?.kind, report.subject?.wasm, report.subject?.requirements], ['library', null, null]);
    const matrix = readFileSync(join(reports, 'index.html'), 'utf8');
    assert.match(matrix, /library crate, no \.wasm: its Rust tests ran/);
    for (const project of PROJECTS) {
      const p = report.projects[project]!;
      // Nothing but the Rust test meant to fail did: the generic probes and the Node-side checks pass on a page with no module of the crate's.
      assert.deepEqual(
        p.probes.filter((v) => v.status === 'fail').map((v) => `${v.id}: ${v.detail}`),
        [],
        project,
      );
      assert.equal(p.serving?.failed, 0, `${project}: ${JSON.stringify(p.serving?.findings.filter((f) => !f.ok))}`);
      assert.ok(
        p.probes.some((v) => v.id === 'serving.headers' && v.status === 'pass' && /no \.wasm of the subject's to check/.test(v.detail)),
        `${project}: the page's headers are judged without a module`,
      );
      assert.ok(
        p.probes.some((v) => v.id === 'serving.threads'),
        `${project}: a probe that needs no module of the crate's runs`,
      );
      assert.deepEqual(
        (p.probesNotRun ?? []).map((n) => n.id),
        ['serving.wasmIntegrity', 'serving.wasmMimeType'],
        project,
      );
      for (const n of p.probesNotRun ?? [])
        assert.match(n.reason, /^contexts-fixture is a library crate \(no cdylib\): it builds no \.wasm for this probe to load/);
      // The same in wptreport: a subtest that never ran.
      const wpt = JSON.parse(readFileSync(join(reports, 'wpt', `${project}.json`), 'utf8')) as {
        results: Array<{ subtests: Array<{ name: string; status: string }> }>;
      };
      assert.ok(
        wpt.results.flatMap((r) => r.subtests).some((t) => t.name === 'serving.wasmIntegrity' && t.status === 'NOTRUN'),
        `${project}: wptreport`,
      );
    }
    assert.match(matrix, /contexts-fixture is a library crate \(no cdylib\): it builds no \.wasm for this probe to load/, 'the matrix cell says why');
    for (const project of PROJECTS) {
      const tests = report.projects[project]?.rustTests ?? [];
      const of = (target: string, name: string) => tests.filter((t) => t.target === target && t.name === name);
      const modes = (target: string, name: string) => of(target, name).map((t) => `${t.mode}: ${t.status}${t.configure ? ` (${t.configure})` : ''}`);
      assert.deepEqual(
        modes('unconfigured', 'says_where_it_runs').sort(),
        ALL_RUST_TEST_MODES.map((m) => `${m}: passed`).sort(),
        `${project}: a binary the crate did not pin runs in every mode`,
      );
      assert.deepEqual(
        modes('unconfigured', 'built_with_the_crates_cargo_config').sort(),
        ALL_RUST_TEST_MODES.map((m) => `${m}: passed`).sort(),
        `${project}: the crate's own .cargo/config.toml was read, as cargo reads it`,
      );
      const inAWorker = (m: RustTestMode) => RUST_TEST_MODES[m].context !== 'main thread';
      assert.deepEqual(
        modes('unconfigured', 'has_a_document').sort(),
        ALL_RUST_TEST_MODES.map((m) => `${m}: ${inAWorker(m) ? 'failed' : 'passed'}`).sort(),
        `${project}: each mode runs where it says (a document on the main thread only)`,
      );
      const scope = {
        'dedicated worker': 'DedicatedWorkerGlobalScope',
        'shared worker': 'SharedWorkerGlobalScope',
        'service worker': 'ServiceWorkerGlobalScope',
      };
      for (const mode of ALL_RUST_TEST_MODES.filter(inAWorker)) {
        const failed = of('unconfigured', 'has_a_document').find((t) => t.mode === mode)!;
        const global = scope[RUST_TEST_MODES[mode].context as keyof typeof scope];
        assert.match(
          failed.output,
          new RegExp(`looking for a document in ${global}[\\s\\S]*no document in ${global}`),
          `${project}, ${mode}: what it printed, then its panic`,
        );
      }
      // What a passing test printed is kept with it, per context: where it ran, in its own words.
      const scopeOf = (m: RustTestMode) => (inAWorker(m) ? scope[RUST_TEST_MODES[m].context as keyof typeof scope] : 'Window');
      assert.deepEqual(
        of('unconfigured', 'says_where_it_runs')
          .map((t) => `${t.mode}: ${t.output}`)
          .sort(),
        ALL_RUST_TEST_MODES.map((m) => `${m}: running in ${scopeOf(m)}`).sort(),
        `${project}: each passing test's own output, per context`,
      );
      // Each mode is as isolated as it says: never without COOP/COEP, always on the page and in its dedicated worker with them.
      for (const mode of ALL_RUST_TEST_MODES) {
        const { output } = of('unconfigured', 'reports_its_isolation').find((t) => t.mode === mode)!;
        const isolated = /crossOriginIsolated: Some\((true|false)\)/.exec(output)?.[1];
        if (mode.endsWith('not isolated')) assert.equal(isolated, 'false', `${project}, ${mode}: ${output.slice(0, 300)}`);
        if (mode === 'main thread' || mode === 'dedicated worker') assert.equal(isolated, 'true', `${project}, ${mode}: ${output.slice(0, 300)}`);
      }
      assert.deepEqual(
        modes('in_browser', 'runs_where_configured').sort(),
        ['main thread: passed (run_in_browser)', 'not isolated: passed (run_in_browser)'],
        project,
      );
      for (const context of ['dedicated worker', 'shared worker', 'service worker']) {
        const configure = `run_in_${context.replace(' ', '_')}`;
        assert.deepEqual(
          modes(`in_${context.replace(' ', '_')}`, 'runs_where_configured').sort(),
          [`${context} not isolated: passed (${configure})`, `${context}: passed (${configure})`],
          `${project}: pinned to the ${context}, it runs in that context's two modes`,
        );
      }
    }
  });

  test("--grep on a Rust test's name selects it", async () => {
    const run = await suite(join(scratch, 'grep'), ['--project=chromium', '--grep', 'in_a_module', '--reporter=list']);
    assert.equal(run.status, 0, run.output.slice(-3000));
    assert.match(run.output, /rust: nested::in_a_module/);
    assert.match(run.output, /1 passed/);
    assert.doesNotMatch(run.output, /fails_on_purpose/);
  });

  test("a test build that does not compile fails one test with cargo's last lines, and the rest of the run still reports", async () => {
    const dir = join(scratch, 'tests-do-not-compile');
    mkdirSync(join(dir, 'src'), { recursive: true });
    mkdirSync(join(dir, 'tests'), { recursive: true });
    writeFileSync(
      join(dir, 'Cargo.toml'),
      '[package]\nname = "tests-do-not-compile"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\ncrate-type = ["cdylib", "rlib"]\n\n[dependencies]\nwasm-bindgen = "=0.2.130"\n\n[dev-dependencies]\nwasm-bindgen-test = "=0.3.80"\n\n[workspace]\n',
    );
    writeFileSync(join(dir, 'src', 'lib.rs'), 'use wasm_bindgen::prelude::*;\n\n#[wasm_bindgen]\npub fn one() -> u32 {\n    1\n}\n');
    writeFileSync(
      join(dir, 'tests', 'web.rs'),
      'use wasm_bindgen_test::*;\n\n#[wasm_bindgen_test]\nfn wrong() {\n    let n: u32 = "one";\n    assert_eq!(n, 1);\n}\n',
    );
    useFixtureLock(dir);
    // The Rust tests' spec and one spec of probes, which must still run and pass: a spec file that
    // threw while loading would stop the whole run before any test, so one other file shows it did not.
    const run = await playwright(
      join(scratch, 'no-compile'),
      ['--project=chromium', '--reporter=list', 'tests/specs/rustTests.spec.ts', 'tests/specs/environment.spec.ts'],
      { WASM_COMPAT_CRATE: dir, CARGO_TARGET_DIR: SUBJECT_TESTS_TARGET },
    );
    const output = run.output;
    assert.equal(run.status, 1, output.slice(-3000));
    assert.match(output, /Rust tests: the test build/);
    assert.match(output, /tests-do-not-compile: cargo test --no-run --tests --target wasm32-unknown-unknown failed:/);
    assert.match(output, /error\[E0308\]: mismatched types/);
    assert.match(output, /1 failed/);
    assert.match(output, /1 passed/, 'the probes still ran and reported');
    assert.match(output, /✓ .*\[chromium\] › tests\/specs\/environment\.spec\.ts/, 'the environment spec ran and passed');
  });
});
