// Feature: acquire-release atomics (the acqrel ordering immediate on atomic loads and stores). Proposal:
// Acquire-Release Atomics (formerly Relaxed Atomics, split out of Shared-Everything Threads); features.json's
// acquireReleaseAtomics (added to the table in WebAssembly/website e10d874, 2026-08-06).
// Like threads.ts: detection validates the probe's own module (no wasm-feature-detect detector, and its
// threads() needs the SharedArrayBuffer global that WebKitGTK hides), the known answer needs shared
// memory, so a cross-origin isolated page, and the buffer's kind is read by its tag.
import { featureProbe, instantiate, validates } from '../featureProbe.ts';
import wasm from './acquireRelease.wat';

export default featureProbe({
  title: 'Acquire-release atomics',
  proposal: 'Acquire-Release Atomics',
  featuresJson: 'acquireReleaseAtomics',
  detect: validates(wasm),
  absent: 'does not validate (the acqrel ordering on atomic loads and stores rejected)',
  async knownAnswer() {
    const data = { sharedArrayBufferGlobal: typeof SharedArrayBuffer === 'function', crossOriginIsolated: globalThis.crossOriginIsolated ?? null };
    let exports: { mem: WebAssembly.Memory; store(address: number, value: number): void; load(address: number): number };
    try {
      exports = await instantiate(wasm);
    } catch (error) {
      if (globalThis.crossOriginIsolated === false) return { unavailable: 'shared memory cannot be created: the page is not cross-origin isolated', data };
      throw error;
    }
    const view = new Int32Array(exports.mem.buffer);
    view[0] = 7;
    exports.store(4, 42);
    const kind = Object.prototype.toString.call(exports.mem.buffer).slice(8, -1);
    const got = [exports.load(0), view[1], exports.load(4), kind];
    return {
      what: 'acquire load of a JS write, release store read by JS and by an acquire load (buffer kind)',
      got,
      expected: [7, 42, 42, 'SharedArrayBuffer'],
      data,
    };
  },
});
