// The Node A/B gate against a real regression: B is this working tree built with the crate's
// `bench-slowdown` feature (the sieve counts its primes twice: math.sieve about 30 % slower),
// A the current build in crate/pkg, timed for real on math.sieve alone. The gate must fail with
// exit 1 and end `SLOWER: math.sieve WASM`. A step of npm test of its own (scripts/test.sh), run
// alone so no other test's load falls on its rounds; it costs B's build (seconds with cargo's
// cache warm, about a minute cold) and a few seconds of rounds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AbRun } from '../../benches/ab/schema.ts';
import { childEnvironment } from '../../settings/environment.ts';

test('npm run bench -- --check --b-features bench-slowdown ends SLOWER: math.sieve WASM, exit 1', () => {
  assert.ok(existsSync('crate/pkg/wasm_compat_bg.wasm'), 'no crate/pkg build: run npm run build:wasm (scripts/test.sh builds it first)');
  const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-bench-gate-'));
  try {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'benches/node/runNodeBenches.ts',
        '--check',
        '--against-pkg',
        'crate/pkg',
        '--b-features',
        'bench-slowdown',
        '--only',
        'math',
        '--task',
        'math.sieve',
        '--max-seconds',
        '30',
      ],
      { encoding: 'utf8', env: childEnvironment({ WASM_COMPAT_REPORTS_DIR: dir }) },
    );
    assert.equal(r.status, 1, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /\nSLOWER: math\.sieve WASM\n$/);
    assert.match(r.stderr, /^bench: SLOWER: math\.sieve WASM: slower by .* beyond the \+10 % horizon$/m);
    const report = JSON.parse(readFileSync(join(dir, 'bench', 'ab-node.json'), 'utf8')) as AbRun;
    assert.deepEqual(
      report.tasks.map((t) => [t.key, t.verdict]),
      [['math.sieve WASM', 'slower']],
    );
    assert.deepEqual(report.slower, ['math.sieve WASM']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
