// Engine differences that are not pass/fail but facts the suite expects, each with its source.
import type { Isolation } from '../../deploy/headerPolicy.ts';
import type { EngineKey } from './engineKey.ts';

/** `typeof SharedArrayBuffer` in a cross-origin isolated page. WebKitGTK hides the global even
 * when isolated, while shared WebAssembly.Memory still gives a SharedArrayBuffer (observed on
 * WebKitGTK 2.50 here, ../shared/TOOLCHAIN.md). */
export function sharedArrayBufferGlobalWhenIsolated(engine: EngineKey): 'function' | 'undefined' {
  return engine === 'webkitgtk' ? 'undefined' : 'function';
}

/** Whether synchronous `new WebAssembly.Module(bytes)` of a module over 8 MB is allowed on the main
 * thread. Chromium refuses it (V8's main-thread limit, "WebAssembly.Module is disallowed on the main
 * thread, if the buffer size is larger than 8MB"); Firefox and WebKit allow it. */
export function syncCompileOfLargeModuleAllowed(engine: EngineKey): boolean {
  return engine !== 'chromium';
}

/** Whether a page served with this isolation's COOP/COEP is `crossOriginIsolated` in the engine.
 * COEP credentialless is not implemented in WebKit (MDN's compatibility table for
 * Cross-Origin-Embedder-Policy: credentialless, Safari "No"; observed on WebKitGTK 2.50 here,
 * 2026-11-27: COOP same-origin + COEP credentialless leaves crossOriginIsolated false), so WebKit
 * treats it like no COEP at all. Chromium (96+) and Firefox (119+) isolate with it. */
export function crossOriginIsolatedUnder(engine: EngineKey, isolation: Isolation): boolean {
  if (isolation === 'none') return false;
  if (isolation === 'credentialless') return engine !== 'webkit' && engine !== 'webkitgtk';
  return true;
}
