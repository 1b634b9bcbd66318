// loading.compileDuringDownload: does the engine compile while the bytes arrive? The reason
// instantiateStreaming exists. The suite's own servers trickle a generated 3.9 MB module
// (harness/streaming/, serving/trickle.ts) at 5 MiB/s; the probe loads it in pairs from that
// trickle, once through instantiateStreaming and once through fetch, arrayBuffer and instantiate
// (the bytes route), the order alternating, and times each from its last byte (Resource Timing's
// responseEnd) to a ready instance. Both routes wait for the same bytes at the same pace; only the
// streaming route can have compiled before the last byte, so what it saves against the bytes route
// in the same pair is what overlap bought. The rule (_streamingVerdict.ts, docs/streaming.md):
// overlap when the median share streaming keeps of the bytes route's time is at most a half. Every
// load gets its own copy (a leading custom section naming the load): V8 does not stream-compile a
// module whose bytes before the code section it has seen. A fresh compile from memory in each
// pair is reported for scale. A body that arrives in one burst (buffered by the server, a proxy
// or a CDN) gives compilation nothing to overlap: the deployment's fault, a failure. A server
// without the trickle (a deployment) answers the probe's HEAD look-up 404: "not measured".
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { TRICKLE_BYTES_PER_SECOND, TRICKLE_LOOKUP_PARAM, TRICKLE_PATH, withLeadingSection } from '../../streaming/streamingModule.ts';
import { resourceEntryAfter, resourceEntryCount } from './_resourceTiming.ts';
import { judgeStreaming, OVERLAP_SHARE, type RouteTiming, type StreamingPair } from './_streamingVerdict.ts';

export { BURST_SHARE, OVERLAP_SHARE } from './_streamingVerdict.ts';

/** Pairs (streaming, bytes), fixed in advance: the fewest whose median two disturbed pairs must move
 * (each pair trickles 3.9 MB twice, about 1.5 s, and this probe runs in ten projects of a default run). */
const PAIRS = 3;

type Route = 'streaming' | 'bytes';

/** One trickled load through `route`, timed from its last byte; `body` gets the bytes the bytes route read. */
async function load(url: string, route: Route, keep: (bytes: Uint8Array<ArrayBuffer>) => void): Promise<RouteTiming> {
  const before = resourceEntryCount(url);
  const response = fetch(url, { cache: 'no-store' });
  if (route === 'streaming') {
    await WebAssembly.instantiateStreaming(response, {});
  } else {
    const bytes = new Uint8Array(await (await response).arrayBuffer());
    await WebAssembly.instantiate(bytes, {});
    keep(bytes);
  }
  const ready = performance.now();
  const entry = await resourceEntryAfter(url, before);
  if (!entry?.responseEnd) throw new Error(`no Resource Timing entry for ${url}, so the last byte's time is unknown`);
  return { afterLastByte: ready - entry.responseEnd, download: entry.responseEnd - entry.responseStart };
}

export default defineProbe({
  title: 'Compilation overlaps the download (instantiateStreaming, trickled)',
  needsWebAssembly: true,
  async run() {
    if (typeof WebAssembly.instantiateStreaming !== 'function')
      return { status: 'unsupported', detail: 'WebAssembly.instantiateStreaming is not a function here' };
    const nonce = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const trickle = (query: string) => new URL(`${TRICKLE_PATH}?${query}`, document.baseURI).href;
    const pairs: StreamingPair[] = [];
    let moduleBytes = 0;
    try {
      // The look-up: a HEAD the page's and the driver's error recorders know as the probe's own
      // (isTrickleLookup), so that a deployment's 404 here is "not measured", not a page error.
      const lookup = await fetch(trickle(`${TRICKLE_LOOKUP_PARAM}=${nonce}`), { method: 'HEAD', cache: 'no-store' });
      const type = lookup.headers.get('content-type') ?? '';
      if (lookup.status === 404 || (lookup.ok && !type.startsWith('application/wasm'))) {
        return {
          status: 'info',
          detail: `not measured: this server does not trickle the module (${TRICKLE_PATH}: HTTP ${lookup.status}${lookup.ok ? `, ${type || 'no Content-Type'}` : ''}); only the suite's own servers slow the download down, so a deployment is not measured here`,
          data: { outcome: 'not-measured', lookupStatus: lookup.status },
        };
      }
      if (!lookup.ok)
        return { status: 'fail', detail: `${TRICKLE_PATH} answered HTTP ${lookup.status}`, data: { outcome: 'error', lookupStatus: lookup.status } };
      for (let i = 0; i < PAIRS; i++) {
        let body: Uint8Array<ArrayBuffer> = new Uint8Array(0);
        const timed: Partial<Record<Route, RouteTiming>> = {};
        // Alternating order (ABBA...): a drift in the machine's load falls on both routes alike.
        for (const route of (i % 2 === 0 ? ['streaming', 'bytes'] : ['bytes', 'streaming']) as Route[]) {
          timed[route] = await load(trickle(`load=${nonce}-${route}-${i}`), route, (b) => (body = b));
        }
        moduleBytes = body.byteLength;
        const copy = withLeadingSection(body, `${nonce}-memory-${i}`);
        const start = performance.now();
        await WebAssembly.instantiate(copy, {});
        pairs.push({ streaming: timed.streaming!, bytes: timed.bytes!, compile: performance.now() - start });
      }
    } catch (error) {
      return { status: 'fail', detail: `loading the generated module failed: ${describeError(error)}`, data: { outcome: 'error' } };
    }
    const pacedMs = (moduleBytes / TRICKLE_BYTES_PER_SECOND) * 1000;
    const judged = judgeStreaming(pairs, pacedMs);
    const round = (n: number) => Math.round(n * 100) / 100;
    const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    return {
      status: judged.status,
      detail: `${judged.detail}; ${(moduleBytes / 1e6).toFixed(2)} MB over ${(medianOf(pairs.map((p) => p.streaming.download)) / 1000).toFixed(2)} s`,
      timings: {
        streamingAfterLastByte: medianOf(pairs.map((p) => p.streaming.afterLastByte)),
        bytesAfterLastByte: medianOf(pairs.map((p) => p.bytes.afterLastByte)),
        compileFromMemory: medianOf(pairs.map((p) => p.compile ?? NaN)),
        streamingDownload: Math.min(...pairs.map((p) => p.streaming.download)),
      },
      data: {
        outcome: judged.outcome,
        medianShare: round(judged.medianShare),
        medianSavedMs: round(judged.medianSavedMs),
        overlapShare: OVERLAP_SHARE,
        pairs: pairs.map((p) => ({
          streaming: round(p.streaming.afterLastByte),
          bytes: round(p.bytes.afterLastByte),
          compile: round(p.compile ?? NaN),
          streamingDownload: round(p.streaming.download),
          bytesDownload: round(p.bytes.download),
        })),
        moduleBytes,
        trickleBytesPerSecond: TRICKLE_BYTES_PER_SECOND,
      },
    };
  },
});
