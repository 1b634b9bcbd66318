// Engine differences that are not pass/fail but facts the suite expects, each with its source.
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
