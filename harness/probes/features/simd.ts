// Feature: 128-bit SIMD (v128, i32x4.add). Proposal: Fixed-width SIMD (features.json "simd").
// A known-answer lane check, not only validation: iOS 16.4 validated SIMD yet computed wrong results until iOS 17.
import { simd } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './simd.wat';

export default featureProbe({
  featuresJson: 'simd',
  title: 'SIMD (128-bit)',
  proposal: 'Fixed-width SIMD',
  detect: simd,
  absent: 'does not validate (v128 instructions rejected)',
  async knownAnswer() {
    const { mem, run } = await instantiate<{ mem: WebAssembly.Memory; run(): void }>(wasm);
    run();
    return { what: 'i32x4.add lanes', got: Array.from(new Int32Array(mem.buffer, 0, 4)), expected: [11, 22, 33, 44] };
  },
});
