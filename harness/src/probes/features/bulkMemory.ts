// Feature: bulk memory (memory.fill, memory.copy). Proposal: Bulk Memory Operations (features.json "bulkMemory").
import { bulkMemory } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, sleb, wasmModule } from './_wasmBytes.ts';

// (module (memory 1)
//   (func (export "run") (result i32)
//     (memory.fill (i32.const 9) (i32.const 0xab) (i32.const 3))   ;; bytes 9..11 = ab
//     (memory.copy (i32.const 17) (i32.const 9) (i32.const 3))     ;; bytes 17..19 = ab
//     (i32.load (i32.const 16))))                                   ;; bytes 16..19 = 00 ab ab ab
export const wasm = wasmModule(
  section(SECTION.type, [funcType([], [VAL.i32])]),
  section(SECTION.function, [[0]]),
  section(SECTION.memory, [[0x00, 1]]),
  section(SECTION.export, [exportOf('run', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [
    0x41, 9, 0x41, ...sleb(0xab), 0x41, 3, 0xfc, 0x0b, 0x00, // memory.fill
    0x41, 17, 0x41, 9, 0x41, 3, 0xfc, 0x0a, 0x00, 0x00, // memory.copy
    0x41, 16, 0x28, 0x02, 0x00, // i32.load
  ])]),
);

export default featureProbe({
  id: 'feature.bulkMemory',
  title: 'Bulk memory operations',
  proposal: 'Bulk Memory Operations',
  detect: bulkMemory,
  absent: 'does not validate (memory.fill / memory.copy rejected)',
  async knownAnswer() {
    const { run } = await instantiate<{ run(): number }>(wasm);
    return { what: 'fill 3 bytes, copy them, load i32 (hex)', got: (run() >>> 0).toString(16), expected: 'ababab00' };
  },
});
