// npm run coverage for real, on the demo crate, twice into one reports folder: its native tests
// (cargo-llvm-cov) and its #[wasm_bindgen_test] tests in Chromium (--browser: nightly's
// instrumentation), each run appended to the history store and drawn on trends.html, which shows
// both scopes for both runs; summary.md names the lines only the browser tests reach (the
// #[wasm_bindgen] surface in src/lib.rs, which no native test calls). Without cargo on PATH it
// refuses, naming what is missing, and writes nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { childEnvironment } from '../../settings/environment.ts';
import { openStore } from '../../trends/historyStore.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-coverage-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function coverage(reports: string, env: Record<string, string | undefined> = {}) {
  const r = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['coverage/runCoverage.ts', '--browser'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: childEnvironment({ WASM_COMPAT_REPORTS_DIR: reports, WASM_COMPAT_CRATE: undefined, ...env }),
    timeout: 900_000,
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

test('two coverage runs of the demo crate, native and in the browser: both on the trends page, and the lines only the browser tests reach', () => {
  const reports = join(scratch, 'reports');
  for (const n of [1, 2]) {
    const r = coverage(reports);
    assert.equal(r.status, 0, `run ${n}:\n${r.out.slice(-3000)}`);
  }
  const store = openStore(join(reports, 'history.sqlite'), { readOnly: true });
  const { runs, measures } = store.contents();
  store.close();
  const coverageRuns = runs.filter((r) => r.kind === 'coverage');
  assert.equal(coverageRuns.length, 2);
  for (const run of coverageRuns) {
    const mine = measures.filter((m) => m.runId === run.runId);
    for (const scope of ['native', 'browser']) {
      const lines = mine.find((m) => m.name === `coverage.lines.${scope}`);
      assert.ok(lines && lines.value > 10 && lines.value <= 100, `${run.runId}: ${scope} line coverage ${lines?.value}`);
    }
  }

  const trends = readFileSync(join(reports, 'trends.html'), 'utf8');
  const table = /<caption class="meta">coverage\.lines \(percent\), per run<\/caption>([\s\S]*?)<\/table>/.exec(trends)?.[1];
  assert.ok(table, 'trends.html has the line coverage table');
  assert.match(table, /<th class="num">browser<\/th><th class="num">native<\/th>/);
  assert.equal((table.match(/<tr><th scope="row">#\d/g) ?? []).length, 2, 'one row per coverage run');

  const summary = readFileSync(join(reports, 'coverage', 'summary.md'), 'utf8');
  const only = summary.split('## Lines only the browser tests reach')[1] ?? '';
  assert.match(only, /^- src\/lib\.rs: \d/m, summary);
});

test('without cargo on PATH, npm run coverage refuses, naming what is missing, and writes nothing', () => {
  const reports = join(scratch, 'no-cargo');
  const r = coverage(reports, { PATH: `${join(PROJECT_ROOT, 'node_modules/.bin')}:/usr/bin:/bin`, HOME: scratch });
  assert.equal(r.status, 2, r.out);
  assert.match(r.out, /npm run coverage: cargo is not installed, or not on PATH \(.*\/usr\/bin:\/bin\): bash scripts\/setup\.sh installs Rust/);
  assert.equal(existsSync(join(reports, 'coverage')), false);
  assert.equal(existsSync(join(reports, 'history.sqlite')), false);
});
