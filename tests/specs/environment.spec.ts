// Environment: the page is a secure context; where the target serves COOP/COEP it is cross-origin
// isolated and shared wasm memory works; the SharedArrayBuffer global is what this engine is known
// to expose; the timer resolution is measured and recorded.
import type { ProbeResult } from '../../harness/probes/probe.ts';
import { assertProbes } from '../../runner/assertProbes.ts';
import { engineKey } from '../../runner/expectations/engineKey.ts';
import { crossOriginIsolatedUnder, sharedArrayBufferGlobalWhenIsolated } from '../../runner/expectations/engineBehaviour.ts';
import { expect, test } from '../../runner/fixtures.ts';

const probe = (results: ProbeResult[], id: string) => results.find((r) => r.id === id);

test('Environment: isolation, shared memory, runtime facts, timer resolution', async ({ harness, engine, target }, testInfo) => {
  await assertProbes(harness, engine, testInfo, {
    category: 'environment',
    isolation: target.isolation,
  });
  const where = `${engine.engine} ${engine.version}`;
  const isolation = probe(harness.results, 'environment.isolation')?.data ?? {};
  expect.soft(isolation.isSecureContext, `secure context in ${where}`).toBe(true);
  // What the target declares, and what this engine makes of it (WebKit ignores COEP credentialless).
  const isolated = crossOriginIsolatedUnder(engineKey(engine), target.isolation);
  expect
    .soft(isolation.crossOriginIsolated, `crossOriginIsolated in ${where}, served with ${target.isolation === 'none' ? 'no COOP/COEP' : `COOP same-origin + COEP ${target.isolation}`} (runner/expectations/engineBehaviour.ts)`)
    .toBe(isolated);
  if (isolated) {
    expect.soft(isolation.sharedMemoryBuffer, `shared WebAssembly.Memory buffer in ${where}`).toBe('SharedArrayBuffer');
    expect
      .soft(isolation.typeofSharedArrayBuffer, `typeof SharedArrayBuffer in ${where} (runner/expectations/engineBehaviour.ts)`)
      .toBe(sharedArrayBufferGlobalWhenIsolated(engineKey(engine)));
  }
  const timer = probe(harness.results, 'environment.timerResolution')?.data ?? {};
  testInfo.annotations.push({ type: 'timer resolution', description: `${String(timer.resolutionUs)} µs in ${where}` });
  expect.soft(typeof timer.resolutionUs === 'number' && timer.resolutionUs > 0, `performance.now() moves in ${where}`).toBe(true);
});
