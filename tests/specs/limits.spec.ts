// Limits in practice: how much memory this engine grants, and whether a large module may be
// compiled synchronously on the main thread (engine policy, runner/expectations/engineBehaviour.ts).
import { assertProbes, type DataCheck } from '../../runner/assertProbes.ts';
import { engineKey } from '../../runner/expectations/engineKey.ts';
import { notObserved, syncCompileOfLargeModuleAllowed } from '../../runner/expectations/engineBehaviour.ts';
import { readsHarnessLoad, test } from '../../runner/fixtures.ts';

readsHarnessLoad();

test('Limits: largest memory granted, synchronous compile of a large module', async ({ harness, engine, target }, testInfo) => {
  const where = `${engine.engine} ${engine.version}`;
  const key = engineKey(engine);
  // The probe records what the engine did; whether that is its policy where it ran is judged here, and the verdict says so.
  const syncCompile: DataCheck = ({ data = {} }, context) => {
    const allowed = syncCompileOfLargeModuleAllowed(key, engine.version, context);
    if (allowed === undefined)
      return [`${notObserved(key, engine.version, `synchronous compile of a module over 8 MB in the ${context}`)}; it gave allowed ${String(data.allowed)}`];
    return data.allowed === allowed
      ? []
      : [
          `synchronous compile of a large module in the ${context}: allowed ${String(data.allowed)}, expected ${allowed} (runner/expectations/engineBehaviour.ts)`,
        ];
  };
  await assertProbes(harness, engine, testInfo, { category: 'limits', isolation: target.isolation, checks: { 'limits.syncCompile': syncCompile } });
  const maxMemory = harness.results.find((r) => r.id === 'limits.maxMemory')?.data ?? {};
  // The probe itself fails under 1 GiB (or when it ran out of time before), so compat.json says what the run said.
  testInfo.annotations.push({ type: 'max memory', description: `${String(maxMemory.maxMiB)} MiB in ${where} (${String(maxMemory.stoppedBecause)})` });
});
