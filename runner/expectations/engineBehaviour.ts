// Engine differences that are not pass/fail but facts the suite expects, each with its source. A
// fact that rests on an observation here, not on a document, holds only for the versions it was
// observed on (docs/toolchain.md, "The engines as observed here"). For any other version the answer
// is undefined: the run then fails that check, saying the behaviour must be observed and recorded,
// so a newer engine that changed is confirmed rather than assumed either way.
import type { Isolation } from '../../deploy/headerPolicy.ts';
import type { WorkerContext } from '../../harness/probes/probe.ts';
import { compareVersions, type EngineKey } from './engineKey.ts';

/** Versions a behaviour was observed on: the release series (e.g. WebKitGTK 2.50, Firefox 153). */
export function inSeries(version: string, series: string): boolean {
  return version === series || version.startsWith(`${series}.`);
}

const WEBKITGTK_OBSERVED = '2.50'; // 2.50.6, 2026-11-27
const FIREFOX_OBSERVED = '153'; // ESR 153.8.0, 2026-11-27
const CHROMIUM_OBSERVED = '156'; // 156.0.8078.108, 2026-11-29

/** Where an observation does not cover this version: the words for the failure. */
export function notObserved(engine: EngineKey, version: string, what: string): string {
  return `${what} was not observed on ${engine} ${version} (only ${engine === 'webkitgtk' ? `WebKitGTK ${WEBKITGTK_OBSERVED}` : engine === 'firefox' ? `Firefox ${FIREFOX_OBSERVED}` : engine === 'chromium' ? `Chromium ${CHROMIUM_OBSERVED}` : 'other versions'}): observe it and record it in runner/expectations/engineBehaviour.ts and docs/toolchain.md`;
}

/** `typeof SharedArrayBuffer` in a cross-origin isolated page. Documented as 'function' in every
 * engine that isolates (MDN, SharedArrayBuffer: "Security requirements"; Safari 15.2+). WebKitGTK
 * 2.50 hides the global even when isolated, while shared WebAssembly.Memory still gives a
 * SharedArrayBuffer: observed here, bound to that series. */
export function sharedArrayBufferGlobalWhenIsolated(engine: EngineKey, version: string): 'function' | 'undefined' | undefined {
  if (engine !== 'webkitgtk') return 'function';
  return inSeries(version, WEBKITGTK_OBSERVED) ? 'undefined' : undefined;
}

/** Whether synchronous `new WebAssembly.Module(bytes)` of a module over 8 MB is allowed on the main
 * thread. Chromium refuses it: V8's documented main-thread limit ("WebAssembly.Module is disallowed
 * on the main thread, if the buffer size is larger than 8MB"). Firefox 153 and WebKitGTK 2.50
 * allowed it when observed here; no public source says so, so other versions (and Safari, never
 * observed) are unknown. */
export function syncCompileOfLargeModuleAllowed(
  engine: EngineKey,
  version: string,
  context: 'main thread' | WorkerContext = 'main thread',
): boolean | undefined {
  // Off the main thread no engine limits it: V8's own refusal says "compile on a worker thread", and the JS API sets no size limit.
  if (context !== 'main thread') return true;
  if (engine === 'chromium') return false;
  if (engine === 'firefox') return inSeries(version, FIREFOX_OBSERVED) ? true : undefined;
  if (engine === 'webkitgtk') return inSeries(version, WEBKITGTK_OBSERVED) ? true : undefined;
  return undefined;
}

/** Whether a page served with this isolation's COOP/COEP is `crossOriginIsolated` in the engine.
 * require-corp isolates everywhere (MDN, Cross-Origin-Embedder-Policy). credentialless isolates in
 * Chromium 96+ and Firefox 119+, and is not implemented in Safari (MDN's compatibility table for
 * Cross-Origin-Embedder-Policy: credentialless, Safari "No"). WebKitGTK 2.50 left such a page not
 * isolated when observed here (2026-11-27); other WebKitGTK versions are unknown. */
export function crossOriginIsolatedUnder(engine: EngineKey, isolation: Isolation, version: string): boolean | undefined {
  if (isolation === 'none') return false;
  if (isolation === 'require-corp') return true;
  if (engine === 'chromium') return compareVersions(version, '96') >= 0;
  if (engine === 'firefox') return compareVersions(version, '119') >= 0;
  if (engine === 'webkit') return false;
  return inSeries(version, WEBKITGTK_OBSERVED) ? false : undefined;
}

/** Whether the engine compiles a streamed module during its download (the probe
 * loading.compileDuringDownload: streaming leaves at most half of what the bytes route leaves after
 * the last byte, median over pairs). Documented for every engine (runner/expectations/probes.ts
 * cites each); measured here with each load's own leading custom section (V8 skips streaming
 * compilation for a module prefix it already holds): Firefox 153 and WebKitGTK 2.50 overlap
 * (docs/streaming.md). Chromium is not asked: V8 compiles lazily, so the probe cannot decide it, and
 * probes.ts records its outcome without judging it. Other versions unknown. */
export function compilesDuringDownload(engine: Exclude<EngineKey, 'chromium'>, version: string): boolean | undefined {
  if (engine === 'firefox') return inSeries(version, FIREFOX_OBSERVED) ? true : undefined;
  if (engine === 'webkitgtk') return inSeries(version, WEBKITGTK_OBSERVED) ? true : undefined;
  return undefined;
}

/** How WebKitGTK refuses wasm threads: the one route observed (2.50), posting shared memory to a worker. */
export const WEBKITGTK_THREADS_REFUSAL = /DataCloneError/;

export function webKitGtkThreadsObserved(version: string): boolean {
  return inSeries(version, WEBKITGTK_OBSERVED);
}
