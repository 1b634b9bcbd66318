// What the serving probes look at: build-info.json as the deployment serves it (the build's record
// of every .wasm and its SHA-256, harness/harnessBuildInfo.ts), and every .wasm the page uses: the
// ones build-info.json lists, the crate's, and any other the page fetched (Resource Timing).
import { HARNESS_BUILD_INFO, type HarnessBuildInfo } from '../../harnessBuildInfo.ts';
import { STREAMING_MODULE_FILE } from '../../streaming/streamingModule.ts';

/** build-info.json next to the page, fresh from the server, or why it could not be read. */
export async function fetchBuildInfo(): Promise<{ info: HarnessBuildInfo } | { problem: string }> {
  const url = new URL(HARNESS_BUILD_INFO, document.baseURI);
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (error) {
    return { problem: `${HARNESS_BUILD_INFO} could not be fetched (${String(error)})` };
  }
  if (!response.ok) return { problem: `${HARNESS_BUILD_INFO}: HTTP ${response.status}: the deployment lacks the build's record, so its .wasm cannot be checked` };
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
    if (url.pathname.endsWith('.wasm') && !url.pathname.endsWith(`/${STREAMING_MODULE_FILE}`) && url.origin === location.origin) urls.add(url.origin + url.pathname);
  }
  return [...urls];
}

/** A URL as a person reads it in a report: relative to the page where it can be. */
export function shortUrl(url: string): string {
  const base = new URL('.', document.baseURI).href;
  return url.startsWith(base) ? url.slice(base.length) : url;
}
