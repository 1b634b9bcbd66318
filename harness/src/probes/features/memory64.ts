// Feature: 64-bit memory indices. Proposal: Memory64 (features.json "memory64").
import { memory64 } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, sleb, wasmModule } from './_wasmBytes.ts';

// (module (memory i64 1)
//   (func (export "run") (result i32)
//     (i32.store (i64.const 65532) (i32.const 0x12345678)) (i32.load (i64.const 65532)))
//   (func (export "pages") (result i64) (memory.size)))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([], [VAL.i32]), funcType([], [VAL.i64])]),
  section(SECTION.function, [[0], [1]]),
  section(SECTION.memory, [[0x04, 1]]), // i64 index type, min 1
  section(SECTION.export, [exportOf('run', EXPORT.func, 0), exportOf('pages', EXPORT.func, 1)]),
  section(SECTION.code, [
    body([], [
      0x42, ...sleb(65532), 0x41, ...sleb(0x12345678), 0x36, 0x02, 0x00, // i64.const; i32.const; i32.store
      0x42, ...sleb(65532), 0x28, 0x02, 0x00, // i64.const; i32.load
    ]),
    body([], [0x3f, 0x00]), // memory.size (an i64 here)
  ]),
);

export default featureProbe({
  id: 'feature.memory64',
  title: 'Memory64',
  proposal: 'Memory64',
  detect: memory64,
  absent: 'does not validate (an i64-indexed memory rejected)',
  async knownAnswer() {
    const { run, pages } = await instantiate<{ run(): number; pages(): bigint }>(wasm);
    return { what: 'i64-addressed store/load, memory.size', got: [run(), pages()], expected: [0x12345678, 1n] };
  },
});
