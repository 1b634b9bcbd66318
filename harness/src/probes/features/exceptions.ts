// Feature: legacy exception handling (try/catch/throw with a tag). Proposal: Legacy Exception Handling (features.json "exceptions").
// The pre-exnref encoding that toolchains emitted for years (Emscripten -fwasm-exceptions before exnref).
import { exceptions } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, wasmModule } from './_wasmBytes.ts';

// (module (tag $e (param i32))
//   (func (export "run") (param i32) (result i32)
//     (try (result i32) (do (throw $e (local.get 0))) (catch $e (i32.add (i32.const 1))))))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([VAL.i32], []), funcType([VAL.i32], [VAL.i32])]),
  section(SECTION.function, [[1]]),
  section(SECTION.tag, [[0x00, 0]]), // tag $e: exception attribute, type 0
  section(SECTION.export, [exportOf('run', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [
    0x06, VAL.i32, // try (result i32)
    0x20, 0x00, 0x08, 0x00, // local.get 0; throw $e
    0x07, 0x00, 0x41, 0x01, 0x6a, // catch $e; i32.const 1; i32.add
    0x0b, // end
  ])]),
);

export default featureProbe({
  id: 'feature.exceptions',
  title: 'Exception handling (legacy try/catch)',
  proposal: 'Legacy Exception Handling',
  detect: exceptions,
  absent: 'does not validate (legacy try/catch rejected)',
  async knownAnswer() {
    const { run } = await instantiate<{ run(n: number): number }>(wasm);
    return { what: 'throw 41, catch it, add 1', got: run(41), expected: 42 };
  },
});
