// Feature: multi-value (a function returning two values). Proposal: Multi-value (features.json "multiValue").
import { multiValue } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, wasmModule } from './_wasmBytes.ts';

// (module (func (export "swap") (param i32 i32) (result i32 i32) (local.get 1) (local.get 0)))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([VAL.i32, VAL.i32], [VAL.i32, VAL.i32])]),
  section(SECTION.function, [[0]]),
  section(SECTION.export, [exportOf('swap', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [0x20, 0x01, 0x20, 0x00])]),
);

export default featureProbe({
  id: 'feature.multiValue',
  title: 'Multi-value',
  proposal: 'Multi-value',
  detect: multiValue,
  absent: 'does not validate (a function with two results rejected)',
  async knownAnswer() {
    const { swap } = await instantiate<{ swap(a: number, b: number): unknown }>(wasm);
    return { what: 'swap(1, 2)', got: swap(1, 2), expected: [2, 1] };
  },
});
