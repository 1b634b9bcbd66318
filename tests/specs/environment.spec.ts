// Environment: the page is a secure context; where the target serves COOP/COEP it is cross-origin
// isolated and shared wasm memory works; the SharedArrayBuffer global is what this engine is known
// to expose; the timer resolution is measured and recorded; which compiler runs the module's code is
// recorded, and a project pinned to a compiler tier is held to its pin.
import { assertProbes, type DataCheck } from '../../runner/assertProbes.ts';
import { engineKey } from '../../runner/expectations/engineKey.ts';
import { crossOriginIsolatedUnder, notObserved, sharedArrayBufferGlobalWhenIsolated } from '../../runner/expectations/engineBehaviour.ts';
import { tierProofFailures } from '../../runner/expectations/tierProof.ts';
import { expect, readsHarnessLoad, test } from '../../runner/fixtures.ts';

readsHarnessLoad();

test('Environment: isolation, shared memory, runtime facts, timer resolution, the compiler that runs the code', async ({
  harness,
  engine,
  target,
  tier,
}, testInfo) => {
  const where = `${engine.engine} ${engine.version}`;
  const key = engineKey(engine);
  // What the target declares, and what this engine makes of it (WebKit ignores COEP credentialless).
  const isolated = crossOriginIsolatedUnder(key, target.isolation, engine.version);
  const sabGlobal = sharedArrayBufferGlobalWhenIsolated(key, engine.version);
  const served = target.isolation === 'none' ? 'no COOP/COEP' : `COOP same-origin + COEP ${target.isolation}`;
  const pageIsolation = (data: Record<string, unknown>) => [
    ...(isolated === undefined
      ? [`${notObserved(key, engine.version, `isolation under COEP ${target.isolation}`)}; it gave crossOriginIsolated ${String(data.crossOriginIsolated)}`]
      : data.crossOriginIsolated === isolated
        ? []
        : [
            `crossOriginIsolated is ${String(data.crossOriginIsolated)}, expected ${isolated} when served with ${served} (runner/expectations/engineBehaviour.ts)`,
          ]),
    ...(isolated && data.sharedMemoryBuffer !== 'SharedArrayBuffer'
      ? [`a shared WebAssembly.Memory's buffer is ${String(data.sharedMemoryBuffer)}, not a SharedArrayBuffer`]
      : []),
    ...(!isolated
      ? []
      : sabGlobal === undefined
        ? [`${notObserved(key, engine.version, 'the SharedArrayBuffer global when isolated')}; it gave typeof ${String(data.typeofSharedArrayBuffer)}`]
        : data.typeofSharedArrayBuffer === sabGlobal
          ? []
          : [`typeof SharedArrayBuffer is ${String(data.typeofSharedArrayBuffer)}, expected ${sabGlobal} (runner/expectations/engineBehaviour.ts)`]),
  ];
  // In a worker, what isolation gives is recorded, not judged: whether a shared or service worker is
  // cross-origin isolated follows its own script's headers and differs by engine (Chromium 156's
  // shared worker is not, its dedicated and service workers are), with no source yet for each.
  const isolation: DataCheck = ({ data = {} }, context) => [
    ...(data.isSecureContext === true ? [] : [`not a secure context in ${where} (${context})`]),
    ...(context === 'main thread' ? pageIsolation(data) : []),
  ];
  const timer: DataCheck = ({ data = {} }) =>
    typeof data.resolutionUs === 'number' && data.resolutionUs > 0 ? [] : [`performance.now() never moved (resolution ${String(data.resolutionUs)})`];
  const verdicts = await assertProbes(harness, engine, testInfo, {
    category: 'environment',
    isolation: target.isolation,
    // A project pinned to a compiler tier fails unless its page shows the pin took (runner/expectations/tierProof.ts).
    checks: {
      'environment.isolation': isolation,
      'environment.timerResolution': timer,
      'environment.compilerTier': ({ data = {} }) => tierProofFailures(tier, data),
    },
  });
  const resolution = harness.results.find((r) => r.id === 'environment.timerResolution')?.data?.resolutionUs;
  testInfo.annotations.push({ type: 'timer resolution', description: `${String(resolution)} µs in ${where}` });
  expect(verdicts.length, `environment probes in ${where}`).toBeGreaterThan(0);
});
