// What the serving probes look at: build-info.json as the deployment serves it (the build's record
// of every .wasm and its SHA-256, harness/harnessBuildInfo.ts), and every .wasm the page uses: the
// ones build-info.json lists, the crate's, and any other the page fetched (Resource Timing).
import { HARNESS_BUILD_INFO, type HarnessBuildInfo } from '../../harnessBuildInfo.ts';
import { STREAMING_MODULE_FILE } from '../../streaming/streamingModule.ts';
import { resourceEntryAfter, resourceEntryCount } from '../loading/_resourceTiming.ts';

/** A response as the browser received it, body read to the end, with its Resource Timing sizes. */
export interface ServedFile {
  status: number;
  ok: boolean;
  headers: Headers;
  bytes: ArrayBuffer;
  /** From Resource Timing, which shows compression even where an engine hides Content-Encoding; null if the engine queued no entry. */
  timing: { encodedBodySize: number; decodedBodySize: number } | null;
}

const served = new Map<string, Promise<ServedFile>>();

/**
 * One fresh fetch (no-store) of `url` per page, shared by the serving probes: the type, the bytes
 * and the headers are each judged on the same response. On a phone's throttled network each probe
 * fetching the module again cost 1.5 s (pixel5, 2026-12-06). Rejects as fetch() does.
 */
export function fetchServed(url: string): Promise<ServedFile> {
  let file = served.get(url);
  if (!file) {
    const before = resourceEntryCount(url);
    file = fetch(url, { cache: 'no-store' }).then(async (response) => {
      // Read to the end: a cancelled body shows as a failed request in the drivers' logs.
      const bytes = await response.arrayBuffer();
      const entry = await resourceEntryAfter(response.url, before);
      const timing = entry ? { encodedBodySize: entry.encodedBodySize, decodedBodySize: entry.decodedBodySize } : null;
      return { status: response.status, ok: response.ok, headers: response.headers, bytes, timing };
    });
    served.set(url, file);
  }
  return file;
}

let buildInfo: Promise<{ info: HarnessBuildInfo } | { problem: string }> | null = null;

/** build-info.json next to the page, fresh from the server once per page, or why it could not be read. */
export function fetchBuildInfo(): Promise<{ info: HarnessBuildInfo } | { problem: string }> {
  buildInfo ??= readBuildInfo();
  return buildInfo;
}

async function readBuildInfo(): Promise<{ info: HarnessBuildInfo } | { problem: string }> {
  const url = new URL(HARNESS_BUILD_INFO, document.baseURI);
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (error) {
    return { problem: `${HARNESS_BUILD_INFO} could not be fetched (${String(error)})` };
  }
  if (!response.ok)
    return { problem: `${HARNESS_BUILD_INFO}: HTTP ${response.status}: the deployment lacks the build's record, so its .wasm cannot be checked` };
  try {
    return { info: (await response.json()) as HarnessBuildInfo };
  } catch (error) {
    return { problem: `${HARNESS_BUILD_INFO} is not JSON (${String(error)})` };
  }
}

/** Absolute URLs of every .wasm the page uses, each once; the streaming probes' generated module
 * (harness/streaming/) is the suite's own, not the subject's, and left out. */
export function servedWasmUrls(wasmUrl: string, info: HarnessBuildInfo | null): string[] {
  const urls = new Set<string>([new URL(wasmUrl, document.baseURI).href]);
  for (const w of info?.wasm ?? []) urls.add(new URL(w.path, document.baseURI).href);
  for (const entry of performance.getEntriesByType('resource')) {
    const url = new URL(entry.name);
    if (url.pathname.endsWith('.wasm') && !url.pathname.endsWith(`/${STREAMING_MODULE_FILE}`) && url.origin === location.origin)
      urls.add(url.origin + url.pathname);
  }
  return [...urls];
}

/** A URL as a person reads it in a report: relative to the page where it can be. */
export function shortUrl(url: string): string {
  const base = new URL('.', document.baseURI).href;
  return url.startsWith(base) ? url.slice(base.length) : url;
}
