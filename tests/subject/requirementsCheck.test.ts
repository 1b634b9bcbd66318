// The requirements check catches a build that newly needs a feature: the demo crate, built with one
// more target feature (+simd128, which LLVM's auto-vectoriser then uses), fails
// `npm run requirements -- --check` against the committed baseline, naming the feature and the
// browser versions it drops. The demo's own build passes the same check (the control).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { childEnvironment } from '../../settings/environment.ts';

const out = mkdtempSync(join(tmpdir(), 'wasm-compat-simd-'));
after(() => rmSync(out, { recursive: true, force: true }));

function requirementsCheck(args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['scripts/requirements.ts', '--check', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: run.status, stderr: run.stderr };
}

test('the demo build needs nothing beyond its baseline (control)', () => {
  const run = requirementsCheck([]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /needs nothing beyond crate\/wasm-requirements\.json/);
});

test('a build with +simd128 fails the check, naming simd and the browser versions it drops', () => {
  const build = spawnSync('bash', ['build/build-wasm.sh', 'release', 'bundler'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 900_000,
    env: childEnvironment({
      OUT_DIR: out,
      SKIP_TESTS: '1',
      RUSTFLAGS: '-C target-feature=+simd128',
      // Its own target folder: other RUSTFLAGS in the crate's would rebuild everything, twice.
      CARGO_TARGET_DIR: join(PROJECT_ROOT, '.cache', 'requirements-check-target'),
    }),
  });
  assert.equal(build.status, 0, `${build.stdout}\n${build.stderr}`);
  const run = requirementsCheck(['--wasm', join(out, 'wasm_compat_bg.wasm')]);
  assert.equal(run.status, 1, run.stderr);
  assert.match(
    run.stderr,
    /FAIL: wasm-compat 0\.1\.0 newly needs simd \(features\.simd\): first in Chrome 91, Edge 91, Firefox 89, Safari 16\.4, Safari on iOS 16\.4/,
  );
  assert.match(run.stderr, /FAIL: it drops: .*Firefox 79 → needs 89; Safari 15 → needs 16\.4; Safari on iOS 15 → needs 16\.4/);
  assert.doesNotMatch(run.stderr, /newly needs (?!simd)/, 'simd is the only new feature');
});
