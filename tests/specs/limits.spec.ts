// Limits in practice: how much memory this engine grants, and whether a large module may be
// compiled synchronously on the main thread (engine policy, runner/expectations/engineBehaviour.ts).
import { assertProbes } from '../../runner/assertProbes.ts';
import { engineKey } from '../../runner/expectations/engineKey.ts';
import { syncCompileOfLargeModuleAllowed } from '../../runner/expectations/engineBehaviour.ts';
import { expect, test } from '../../runner/fixtures.ts';

test('Limits: largest memory granted, synchronous compile of a large module', async ({ harness, engine, target }, testInfo) => {
  await assertProbes(harness, engine, testInfo, { category: 'limits', isolation: target.isolation });
  const where = `${engine.engine} ${engine.version}`;
  const maxMemory = harness.results.find((r) => r.id === 'limits.maxMemory')?.data ?? {};
  testInfo.annotations.push({ type: 'max memory', description: `${String(maxMemory.maxMiB)} MiB in ${where} (${String(maxMemory.stoppedBecause)})` });
  // Far below any engine's limit on this machine: a grant smaller than this means growth is broken, not limited.
  expect.soft(Number(maxMemory.maxMiB), `memory granted in ${where}`).toBeGreaterThanOrEqual(1024);
  const syncCompile = harness.results.find((r) => r.id === 'limits.syncCompile')?.data ?? {};
  expect.soft(syncCompile.allowed, `synchronous compile of a large module on the main thread in ${where}`).toBe(syncCompileOfLargeModuleAllowed(engineKey(engine)));
});
