// The crate's own #[wasm_bindgen_bench] benchmarks, for real, on the library fixture
// (tests/fixtures/contexts-crate: no cdylib, one bench binary unpinned and one pinned to a
// dedicated worker): `npm run bench:crate` must report criterion's estimates for both in
// chromium, firefox and webkit, each in its context; and its A/B check, with B built with the
// fixture's `slow-checksum` feature (checksum() does its work twice), must exit 1 and name both
// benchmarks slower in Chromium. Beside the twins' gate (slowdown.test.ts), in the same step of
// npm test, run alone so no other test's load falls on its rounds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AbRun } from '../../benches/ab/schema.ts';
import type { CrateBenchRun } from '../../benches/crate/schema.ts';
import { childEnvironment } from '../../settings/environment.ts';

const FIXTURE = 'tests/fixtures/contexts-crate';

function benchCrate(args: string[], reports: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'benches/crate/runCrateBenches.ts', ...args], {
    encoding: 'utf8',
    env: childEnvironment({ WASM_COMPAT_REPORTS_DIR: reports, WASM_COMPAT_CRATE: FIXTURE }),
  });
}

test('npm run bench:crate reports the library fixture’s benchmarks in chromium, firefox and webkit, each in its context', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-crate-bench-'));
  try {
    const r = benchCrate(['--project', 'chromium,firefox,webkit'], dir);
    assert.equal(r.status, 0, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
    for (const project of ['chromium', 'firefox', 'webkit']) {
      const run = JSON.parse(readFileSync(join(dir, 'bench', 'crate', `${project}.json`), 'utf8')) as CrateBenchRun;
      assert.equal(run.status, 'done', `${project}: ${run.reason}`);
      const measured = run.runs.flatMap((b) => b.benchmarks.map((m) => [b.target, b.context, m.id] as const));
      assert.deepEqual(
        measured.sort(),
        [
          ['checksum', 'main thread', 'checksum/10000'],
          ['in_dedicated_worker', 'dedicated worker', 'checksum_pinned/10000'],
        ],
        project,
      );
      for (const b of run.runs.flatMap((x) => x.benchmarks))
        assert.ok(
          b.typical.low > 0 && b.typical.low <= b.typical.point && b.typical.point <= b.typical.high && b.samples === 10,
          `${project} ${b.id}: ${JSON.stringify(b.typical)}`,
        );
    }
    const html = readFileSync(join(dir, 'bench', 'index.html'), 'utf8');
    assert.match(html, /Each benchmark across engines/);
    assert.match(readFileSync(join(dir, 'bench', 'summary.md'), 'utf8'), /\| checksum_pinned\/10000 \(dedicated worker\) \| in_dedicated_worker \| \d/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run bench:crate -- --check with B slowed (slow-checksum) ends SLOWER for both benchmarks in chromium, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-crate-bench-ab-'));
  try {
    const r = benchCrate(['--check', '--project', 'chromium', '--against', 'HEAD', '--b-features', 'slow-checksum', '--max-seconds', '120'], dir);
    assert.equal(r.status, 1, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
    assert.match(r.stderr, /^bench: SLOWER: chromium: checksum\/10000: slower by .* beyond the \+10 % horizon$/m);
    assert.match(r.stderr, /^bench: the A\/B check exits 1 \(slower\)$/m);
    const report = JSON.parse(readFileSync(join(dir, 'bench', 'ab-crate-chromium.json'), 'utf8')) as AbRun;
    assert.equal(report.benchmarks, 'crate');
    assert.deepEqual(report.slower.sort(), ['checksum/10000', 'checksum_pinned/10000 (dedicated worker)']);
    assert.match(readFileSync(join(dir, 'bench', 'ab.md'), 'utf8'), /A\/B check \(chromium, the crate’s #\[wasm_bindgen_bench\] benchmarks\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
