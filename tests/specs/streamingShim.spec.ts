// The streaming probe can tell overlap from none: with WebAssembly.instantiateStreaming and
// compileStreaming replaced by read-then-compile (the page's ?streaming=buffered switch,
// harness/page/pageStart.ts: a URL switch, so classic WebDriver gets it too), loading.compileDuringDownload
// must come out "streams, but finishes after the download" in every engine. The unmodified page's
// verdicts are loading.spec.ts's. Opt-in (WASM_COMPAT_STREAMING_SHIM=1): tests/streaming/streamingShim.test.ts
// runs it on the three desktop engines; playwright.config.ts lists it in no other run.
import { urlWithSelection } from '../../harness/probes/probeSelection.ts';
import { expect, test } from '../../runner/fixtures.ts';
import { runAlone } from '../../runner/timingLock.ts';

const PROBE = 'loading.compileDuringDownload';

test('Read-then-compile in place of instantiateStreaming: the streaming probe finds no overlap', async ({ driver, harnessUrl, engine, target }) => {
  test.skip(target.kind === 'url', 'a deployment does not trickle the module, so the probe does not measure');
  const where = `${engine.engine} ${engine.version}`;
  const url = new URL(urlWithSelection(harnessUrl, { categories: ['loading'], skip: [] }));
  url.searchParams.set('streaming', 'buffered');
  // A timed page, like the harness's own load: alone on the machine (runner/timingLock.ts).
  const report = await runAlone(async () => {
    await driver.open(url.href);
    return driver.results();
  });
  const result = report.results.find((r) => r.id === PROBE);
  expect(result, `${PROBE} ran in ${where}`).toBeDefined();
  // The figures, for the run's output (tests/streaming/streamingShim.test.ts prints them).
  console.log(`${PROBE} under read-then-compile in ${where}: ${result!.status}: ${result!.detail}`);
  // Never "overlaps": no saving, or (V8, whose lazy compile leaves little to overlap) inconclusive.
  expect(`${result!.status} ${String(result!.data?.outcome)}`, `${PROBE} under read-then-compile in ${where}: ${result!.detail}`).toMatch(
    /^(fail no-saving|info inconclusive)$/,
  );
  // The shim only replaced the API: loading through it still works.
  expect(report.results.find((r) => r.id === 'loading.instantiateStreaming')?.status, `loading.instantiateStreaming through the shim in ${where}`).toBe('pass');
  expect.soft(report.pageErrors, `page errors under the shim in ${where}`).toEqual([]);
});
