// Feature: 128-bit SIMD (v128, i32x4.add). Proposal: Fixed-width SIMD (features.json "simd").
// A known-answer lane check, not only validation: iOS 16.4 validated SIMD yet computed wrong results until iOS 17.
import { simd } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, body, exportOf, funcType, le, section, wasmModule } from './_wasmBytes.ts';

// (module (memory (export "mem") 1)
//   (func (export "run")
//     (v128.store (i32.const 0) (i32x4.add (v128.const i32x4 1 2 3 4) (v128.const i32x4 10 20 30 40)))))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([], [])]),
  section(SECTION.function, [[0]]),
  section(SECTION.memory, [[0x00, 1]]),
  section(SECTION.export, [exportOf('mem', EXPORT.memory, 0), exportOf('run', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [
    0x41, 0x00, // i32.const 0
    0xfd, 0x0c, ...le(new Int32Array([1, 2, 3, 4])), // v128.const i32x4 1 2 3 4
    0xfd, 0x0c, ...le(new Int32Array([10, 20, 30, 40])), // v128.const i32x4 10 20 30 40
    0xfd, 0xae, 0x01, // i32x4.add
    0xfd, 0x0b, 0x04, 0x00, // v128.store align=16 offset=0
  ])]),
);

export default featureProbe({
  id: 'feature.simd',
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
