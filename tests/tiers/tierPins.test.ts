// Projects pinned to a compiler tier, for real: each tier project of Chromium, Firefox and
// WebKitGTK runs the environment spec, and compat.json holds each project's pin and the page's
// proof (V8's own answer for Chromium: which compiler made an exported function's code; the loop's
// and the compile's times against JavaScript for the others); and a pin that does nothing (a
// misspelt flag, a misspelt pref) fails the run, naming the pin and what the page saw, instead of
// passing as pinned.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readCompatFile } from '../../runner/readCompat.ts';
import { childEnvironment } from '../../settings/environment.ts';
import { runPlaywright } from '../runPlaywright.ts';
import { MISSPELT_PIN, MISSPELT_PREF } from './misspeltPin.config.ts';

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

const TIER_PROJECTS = ['chromium-liftoff', 'chromium-turbofan', 'firefox-baseline', 'firefox-ion', 'webkit-bbq', 'webkit-ipint'];

test('every tier project: each pin is in compat.json with its proof, V8 naming the compiler that ran, the others timed', async (t) => {
  const r = await run(
    'pinned',
    TIER_PROJECTS.map((p) => `--project=${p}`),
  );
  // What each page saw, failed or not: the timing proofs' margins on this machine, in the log.
  const file = join(scratch, 'pinned', 'compat.json');
  if (existsSync(file))
    for (const project of TIER_PROJECTS) t.diagnostic(`${project}: ${proof(readCompatFile(file), project)?.detail ?? 'no compilerTier verdict'}`);
  assert.equal(r.status, 0, r.output.slice(-3000));
  const report = readCompatFile(file);
  assert.deepEqual(report.projects['chromium-liftoff']?.engine?.tier?.pin, ['--js-flags=--allow-natives-syntax --liftoff-only']);
  assert.match(proof(report, 'chromium-liftoff')!.detail, /after 200000 calls Liftoff true, TurboFan false/);
  assert.equal(report.projects['chromium-turbofan']?.engine?.tier?.role, 'optimizing');
  assert.match(proof(report, 'chromium-turbofan')!.detail, /after the first call Liftoff false, TurboFan true/);
  assert.deepEqual(report.projects['firefox-baseline']?.engine?.tier?.pin, ['javascript.options.wasm_optimizingjit=false']);
  assert.deepEqual(report.projects['webkit-ipint']?.engine?.tier?.pin, ['JSC_useBBQJIT=false', 'JSC_useOMGJIT=false']);
  for (const project of TIER_PROJECTS) {
    assert.equal(proof(report, project)?.status, 'info', `${project}: ${proof(report, project)?.detail}`);
    assert.match(proof(report, project)!.detail, /the same loop in JavaScript [\d.]+ ms \([\d.]+×/, project);
  }
});

test('a misspelt pin (--liftof-only, which V8 ignores; a pref nothing reads) fails the run, naming the pin and what the page saw', async () => {
  const r = await run('misspelt', ['--config=tests/tiers/misspeltPin.config.ts', '--project=chromium-liftoff', '--project=firefox-baseline']);
  assert.equal(r.status, 1, r.output.slice(-3000));
  assert.ok(r.output.includes(`the liftoff pin (${MISSPELT_PIN}): the function should stay in Liftoff, but`), r.output.slice(-3000));
  assert.match(r.output, /after 200000 calls %IsLiftoffFunction false, %IsTurboFanFunction true/);
  const report = readCompatFile(join(scratch, 'misspelt', 'compat.json'));
  assert.equal(proof(report, 'chromium-liftoff')?.status, 'fail');
  assert.ok(
    r.output.includes(`the baseline pin (${MISSPELT_PREF}=false): after 200000 calls the loop should still run as baseline code`),
    r.output.slice(-3000),
  );
  assert.match(r.output, /an optimizing compiler took it over/);
  assert.equal(proof(report, 'firefox-baseline')?.status, 'fail');
});
