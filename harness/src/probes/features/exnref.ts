// Feature: exception handling with exnref (try_table, throw_ref). Proposal: Exception Handling with exnref (features.json "exceptionsFinal").
import { exceptionsFinal } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, wasmModule } from './_wasmBytes.ts';

// (module (tag $e (param i32))
//   (func (export "run") (param i32) (result i32)
//     (block $outer (result i32)
//       (try_table (catch $e $outer)                 ;; catches the rethrown exception's i32
//         (block $inner (result exnref)
//           (try_table (catch_all_ref $inner) (throw $e (local.get 0)))
//           (unreachable))
//         (throw_ref))                               ;; rethrow what $inner caught
//       (unreachable))
//     (i32.add (i32.const 1))))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([VAL.i32], []), funcType([VAL.i32], [VAL.i32])]),
  section(SECTION.function, [[1]]),
  section(SECTION.tag, [[0x00, 0]]),
  section(SECTION.export, [exportOf('run', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [
    0x02, VAL.i32, // block $outer (result i32)
    0x1f, 0x40, 0x01, 0x00, 0x00, 0x00, // try_table (catch $e 0)
    0x02, VAL.exnref, // block $inner (result exnref)
    0x1f, 0x40, 0x01, 0x03, 0x00, // try_table (catch_all_ref 0)
    0x20, 0x00, 0x08, 0x00, 0x0b, // local.get 0; throw $e; end
    0x00, 0x0b, // unreachable; end $inner
    0x0a, 0x0b, // throw_ref; end try_table
    0x00, 0x0b, // unreachable; end $outer
    0x41, 0x01, 0x6a, // i32.const 1; i32.add
  ])]),
);

export default featureProbe({
  id: 'feature.exnref',
  title: 'Exception handling (exnref)',
  proposal: 'Exception Handling with exnref',
  detect: exceptionsFinal,
  absent: 'does not validate (try_table / exnref rejected)',
  async knownAnswer() {
    const { run } = await instantiate<{ run(n: number): number }>(wasm);
    return { what: 'throw 41, catch_all_ref, throw_ref, catch, add 1', got: run(41), expected: 42 };
  },
});
