// The layer rules (.dependency-cruiser.cjs) hold on the repository, and they fire: a stage that
// imports downstream fails, naming the rule and the import.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve('.');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

function cruise(cwd: string, paths: string[]) {
  return spawnSync(DEPCRUISE, ['--config', CONFIG, '--output-type', 'err', ...paths], { cwd, encoding: 'utf8' });
}

test('the repository keeps its layers: every import goes the one way', () => {
  const run = cruise(ROOT, ['crate', 'deploy', 'reporting', 'build', 'harness', 'serving', 'runner', 'benches', 'lighthouse', 'tests', 'scripts']);
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('an import against the flow fails, naming the rule and the import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-layers-'));
  try {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, noEmit: true, module: 'ESNext', moduleResolution: 'Bundler' } }),
    );
    for (const folder of ['harness', 'runner', 'deploy']) mkdirSync(join(dir, folder));
    writeFileSync(join(dir, 'runner', 'fixture.ts'), 'export const fixture = 1;\n');
    writeFileSync(join(dir, 'deploy', 'policy.ts'), 'export const policy = 1;\n');
    writeFileSync(
      join(dir, 'harness', 'probe.ts'),
      "import { policy } from '../deploy/policy.ts';\nimport { fixture } from '../runner/fixture.ts';\nexport const probe = policy + fixture;\n",
    );
    const run = cruise(dir, ['harness', 'runner', 'deploy']);
    assert.notEqual(run.status, 0, 'the violation fails the check');
    assert.match(run.stdout, /harness-imports-only-crate-build-deploy-subject-reporting: harness\/probe\.ts → runner\/fixture\.ts/);
    assert.doesNotMatch(run.stdout, /deploy\/policy\.ts/, 'the allowed import is not reported');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
