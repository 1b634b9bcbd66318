// A green run means something ran: through the commands a user and CI type, a run where nothing
// ran fails naming each project and why, a job that names its target (WASM_COMPAT_REQUIRE) fails
// when that target did not run, and a set-but-wrong remote setting stops the run naming the value
// instead of becoming "not run".
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from '../../subject/resolveSubject.ts';

const reports = mkdtempSync(join(tmpdir(), 'wasm-compat-gate-'));
after(() => rmSync(reports, { recursive: true, force: true }));

function playwright(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; out: string } {
  const clean = { ...process.env };
  for (const name of Object.keys(clean)) if (name.startsWith('WASM_COMPAT_REMOTE') || name === 'WASM_COMPAT_REQUIRE') delete clean[name];
  const r = spawnSync(join(ROOT, 'node_modules/.bin/playwright'), ['test', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...clean, WASM_COMPAT_REPORTS_DIR: reports, WASM_COMPAT_MATRIX: '0', FORCE_COLOR: '0', ...env },
    timeout: 300_000,
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

test('a run in which nothing ran fails, naming each project and why', () => {
  const run = playwright(['--config', 'playwright.appium.config.ts', '--project=remote', 'tests/specs/page.spec.ts']);
  assert.equal(run.status, 1, run.out.slice(-3000));
  assert.match(run.out, /the run fails: nothing ran, so nothing was tested:\n\s+remote: .*WASM_COMPAT_REMOTE_URL is not set[^\n]*\n*$/);
});

test('WASM_COMPAT_REQUIRE: a job that names its target fails when that target did not run', () => {
  const run = playwright(['--project=chromium', 'tests/specs/page.spec.ts'], { WASM_COMPAT_REQUIRE: 'chromium,appium-android' });
  assert.equal(run.status, 1, run.out.slice(-3000));
  assert.match(run.out, /WASM_COMPAT_REQUIRE names appium-android, which is not a project of this config/);
  assert.doesNotMatch(run.out, /names chromium/, 'chromium ran');
});

test('a remote setting that is set but wrong stops the run, naming the value', () => {
  const run = playwright(['--config', 'playwright.appium.config.ts', '--list'], { WASM_COMPAT_REMOTE_URL: 'grid:4444', WASM_COMPAT_REMOTE_CAPABILITIES: '/nonexistent.json' });
  assert.notEqual(run.status, 0, run.out.slice(-3000));
  assert.match(run.out, /WASM_COMPAT_REMOTE_URL must be http or https, got "grid:4444"/);
});
