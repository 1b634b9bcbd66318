// loading.cachedSecondLoad: the same module loaded a second time, as a returning visitor loads it.
// Chromium keeps the code V8 compiled for a streamed module beside its HTTP cache entry and reuses
// it on the next load of the same URL, for modules of at least 128 KB, once the optimising tier
// has finished (v8.dev/blog/wasm-code-caching; the threshold: crrev.com/626755). Other engines keep
// no such cache, or keep it elsewhere. A fact per engine, recorded, not judged: the probe loads the
// generated 3.9 MB module (harness/streaming/) twice with instantiateStreaming under one URL, and
// compares the second load with compiling the same module afresh from memory (its bytes with a
// custom section added, so that V8's in-process cache of modules by their bytes cannot answer).
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';
import { STREAMING_MODULE_FILE, withCustomSection } from '../../streaming/streamingModule.ts';
import { resourceEntryAfter, resourceEntryCount } from './_resourceTiming.ts';

/** Why this probe does not claim anything about code caching (docs/streaming.md). */
export const NOT_MEASURED =
  "V8 caches a streamed module's code only once its optimising tier has compiled the hot functions, and this module is never called; a second load within the page can be answered by V8's in-process cache of modules by their bytes, which is not the HTTP-side code cache";

/** A second load this far under compiling from memory is quick (recorded, not read as reuse). */
export const REUSE_RATIO = 0.5;

async function streamed(url: string): Promise<{ ms: number; fromHttpCache: boolean | null }> {
  const before = resourceEntryCount(url);
  const start = performance.now();
  await WebAssembly.instantiateStreaming(fetch(url), {});
  const ms = performance.now() - start;
  const entry = await resourceEntryAfter(url, before);
  // Fewer bytes on the wire than the body: the body came from the HTTP cache, fresh (transferSize 0)
  // or revalidated (a 304's headers only), as Resource Timing Level 2 defines them.
  return { ms, fromHttpCache: entry && entry.encodedBodySize > 0 ? entry.transferSize < entry.encodedBodySize : null };
}

export default defineProbe({
  title: 'A second load of the same module (code caching)',
  needsWebAssembly: true,
  async run() {
    if (typeof WebAssembly.instantiateStreaming !== 'function')
      return { status: 'unsupported', detail: 'WebAssembly.instantiateStreaming is not a function here' };
    const url = new URL(`${STREAMING_MODULE_FILE}?load=${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`, document.baseURI).href;
    try {
      const first = await streamed(url);
      const second = await streamed(url);
      const bytes = withCustomSection(new Uint8Array(await (await fetch(url)).arrayBuffer()), url);
      const start = performance.now();
      await WebAssembly.instantiate(bytes, {});
      const fromMemory = performance.now() - start;
      const quick = second.ms <= fromMemory * REUSE_RATIO;
      const ms = (n: number) => `${n.toFixed(1)} ms`;
      const cache =
        second.fromHttpCache === null
          ? 'HTTP cache unknown (no Resource Timing entry)'
          : second.fromHttpCache
            ? 'bytes from the HTTP cache'
            : 'bytes fetched again';
      // Not a finding about code caching: the module is never called, so no optimised code exists
      // for V8 to cache, and within one page a same-bytes load can be answered by V8's in-process
      // module cache instead. The timings are kept as facts.
      return {
        status: 'info',
        detail: `code caching not measured (${NOT_MEASURED}); seen: second load ${ms(second.ms)} (${cache}), first ${ms(first.ms)}, compiling the same ${(bytes.byteLength / 1e6).toFixed(2)} MB from memory ${ms(fromMemory)}`,
        timings: { firstLoad: first.ms, secondLoad: second.ms, compileFromMemory: fromMemory },
        data: {
          codeCaching: 'not measured',
          secondUnderHalfACompile: quick,
          secondFromHttpCache: second.fromHttpCache,
          moduleBytes: bytes.byteLength,
          reuseRatio: REUSE_RATIO,
        },
      };
    } catch (error) {
      return { status: 'fail', detail: `loading ${STREAMING_MODULE_FILE} failed: ${describeError(error)}` };
    }
  },
});
