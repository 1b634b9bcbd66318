// Projects pinned to a compiler tier, for real in Chromium: chromium-liftoff and chromium-turbofan
// run the environment spec, and compat.json holds each project's pin and the page's proof (V8's
// own answer: which compiler made an exported function's code); and a pin whose flag V8 ignores
// (misspelt) fails the run, naming the pin and what V8 said, instead of passing as pinned.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readCompatFile } from '../../runner/readCompat.ts';
import { childEnvironment } from '../../settings/environment.ts';
import { runPlaywright } from '../runPlaywright.ts';
import { MISSPELT_PIN } from './misspeltPin.config.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-tiers-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

async function run(name: string, args: string[]) {
  return runPlaywright(
    [`--output=${join(scratch, `${name}-results`)}`, '--reporter=line', ...args, 'tests/specs/environment.spec.ts'],
    childEnvironment({ WASM_COMPAT_REPORTS_DIR: join(scratch, name), WASM_COMPAT_MATRIX: '0', WASM_COMPAT_TIERS: 'all', WASM_COMPAT_PROBES: 'environment' }),
    300_000,
  );
}

const proof = (report: ReturnType<typeof readCompatFile>, project: string) => report.projects[project]?.probes.find((v) => v.id === 'environment.compilerTier');

test('chromium-liftoff and chromium-turbofan: each pin is in compat.json with its proof, V8 naming the compiler that ran', async () => {
  const r = await run('pinned', ['--project=chromium-liftoff', '--project=chromium-turbofan']);
  assert.equal(r.status, 0, r.output.slice(-3000));
  const report = readCompatFile(join(scratch, 'pinned', 'compat.json'));
  assert.deepEqual(report.projects['chromium-liftoff']?.engine?.tier?.pin, ['--js-flags=--allow-natives-syntax --liftoff-only']);
  assert.match(proof(report, 'chromium-liftoff')!.detail, /after 200000 calls Liftoff true, TurboFan false/);
  assert.equal(report.projects['chromium-turbofan']?.engine?.tier?.role, 'optimizing');
  assert.match(proof(report, 'chromium-turbofan')!.detail, /after the first call Liftoff false, TurboFan true/);
});

test('a misspelt pin (--liftof-only, which V8 ignores) fails the run, naming the pin and what V8 said', async () => {
  const r = await run('misspelt', ['--config=tests/tiers/misspeltPin.config.ts', '--project=chromium-liftoff']);
  assert.equal(r.status, 1, r.output.slice(-3000));
  assert.ok(r.output.includes(`the liftoff pin (${MISSPELT_PIN}): the function should stay in Liftoff, but`), r.output.slice(-3000));
  assert.match(r.output, /after 200000 calls %IsLiftoffFunction false, %IsTurboFanFunction true/);
  const report = readCompatFile(join(scratch, 'misspelt', 'compat.json'));
  assert.equal(proof(report, 'chromium-liftoff')?.status, 'fail');
});
