// The one stale-build check (subject/buildSubject.ts's staleReason): a missing build, another
// target or feature set, sources newer than the build; WASM_COMPAT_PREBUILT=1 trusts a downloaded
// build whatever its file times, and names a missing one.
import assert from 'node:assert/strict';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { staleReason } from '../../subject/buildSubject.ts';
import type { Subject } from '../../subject/resolveSubject.ts';
import { scratchDir } from '../scratchDir.ts';

function crate(): Subject {
  const crateDir = scratchDir('wasm-compat-stale-');
  mkdirSync(join(crateDir, 'src'));
  writeFileSync(join(crateDir, 'src', 'lib.rs'), '');
  const pkgDir = join(crateDir, 'pkg');
  return {
    kind: 'crate',
    name: 'c',
    version: '0.1.0',
    crateDir,
    isDemo: false,
    pkgDir,
    stem: 'c',
    target: 'bundler',
    features: [],
    wasmBindgen: null,
    probesDir: null,
    requirementsBaseline: '',
    from: 'test',
  };
}

function build(subject: Subject, target = 'bundler', features: string[] = []): void {
  mkdirSync(subject.pkgDir, { recursive: true });
  writeFileSync(join(subject.pkgDir, 'build-info.json'), JSON.stringify({ crate: { name: 'c', version: '0.1.0', features }, target }));
}

test('a missing build, another target or features, and newer sources each need a build; a current one does not', () => {
  const subject = crate();
  assert.equal(staleReason(subject, {}), 'not built yet');
  build(subject, 'web');
  assert.equal(staleReason(subject, {}), 'built for target web, configured bundler');
  build(subject, 'bundler', ['simd']);
  assert.equal(staleReason(subject, {}), 'built with features [simd], configured []');
  build(subject);
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(subject.pkgDir, 'build-info.json'), past, past);
  assert.equal(staleReason(subject, {}), 'its sources changed since the last build');
  utimesSync(join(subject.crateDir!, 'src', 'lib.rs'), new Date(past.getTime() - 60_000), new Date(past.getTime() - 60_000));
  assert.equal(staleReason(subject, {}), null);
});

test('WASM_COMPAT_PREBUILT=1 trusts a present build whatever its times, and names a missing one', () => {
  const subject = crate();
  assert.throws(() => staleReason(subject, { WASM_COMPAT_PREBUILT: '1' }), /WASM_COMPAT_PREBUILT=1 but .*pkg\/build-info\.json is missing/);
  build(subject);
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(subject.pkgDir, 'build-info.json'), past, past);
  assert.equal(staleReason(subject, { WASM_COMPAT_PREBUILT: '1' }), null);
  assert.equal(staleReason(subject, {}), 'its sources changed since the last build');
});
