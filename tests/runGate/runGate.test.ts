// A green run means something ran: through the commands a user and CI type, a run where nothing
// ran fails naming each project and why (whatever --reporter the command line picks: the gate is
// the global teardown's, runner/globalTeardown.ts), a job that names its target (WASM_COMPAT_REQUIRE) fails
// when that target did not run, and a set-but-wrong remote setting stops the run naming the value
// instead of becoming "not run". The three runs are independent (each its own reports folder) and
// run side by side; the one that needs an engine to run asks its page for the environment probes
// only (WASM_COMPAT_PROBES), since what it checks is the gate, not the probes.
import assert from 'node:assert/strict';
import { readCompatFile } from '../../runner/readCompat.ts';
import { runPlaywright } from '../runPlaywright.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { childEnvironment } from '../../settings/environment.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-gate-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** `playwright test <args>` into a reports folder of its own: its exit status and everything it printed. */
async function playwright(reports: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; out: string }> {
  const clean = childEnvironment();
  for (const name of Object.keys(clean)) if (name.startsWith('WASM_COMPAT_REMOTE') || name === 'WASM_COMPAT_REQUIRE') delete clean[name];
  // Its own output folder too: Playwright empties it as a run starts, under any other run at the same time.
  const run = await runPlaywright(
    [`--output=${join(scratch, `${reports}-test-results`)}`, ...args],
    { ...clean, WASM_COMPAT_REPORTS_DIR: join(scratch, reports), WASM_COMPAT_MATRIX: '0', ...env },
    300_000,
  );
  return { status: run.status, out: run.output };
}

describe('the run gate', { concurrency: true }, () => {
  for (const reporter of ['dot', 'line']) {
    test(`a run in which nothing ran fails, naming each project and why, under --reporter=${reporter}`, async () => {
      const run = await playwright(`nothing-ran-${reporter}`, [
        '--config',
        'playwright.appium.config.ts',
        '--project=remote',
        `--reporter=${reporter}`,
        'tests/specs/page.spec.ts',
      ]);
      assert.equal(run.status, 1, run.out.slice(-3000));
      assert.match(run.out, /the run fails: nothing ran, so nothing was tested:\n\s+remote: .*WASM_COMPAT_REMOTE_URL is not set[^\n]*\n/);
      // The run's own compat.json and matrix page, written under a reporter that writes neither.
      const report = readCompatFile(join(scratch, `nothing-ran-${reporter}`, 'compat.json'));
      assert.equal(report.projects.remote?.status, 'not-run');
      assert.match(readFileSync(join(scratch, `nothing-ran-${reporter}`, 'index.html'), 'utf8'), /remote/);
    });
  }

  test('WASM_COMPAT_REQUIRE: a job that names its target fails when that target did not run', async () => {
    const run = await playwright('require', ['--project=chromium', 'tests/specs/page.spec.ts'], {
      WASM_COMPAT_REQUIRE: 'chromium,appium-android',
      WASM_COMPAT_PROBES: 'environment',
    });
    assert.equal(run.status, 1, run.out.slice(-3000));
    assert.match(run.out, /WASM_COMPAT_REQUIRE names appium-android, which is not a project of this config/);
    assert.doesNotMatch(run.out, /names chromium/, 'chromium ran');
  });

  test('a remote setting that is set but wrong stops the run, naming the value', async () => {
    const run = await playwright('remote', ['--config', 'playwright.appium.config.ts', '--list'], {
      WASM_COMPAT_REMOTE_URL: 'grid:4444',
      WASM_COMPAT_REMOTE_CAPABILITIES: '/nonexistent.json',
    });
    assert.notEqual(run.status, 0, run.out.slice(-3000));
    assert.match(run.out, /WASM_COMPAT_REMOTE_URL must be http or https, got "grid:4444"/);
  });
});
