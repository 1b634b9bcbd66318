// loading.firstLoad: the page's own first fetch of the subject's .wasm, as a visitor's browser made
// it (Resource Timing), and when the page itself arrived (Navigation Timing). The other loading
// probes fetch the module again, from the HTTP cache where the server lets it be cached, so they
// time compilation, not the network; this is where a slow network shows: a throttled phone's
// latency and bandwidth (docs/throttling.md), a CDN far away. A fact per run, recorded, not judged.
import { defineProbe, subjectWasmUrl } from '../probe.ts';

export default defineProbe({
  title: "The page's first fetch of the module, and the page's own arrival",
  // Without WebAssembly the page never fetches the module: nothing to time.
  needsWebAssembly: true,
  needsSubjectModule: true,
  async run(context) {
    const wasmUrl = subjectWasmUrl(context);
    const url = new URL(wasmUrl, document.baseURI).href;
    const entry = (performance.getEntriesByName(url) as PerformanceResourceTiming[])[0];
    const page = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    const pageTimings: Record<string, number> = page ? { pageResponseEnd: page.responseEnd, pageDomContentLoaded: page.domContentLoadedEventEnd } : {};
    const pageSeen = page
      ? `the page's HTML arrived by ${ms(page.responseEnd)}, DOMContentLoaded at ${ms(page.domContentLoadedEventEnd)}`
      : 'no Navigation Timing entry';
    if (!entry) return { status: 'info', detail: `no Resource Timing entry for the module's first fetch (${wasmUrl}); ${pageSeen}`, timings: pageTimings };
    const waiting = entry.responseStart - entry.startTime;
    const receiving = entry.responseEnd - entry.responseStart;
    const onTheWire = entry.transferSize ? `${(entry.transferSize / 1024).toFixed(0)} KiB on the wire` : 'size on the wire not reported';
    return {
      status: 'info',
      detail: `the module's first fetch took ${ms(entry.duration)} (${ms(waiting)} to the first byte, ${ms(receiving)} receiving, ${onTheWire}), started at ${ms(entry.startTime)}; ${pageSeen}`,
      timings: { moduleFetch: entry.duration, moduleFirstByte: waiting, moduleReceiving: receiving, ...pageTimings },
      data: { transferSize: entry.transferSize, encodedBodySize: entry.encodedBodySize, decodedBodySize: entry.decodedBodySize },
    };
  },
});
