// Feature: garbage collection (struct and array types). Proposal: Garbage Collection (features.json "gc").
import { gc } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, sleb, wasmModule } from './_wasmBytes.ts';

// (module (type $pair (struct (field i32) (field i32))) (type $arr (array (mut i32)))
//   (func (export "run") (result i32 i32 i32 i32) (local $p (ref null $pair)) (local $a (ref null $arr))
//     (local.set $p (struct.new $pair (i32.const 20) (i32.const 22)))
//     (local.set $a (array.new $arr (i32.const 7) (i32.const 3)))
//     (array.set $arr (local.get $a) (i32.const 1) (i32.const 100))
//     (i32.add (struct.get $pair 0 (local.get $p)) (struct.get $pair 1 (local.get $p)))
//     (array.get $arr (local.get $a) (i32.const 0)) (array.get $arr (local.get $a) (i32.const 1)) (array.len (local.get $a))))
export const wasm = wasmModule(
  section(SECTION.type, [
    [0x5f, 2, VAL.i32, 0x00, VAL.i32, 0x00], // struct (field i32) (field i32)
    [0x5e, VAL.i32, 0x01], // array (mut i32)
    funcType([], [VAL.i32, VAL.i32, VAL.i32, VAL.i32]),
  ]),
  section(SECTION.function, [[2]]),
  section(SECTION.export, [exportOf('run', EXPORT.func, 0)]),
  section(SECTION.code, [body([[1, [0x63, 0]], [1, [0x63, 1]]], [
    0x41, 20, 0x41, 22, 0xfb, 0x00, 0, 0x21, 0, // struct.new $pair; local.set $p
    0x41, 7, 0x41, 3, 0xfb, 0x06, 1, 0x21, 1, // array.new $arr; local.set $a
    0x20, 1, 0x41, 1, 0x41, ...sleb(100), 0xfb, 0x0e, 1, // array.set $arr
    0x20, 0, 0xfb, 0x02, 0, 0, 0x20, 0, 0xfb, 0x02, 0, 1, 0x6a, // struct.get 0 + struct.get 1
    0x20, 1, 0x41, 0, 0xfb, 0x0b, 1, // array.get $arr [0]
    0x20, 1, 0x41, 1, 0xfb, 0x0b, 1, // array.get $arr [1]
    0x20, 1, 0xfb, 0x0f, // array.len
  ])]),
);

export default featureProbe({
  id: 'feature.gc',
  title: 'Garbage collection (structs and arrays)',
  proposal: 'Garbage Collection',
  detect: gc,
  absent: 'does not validate (struct and array types rejected)',
  async knownAnswer() {
    const { run } = await instantiate<{ run(): unknown }>(wasm);
    return { what: 'struct 20+22, array [0], [1] after set, length', got: run(), expected: [42, 7, 100, 3] };
  },
});
