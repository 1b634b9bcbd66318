// Feature: sign-extension operators (i32.extend8_s). Proposal: Sign-extension Operators (features.json "signExtensions").
import { signExtensions } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, wasmModule } from './_wasmBytes.ts';

// (module (func (export "extend8") (param i32) (result i32) (i32.extend8_s (local.get 0))))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([VAL.i32], [VAL.i32])]),
  section(SECTION.function, [[0]]),
  section(SECTION.export, [exportOf('extend8', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [0x20, 0x00, 0xc0])]), // i32.extend8_s
);

export default featureProbe({
  id: 'feature.signExtension',
  title: 'Sign-extension operators',
  proposal: 'Sign-extension Operators',
  detect: signExtensions,
  absent: 'does not validate (i32.extend8_s rejected)',
  async knownAnswer() {
    const { extend8 } = await instantiate<{ extend8(n: number): number }>(wasm);
    return { what: 'i32.extend8_s of 0x80, 0x17f', got: [extend8(0x80), extend8(0x17f)], expected: [-128, 127] };
  },
});
