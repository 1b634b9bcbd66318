// Feature: relaxed SIMD (f32x4.relaxed_madd, i32x4.relaxed_trunc_f32x4_s). Proposal: Relaxed SIMD (features.json "relaxedSimd").
// Relaxed results may differ by platform, so the inputs are ones where every allowed result is the same:
// products and sums exact in f32 (fused or not), and in-range non-NaN floats to truncate.
import { relaxedSimd } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './relaxedSimd.wat';

export default featureProbe({
  featuresJson: 'relaxedSimd',
  title: 'Relaxed SIMD',
  proposal: 'Relaxed SIMD',
  detect: relaxedSimd,
  absent: 'does not validate (relaxed SIMD instructions rejected)',
  async knownAnswer() {
    const { mem, run } = await instantiate<{ mem: WebAssembly.Memory; run(): void }>(wasm);
    run();
    const got = [...new Float32Array(mem.buffer, 0, 4), ...new Int32Array(mem.buffer, 16, 4)];
    return { what: 'relaxed_madd lanes, relaxed_trunc lanes', got, expected: [5.5, 12.5, 21.5, 32.5, 1, -2, 100, -7] };
  },
});
