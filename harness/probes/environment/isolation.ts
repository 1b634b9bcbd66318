// environment.isolation: what cross-origin isolation gives this page. COOP + COEP should make it
// crossOriginIsolated, which unlocks SharedArrayBuffer and shared WebAssembly.Memory (wasm threads).
// Engines differ in what they expose: WebKitGTK hides the SharedArrayBuffer global even when
// isolated, while a shared wasm memory still hands out a SharedArrayBuffer. So both are reported,
// and the spec decides what each engine should show. A report: 'pass' unless something throws.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';

function sharedMemoryBuffer(): { tag: string | null; error: string | null } {
  if (typeof WebAssembly !== 'object' || WebAssembly === null) return { tag: null, error: 'no WebAssembly global' };
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    return { tag: Object.prototype.toString.call(memory.buffer).slice(8, -1), error: null };
  } catch (error) {
    return { tag: null, error: describeError(error) };
  }
}

export default defineProbe({
  title: 'Cross-origin isolation and shared memory',
  needsWebAssembly: false,
  inWorkers: true,
  async run() {
    const shared = sharedMemoryBuffer();
    const data = {
      crossOriginIsolated: globalThis.crossOriginIsolated ?? null,
      isSecureContext: globalThis.isSecureContext ?? null,
      typeofSharedArrayBuffer: typeof SharedArrayBuffer,
      sharedMemoryBuffer: shared.tag,
      sharedMemoryError: shared.error,
    };
    return {
      status: 'pass',
      detail: `crossOriginIsolated ${data.crossOriginIsolated}, secure context ${data.isSecureContext}, typeof SharedArrayBuffer ${data.typeofSharedArrayBuffer}, shared memory buffer ${shared.tag ?? `unavailable (${shared.error})`}`,
      data,
    };
  },
});
