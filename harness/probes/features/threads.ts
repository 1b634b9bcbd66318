// Feature: threads (shared memory, atomic read-modify-write). Proposal: Threads (features.json "threads").
// Detected by validating our own module, not wasm-feature-detect's threads(), which constructs the
// SharedArrayBuffer global: WebKitGTK hides that global even when cross-origin isolated while shared
// wasm memory still works. For the same reason the buffer's kind is read by its tag, not `instanceof`.
import { threads } from 'wasm-feature-detect';
import { featureProbe, instantiate, validates } from '../featureProbe.ts';
import wasm from './threads.wat';

export default featureProbe({
  featuresJson: 'threads',
  title: 'Threads (shared memory and atomics)',
  proposal: 'Threads',
  detect: validates(wasm),
  absent: 'does not validate (shared memory or atomic instructions rejected)',
  async knownAnswer() {
    const data = {
      wasmFeatureDetect: await threads(),
      sharedArrayBufferGlobal: typeof SharedArrayBuffer === 'function',
      crossOriginIsolated: globalThis.crossOriginIsolated ?? null,
    };
    let exports: { mem: WebAssembly.Memory; add(n: number): number };
    try {
      exports = await instantiate(wasm);
    } catch (error) {
      if (globalThis.crossOriginIsolated === false) return { unavailable: 'shared memory cannot be created: the page is not cross-origin isolated', data };
      throw error;
    }
    const old = [exports.add(5), exports.add(7)];
    const kind = Object.prototype.toString.call(exports.mem.buffer).slice(8, -1);
    const got = [...old, new Int32Array(exports.mem.buffer)[0], kind];
    return { what: 'atomic add 5 then 7 (old values, final, buffer kind)', got, expected: [0, 5, 12, 'SharedArrayBuffer'], data };
  },
});
