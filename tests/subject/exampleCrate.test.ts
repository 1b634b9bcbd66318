// The suite pointed at another crate, as a user points it: WASM_COMPAT_CRATE=examples/web-apis
// npx playwright test, on each real engine's desktop project (the phones are these engines emulated
// and slowed: what they add, the main suite checks on the demo in npm test). The example's own probes meet its expectations
// (Web APIs where the engines differ), every generic probe runs on its module, and compat.json names
// the crate, its version, its wasm-bindgen and its build, with what its module needs.
// The page runs the categories whose probes touch the subject (loading, memory, serving: through its
// glue, its memory and its files; execution: its own probes) and the feature probes, from which each
// project judges whether its engine runs the module. The environment, errors and limits probes never
// touch the subject (their own modules, the page's context): the main suite (`npx playwright test`
// in npm test) runs them in the same five projects on the demo, so their specs skip here, saying so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readCompatFile } from '../../runner/readCompat.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { SUBJECT_TESTS_TARGET } from './cargoTarget.ts';
import { childEnvironment } from '../../settings/environment.ts';
import { ALL_RUST_TEST_MODES } from '../../runner/rustTests/rustTestModes.ts';

const reports = mkdtempSync(join(tmpdir(), 'wasm-compat-example-'));
after(() => rmSync(reports, { recursive: true, force: true }));
const PROJECTS = ['chromium', 'firefox', 'webkit'];
const SUBJECT_CATEGORIES = ['execution', 'loading', 'memory', 'serving', 'features'];

test('WASM_COMPAT_CRATE=examples/web-apis npx playwright test runs the example crate on Chromium, Firefox and WebKitGTK', () => {
  const run = spawnSync(
    join(PROJECT_ROOT, 'node_modules/.bin/playwright'),
    ['test', ...PROJECTS.map((p) => `--project=${p}`), `--output=${join(reports, 'test-results')}`],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: childEnvironment({
        WASM_COMPAT_CRATE: 'examples/web-apis',
        WASM_COMPAT_REPORTS_DIR: reports,
        WASM_COMPAT_MATRIX: '0',
        WASM_COMPAT_PROBES: SUBJECT_CATEGORIES.join(','),
        CARGO_TARGET_DIR: SUBJECT_TESTS_TARGET,
      }),
      timeout: 1_200_000,
    },
  );
  assert.equal(run.status, 0, `${run.stdout.slice(-4000)}\n${run.stderr.slice(-2000)}`);

  const report = readCompatFile(join(reports, 'compat.json'));
  const subject = report.subject!;
  assert.deepEqual([subject.name, subject.version, subject.kind, subject.wasmBindgen], ['wasm-compat-example-web-apis', '0.1.0', 'crate', '0.2.130']);
  assert.equal(subject.build?.crate.name, 'wasm-compat-example-web-apis');
  assert.ok(subject.wasm && subject.wasm.bytes > 0 && subject.wasm.sha256.length === 64, 'the built .wasm, measured');
  assert.ok(
    subject.requirements?.features.some((f) => f.feature === 'reference_types'),
    'what the module needs',
  );

  for (const name of PROJECTS) {
    const project = report.projects[name]!;
    assert.equal(project.status, 'ran', `${name}: ${project.reason ?? ''}`);
    const ids = project.probes.map((p) => p.id);
    for (const id of [
      'loading.esmIntegration',
      'loading.instantiateStreaming',
      'loading.compileStreaming',
      'loading.bytesFallback',
      'memory.subjectMemory',
      'serving.wasmIntegrity',
      'execution.compressionStream',
    ]) {
      assert.ok(ids.includes(id), `${name} ran ${id}`);
    }
    assert.ok(!ids.includes('execution.twins'), `${name}: the demo's own probes are not the example's`);
    assert.equal(project.requirements?.runs, true, `${name} runs the module: ${JSON.stringify(project.requirements)}`);
    // Its own #[wasm_bindgen_test] tests, in this engine: pinned by run_in_browser, so in the main thread's modes only.
    for (const mode of ALL_RUST_TEST_MODES) {
      const tests = (project.rustTests ?? [])
        .filter((t) => t.mode === mode)
        .map((t) => `${t.name} ${t.status} ${t.configure}`)
        .sort();
      const pinnedHere = mode === 'main thread' || mode === 'not isolated';
      assert.deepEqual(
        tests,
        pinnedHere
          ? ['brotli_works_or_is_named_as_missing', 'gzip_round_trips', 'structured_clone_keeps_the_graph'].map((t) => `${t} passed run_in_browser`)
          : [],
        `${name}, ${mode}`,
      );
    }
  }
  // The engines differ on the example's Web APIs, as its expectations say.
  const status = (project: string, id: string) => report.projects[project]!.probes.find((p) => p.id === id)?.status;
  assert.equal(status('firefox', 'execution.readableStreamFrom'), 'pass');
  assert.equal(status('webkit', 'execution.readableStreamFrom'), 'unsupported-as-expected');
});
