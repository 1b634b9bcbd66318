// Loading: the crate loads the ways real sites load it. The streaming routes depend on the server
// (exactly application/wasm), the bytes fallback must work whatever the server sends, so a wrong
// MIME type shows as streaming failures that name the Content-Type while the fallback passes.
import { assertProbes } from '../../runner/assertProbes.ts';
import { readsHarnessLoad, test } from '../../runner/fixtures.ts';

readsHarnessLoad();

test('Loading: ESM integration, instantiateStreaming, compileStreaming, the bytes fallback', async ({ harness, engine, target }, testInfo) => {
  await assertProbes(harness, engine, testInfo, {
    category: 'loading',
    isolation: target.isolation,
    // The suite's own servers all trickle (serving/trickle.ts); only a deployment may leave the probe unmeasured.
    // A body that arrived in one burst is the server's fault in every engine, the ones whose overlap is only recorded included.
    checks: {
      'loading.compileDuringDownload': (r) => [
        ...(target.kind !== 'url' && r.data?.outcome === 'not-measured' ? [`the ${target.name} target did not trickle the module: ${r.detail}`] : []),
        ...(r.data?.outcome === 'buffered' ? [`the ${target.name} target buffered the module: ${r.detail}`] : []),
      ],
    },
  });
});
