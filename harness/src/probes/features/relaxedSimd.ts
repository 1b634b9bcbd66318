// Feature: relaxed SIMD (f32x4.relaxed_madd, i32x4.relaxed_trunc_f32x4_s). Proposal: Relaxed SIMD (features.json "relaxedSimd").
// Relaxed results may differ by platform, so the inputs are ones where every allowed result is the same:
// products and sums exact in f32 (fused or not), and in-range non-NaN floats to truncate.
import { relaxedSimd } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, body, exportOf, funcType, le, section, wasmModule } from './_wasmBytes.ts';

// (module (memory (export "mem") 1)
//   (func (export "run")
//     (v128.store (i32.const 0) (f32x4.relaxed_madd (v128.const f32x4 1 2 3 4) (v128.const f32x4 5 6 7 8) (v128.const f32x4 0.5 0.5 0.5 0.5)))
//     (v128.store (i32.const 16) (i32x4.relaxed_trunc_f32x4_s (v128.const f32x4 1.5 -2.5 100.75 -7)))))
const f32x4 = (...lanes: number[]) => [0xfd, 0x0c, ...le(new Float32Array(lanes))]; // v128.const f32x4 ...
export const wasm = wasmModule(
  section(SECTION.type, [funcType([], [])]),
  section(SECTION.function, [[0]]),
  section(SECTION.memory, [[0x00, 1]]),
  section(SECTION.export, [exportOf('mem', EXPORT.memory, 0), exportOf('run', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [
    0x41, 0x00, ...f32x4(1, 2, 3, 4), ...f32x4(5, 6, 7, 8), ...f32x4(0.5, 0.5, 0.5, 0.5),
    0xfd, 0x85, 0x02, // f32x4.relaxed_madd (0x105)
    0xfd, 0x0b, 0x04, 0x00, // v128.store offset=0
    0x41, 0x10, ...f32x4(1.5, -2.5, 100.75, -7),
    0xfd, 0x81, 0x02, // i32x4.relaxed_trunc_f32x4_s (0x101)
    0xfd, 0x0b, 0x04, 0x00, // v128.store offset=0
  ])]),
);

export default featureProbe({
  id: 'feature.relaxedSimd',
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
