// loading.compileDuringDownload: does the engine compile while the bytes arrive? The reason
// instantiateStreaming exists. The suite's own servers trickle a generated 3.9 MB module
// (harness/streaming/, serving/trickle.ts) at 5 MiB/s; the probe loads it in pairs, through
// instantiateStreaming and through fetch, arrayBuffer and instantiate, and measures each from its
// last byte (Resource Timing's responseEnd) to a ready instance, and it compiles a fresh copy from
// memory (with its own custom section, so that no engine's cache of modules by their bytes answers
// for it). Compilation finished during the download when what streaming leaves after the last byte
// is well under a fresh compile; an engine that reads the stream and then compiles, as a polyfill
// does, leaves at least a whole compile. The bytes route, which always compiles after its last
// byte, is reported beside them: the "streaming against bytes". A body that arrives in one burst (buffered by the
// server, a proxy or a CDN) gives compilation nothing to overlap: the deployment's fault, a failure.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { STREAMING_MODULE_FILE, TRICKLE_BYTES_PER_SECOND, TRICKLE_PATH, withCustomSection } from '../../streaming/streamingModule.ts';
import { resourceEntryAfter, resourceEntryCount } from './_resourceTiming.ts';

/** Compilation finished during the download when streaming leaves at most this share of a fresh
 * compile after the last byte. Read-then-compile leaves 1 or more; SpiderMonkey and JavaScriptCore
 * left 0.04–0.25 here, V8 1.3–2.6 (docs/streaming.md). */
export const OVERLAP_RATIO = 0.5;
/** A trickled body spreads over at least this share of size / rate; less is a burst. */
export const BURST_SHARE = 0.5;
/** In-memory compiles; the quickest is kept, as the network loads' quickest are: the least disturbed by other work. */
const RUNS = 3;
/** Network pairs (streaming, bytes) at most, and the time after which no new pair starts. */
const PAIRS = 3;
const PAIRS_BUDGET_MS = 6_000;

interface NetworkLoad {
  /** Last byte (responseEnd) to a ready instance. */
  afterLastByte: number;
  /** First byte to last byte (responseStart to responseEnd). */
  download: number;
  bytes: number;
}

/** `before`: the URL's Resource Timing entries before the fetch began. */
async function fromNetwork(url: string, load: (url: string) => Promise<unknown>, before = resourceEntryCount(url)): Promise<NetworkLoad> {
  await load(url);
  const ready = performance.now();
  const entry = await resourceEntryAfter(url, before);
  if (!entry || !entry.responseEnd) throw new Error(`no Resource Timing entry for ${url}, so the last byte's time is unknown`);
  return { afterLastByte: ready - entry.responseEnd, download: entry.responseEnd - entry.responseStart, bytes: entry.decodedBodySize || entry.encodedBodySize };
}

async function quickestOf(runs: number, measure: (run: number) => Promise<number>): Promise<number> {
  let quickest = Infinity;
  for (let i = 0; i < runs; i++) quickest = Math.min(quickest, await measure(i));
  return quickest;
}

async function elapsed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export default defineProbe({
  title: 'Compilation overlaps the download (instantiateStreaming, trickled)',
  needsWebAssembly: true,
  async run() {
    if (typeof WebAssembly.instantiateStreaming !== 'function') return { status: 'unsupported', detail: 'WebAssembly.instantiateStreaming is not a function here' };
    const nonce = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const url = (path: string, route: string) => new URL(`${path}?load=${nonce}-${route}`, document.baseURI).href;
    const streamingLoads: NetworkLoad[] = [];
    const bytesLoads: NetworkLoad[] = [];
    let compile: number;
    try {
      let body = new Uint8Array(0);
      const started = performance.now();
      // Pairs until PAIRS or the time budget: the quickest of each route is the one least disturbed by
      // whatever else the machine ran. A throttled phone's slow network leaves time for one pair.
      for (let pair = 0; pair < PAIRS && (pair === 0 || performance.now() - started < PAIRS_BUDGET_MS); pair++) {
        // A deployment has no trickle: its 404 says so before anything is timed.
        const trickled = url(TRICKLE_PATH, `streaming-${pair}`);
        const before = resourceEntryCount(trickled);
        const first = await fetch(trickled, { cache: 'no-store' });
        if (first.status === 404) {
          return { status: 'info', detail: `not measured: this server does not trickle (${TRICKLE_PATH}: HTTP 404); only the suite's own servers slow the download down, so a deployment is not measured here` };
        }
        if (!first.ok) return { status: 'fail', detail: `${TRICKLE_PATH} answered HTTP ${first.status}` };
        streamingLoads.push(await fromNetwork(trickled, () => WebAssembly.instantiateStreaming(first, {}), before));
        bytesLoads.push(
          await fromNetwork(url(STREAMING_MODULE_FILE, `bytes-${pair}`), async (u) => {
            body = new Uint8Array(await (await fetch(u, { cache: 'no-store' })).arrayBuffer());
            return WebAssembly.instantiate(body, {});
          }),
        );
      }
      compile = await quickestOf(RUNS, (i) => {
        const copy = withCustomSection(body, `${nonce}-${i}`);
        return elapsed(() => WebAssembly.instantiate(copy, {}));
      });
    } catch (error) {
      return { status: 'fail', detail: `loading the generated module failed: ${describeError(error)}` };
    }
    const quickest = (loads: NetworkLoad[]) => loads.reduce((a, b) => (b.afterLastByte < a.afterLastByte ? b : a));
    const streaming = quickest(streamingLoads);
    const bytes = quickest(bytesLoads);
    // The quickest download decides whether the body was trickled: one burst is enough to fail.
    const download = Math.min(...streamingLoads.map((l) => l.download));
    const saved = bytes.afterLastByte - streaming.afterLastByte;
    const timings = { streamingAfterLastByte: streaming.afterLastByte, bytesAfterLastByte: bytes.afterLastByte, compileFromMemory: compile, streamingDownload: download };
    const data = { moduleBytes: streaming.bytes, trickleBytesPerSecond: TRICKLE_BYTES_PER_SECOND, savedMs: saved, overlapRatio: OVERLAP_RATIO, pairs: streamingLoads.length };
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const seen =
      `last byte to instance: streaming ${ms(streaming.afterLastByte)}, bytes ${ms(bytes.afterLastByte)}; ` +
      `a fresh compile ${ms(compile)}; ${(streaming.bytes / 1e6).toFixed(2)} MB arrived over ${ms(download)}; quickest of ${streamingLoads.length} pair${streamingLoads.length === 1 ? '' : 's'}`;
    const paced = (streaming.bytes / TRICKLE_BYTES_PER_SECOND) * 1000;
    if (download < paced * BURST_SHARE) {
      return { status: 'fail', detail: `the module arrived in one burst (${ms(download)} from first to last byte; trickled at ${(TRICKLE_BYTES_PER_SECOND / 1024 / 1024).toFixed(0)} MiB/s it takes ${ms(paced)}): something between the server and the page buffered the whole body, so compilation had nothing to overlap; ${seen}`, timings, data };
    }
    const share = `${((streaming.afterLastByte / compile) * 100).toFixed(0)} % of a fresh compile`;
    if (streaming.afterLastByte <= compile * OVERLAP_RATIO) return { status: 'pass', detail: `compiled during the download (after the last byte, ${share}): ${seen}`, timings, data };
    return { status: 'unsupported', detail: `compilation did not finish during the download (after the last byte, streaming still took ${share}; finished means at most ${OVERLAP_RATIO * 100} %): ${seen}`, timings, data };
  },
});
