// Engine facts that rest on an observation hold only for the versions observed; outside them the
// answer is unknown (undefined), which the specs turn into "observe and record it", not a guess.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  crossOriginIsolatedUnder,
  inSeries,
  notObserved,
  sharedArrayBufferGlobalWhenIsolated,
  syncCompileOfLargeModuleAllowed,
} from '../../runner/expectations/engineBehaviour.ts';
import type { EngineKey } from '../../runner/expectations/engineKey.ts';
import { expectedProbe } from '../../runner/expectations/probes.ts';

const expectedProbeFor = (engine: EngineKey, version: string) => expectedProbe('serving.threads', { engine, version, isolation: 'require-corp' });

test('a release series: 2.50 holds 2.50 and 2.50.6, not 2.5 or 2.52', () => {
  assert.deepEqual(
    ['2.50', '2.50.6', '2.5', '2.52.0', '2.500'].map((v) => inSeries(v, '2.50')),
    [true, true, false, false, false],
  );
});

test('WebKitGTK facts hold on 2.50 only; documented facts hold everywhere', () => {
  assert.equal(sharedArrayBufferGlobalWhenIsolated('webkitgtk', '2.50.6'), 'undefined');
  assert.equal(sharedArrayBufferGlobalWhenIsolated('webkitgtk', '2.52.1'), undefined);
  assert.equal(sharedArrayBufferGlobalWhenIsolated('chromium', '156.0.8078.108'), 'function');
  assert.equal(crossOriginIsolatedUnder('webkitgtk', 'credentialless', '2.50.6'), false);
  assert.equal(crossOriginIsolatedUnder('webkitgtk', 'credentialless', '2.52.1'), undefined);
  assert.equal(crossOriginIsolatedUnder('webkitgtk', 'require-corp', '2.52.1'), true);
  assert.equal(crossOriginIsolatedUnder('firefox', 'credentialless', '118.0'), false);
  assert.equal(crossOriginIsolatedUnder('firefox', 'credentialless', '153.8.0'), true);
  assert.equal(syncCompileOfLargeModuleAllowed('chromium', '156.0.8078.108'), false);
  assert.equal(syncCompileOfLargeModuleAllowed('firefox', '153.8.0'), true);
  assert.equal(syncCompileOfLargeModuleAllowed('firefox', '154.0'), undefined);
  assert.equal(syncCompileOfLargeModuleAllowed('webkit', '18.2'), undefined, 'Safari was never observed here');
  assert.match(notObserved('webkitgtk', '2.52.1', 'x'), /x was not observed on webkitgtk 2\.52\.1 \(only WebKitGTK 2\.50\): observe it and record it/);
});

test('serving.threads on WebKitGTK: unsupported on 2.50 (DataCloneError), to be observed on any other version', () => {
  assert.equal(expectedProbeFor('webkitgtk', '2.50.6').status, 'unsupported');
  const later = expectedProbeFor('webkitgtk', '2.52.1');
  assert.equal(later.status, 'pass');
  assert.match(later.why, /not observed on webkitgtk 2\.52\.1/);
  assert.equal(expectedProbeFor('chromium', '156.0.8078.108').status, 'pass');
});
