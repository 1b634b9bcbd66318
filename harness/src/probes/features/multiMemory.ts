// Feature: several memories in one module. Proposal: Multiple Memories (features.json "multiMemory").
import { multiMemory } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, sleb, wasmModule } from './_wasmBytes.ts';

// (module (memory $a (export "a") 1) (memory $b (export "b") 1)
//   (func (export "run") (result i32)
//     (i32.store $a (i32.const 0) (i32.const 0x01020304))
//     (memory.copy $b $a (i32.const 16) (i32.const 0) (i32.const 4))
//     (i32.load $b (i32.const 16))))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([], [VAL.i32])]),
  section(SECTION.function, [[0]]),
  section(SECTION.memory, [[0x00, 1], [0x00, 1]]),
  section(SECTION.export, [exportOf('a', EXPORT.memory, 0), exportOf('b', EXPORT.memory, 1), exportOf('run', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [
    0x41, 0, 0x41, ...sleb(0x01020304), 0x36, 0x02, 0x00, // i32.store $a
    0x41, 16, 0x41, 0, 0x41, 4, 0xfc, 0x0a, 1, 0, // memory.copy $b $a
    0x41, 16, 0x28, 0x40 | 0x02, 1, 0x00, // i32.load $b (memarg flag 0x40: a memory index follows)
  ])]),
);

export default featureProbe({
  id: 'feature.multiMemory',
  title: 'Multiple memories',
  proposal: 'Multiple Memories',
  detect: multiMemory,
  absent: 'does not validate (a second memory rejected)',
  async knownAnswer() {
    const { a, run } = await instantiate<{ a: WebAssembly.Memory; run(): number }>(wasm);
    return { what: 'copied $a to $b and loaded from $b; $a at 16', got: [run(), new Int32Array(a.buffer)[4]], expected: [0x01020304, 0] };
  },
});
