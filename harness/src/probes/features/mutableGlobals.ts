// Feature: import/export of mutable globals. Proposal: Import/Export of Mutable Globals (features.json "mutableGlobals").
import { mutableGlobals } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, wasmModule } from './_wasmBytes.ts';

// (module (global (export "g") (mut i32) (i32.const 0))
//   (func (export "read") (result i32) (global.get 0)))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([], [VAL.i32])]),
  section(SECTION.function, [[0]]),
  section(SECTION.global, [[VAL.i32, 0x01, 0x41, 0x00, 0x0b]]), // mutable i32 = i32.const 0
  section(SECTION.export, [exportOf('g', EXPORT.global, 0), exportOf('read', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [0x23, 0x00])]), // global.get 0
);

export default featureProbe({
  id: 'feature.mutableGlobals',
  title: 'Mutable globals (import/export)',
  proposal: 'Import/Export of Mutable Globals',
  detect: mutableGlobals,
  absent: 'does not validate (an exported mutable global rejected)',
  async knownAnswer() {
    const { g, read } = await instantiate<{ g: WebAssembly.Global; read(): number }>(wasm);
    g.value = 42;
    return { what: 'global set to 42 from JS, read in wasm', got: read(), expected: 42 };
  },
});
