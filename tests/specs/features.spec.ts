// WebAssembly features: each one validates and computes what this engine version is known to
// support (runner/expectations/features.ts, with its sources); a regression or a gain both fail.
import { assertProbes } from '../../runner/assertProbes.ts';
import { expect, readsHarnessLoad, test } from '../../runner/fixtures.ts';

readsHarnessLoad();

test('WebAssembly features match what this engine version supports', async ({ harness, engine, target }, testInfo) => {
  const verdicts = await assertProbes(harness, engine, testInfo, { category: 'features', isolation: target.isolation });
  for (const v of verdicts) {
    // A feature that validates must also compute right: validation alone has lied before (SIMD on iOS 16.4).
    if (v.validates) expect.soft(v.computesCorrectly, `${v.id} validates in ${engine.engine} ${engine.version}; its known-answer computation`).not.toBe(false);
  }
});
