// Feature: tail calls (return_call). Proposal: Tail Call (features.json "tailCall").
// A million-deep self tail call: without real tail calls it overflows the stack, so a pass proves them.
import { tailCall } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, wasmModule } from './_wasmBytes.ts';

const DEPTH = 1_000_000;

// (module (func $count (export "count") (param i32 i32) (result i32)
//   (if (result i32) (i32.eqz (local.get 0))
//     (then (local.get 1))
//     (else (return_call $count (i32.sub (local.get 0) (i32.const 1)) (i32.add (local.get 1) (i32.const 1)))))))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([VAL.i32, VAL.i32], [VAL.i32])]),
  section(SECTION.function, [[0]]),
  section(SECTION.export, [exportOf('count', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [
    0x20, 0x00, 0x45, 0x04, VAL.i32, // local.get 0; i32.eqz; if (result i32)
    0x20, 0x01, 0x05, // local.get 1; else
    0x20, 0x00, 0x41, 0x01, 0x6b, 0x20, 0x01, 0x41, 0x01, 0x6a, // n - 1, acc + 1
    0x12, 0x00, 0x0b, // return_call $count; end
  ])]),
);

export default featureProbe({
  id: 'feature.tailCall',
  title: 'Tail calls',
  proposal: 'Tail Call',
  detect: tailCall,
  absent: 'does not validate (return_call rejected)',
  async knownAnswer() {
    const { count } = await instantiate<{ count(n: number, acc: number): number }>(wasm);
    return { what: `return_call recursion ${DEPTH} deep`, got: count(DEPTH, 0), expected: DEPTH };
  },
});
