// Feature: arithmetic in constant expressions. Proposal: Extended Constant Expressions (features.json "extendedConst").
import { extendedConst } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, exportOf, section, wasmModule } from './_wasmBytes.ts';

// (module (global (export "g") i32 (i32.add (i32.mul (i32.const 4) (i32.const 10)) (i32.const 2))))
export const wasm = wasmModule(
  section(SECTION.global, [[VAL.i32, 0x00, 0x41, 4, 0x41, 10, 0x6c, 0x41, 2, 0x6a, 0x0b]]), // immutable i32; i32.mul; i32.add; end
  section(SECTION.export, [exportOf('g', EXPORT.global, 0)]),
);

export default featureProbe({
  id: 'feature.extendedConst',
  title: 'Extended constant expressions',
  proposal: 'Extended Constant Expressions',
  detect: extendedConst,
  absent: 'does not validate (i32.add in a global initializer rejected)',
  async knownAnswer() {
    const { g } = await instantiate<{ g: WebAssembly.Global }>(wasm);
    return { what: 'global = 4 * 10 + 2', got: g.value, expected: 42 };
  },
});
