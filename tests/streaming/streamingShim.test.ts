// The streaming probe tells overlap from none, in real engines: one Playwright run of
// streamingShim.spec.ts (the page with ?streaming=buffered, read-then-compile in place of
// instantiateStreaming: "streams, but finishes after the download" in every engine) on the three
// desktop engines, its reports in a folder of its own. The other half, the unmodified page
// overlapping in each engine as runner/expectations/ says it does, is loading.spec.ts's in the
// compatibility suite's run before this one (npm test's step 4: chromium, firefox and webkit on vite
// preview, and on nginx in the serving matrix). This run used to repeat it, three more timed pages
// that run alone on the machine, holding up the other lane's work too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readCompatFile } from '../../runner/readCompat.ts';
import { childEnvironment } from '../../settings/environment.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PROJECTS = ['chromium', 'firefox', 'webkit'];

test('the streaming probe finds no overlap under a read-then-compile shim, in each engine', { timeout: 600_000 }, () => {
  const reports = mkdtempSync(join(tmpdir(), 'wasm-compat-streaming-'));
  try {
    const run = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'playwright'),
      // Its own output folder: Playwright empties it as a run starts, and npm test runs other suites beside this one.
      ['test', ...PROJECTS.map((p) => `--project=${p}`), `--output=${join(reports, 'test-results')}`, 'tests/specs/streamingShim.spec.ts'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: childEnvironment({
          WASM_COMPAT_REPORTS_DIR: reports,
          WASM_COMPAT_PROBES: 'loading',
          WASM_COMPAT_MATRIX: '0',
          WASM_COMPAT_STREAMING_SHIM: '1',
          CI: '1',
        }),
        timeout: 580_000,
      },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 0, `the run failed:\n${output.slice(-6000)}`);
    // Every project ran the shim's page (none skipped for a missing engine), and said what it saw.
    const compat = readCompatFile(join(reports, 'compat.json'));
    const seen = output.split('\n').filter((l) => l.includes('under read-then-compile in'));
    for (const project of PROJECTS) {
      assert.equal(compat.projects[project]?.status, 'ran', `${project} ran`);
      assert.equal(compat.projects[project]?.tests.passed, 1, `${project}: the shim's test passed: ${JSON.stringify(compat.projects[project]?.tests)}`);
      const engine = compat.projects[project]!.engine!;
      assert.ok(
        seen.some((l) => l.includes(`in ${engine.engine} ${engine.version}:`)),
        `${project}: the shim's outcome in the output:\n${seen.join('\n')}`,
      );
    }
    for (const line of seen) console.log(line.trim());
    assert.doesNotMatch(output, /skipped/, 'no test skipped');
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
});
