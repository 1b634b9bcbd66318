// Feature: reference types (externref, table.get/table.set). Proposal: Reference Types (features.json "referenceTypes").
import { referenceTypes } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, wasmModule } from './_wasmBytes.ts';

// (module (table 1 externref)
//   (func (export "roundtrip") (param externref) (result externref)
//     (table.set 0 (i32.const 0) (local.get 0))
//     (table.get 0 (i32.const 0))))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([VAL.externref], [VAL.externref])]),
  section(SECTION.function, [[0]]),
  section(SECTION.table, [[VAL.externref, 0x00, 1]]),
  section(SECTION.export, [exportOf('roundtrip', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [0x41, 0x00, 0x20, 0x00, 0x26, 0x00, 0x41, 0x00, 0x25, 0x00])]), // table.set 0; table.get 0
);

export default featureProbe({
  id: 'feature.referenceTypes',
  title: 'Reference types (externref)',
  proposal: 'Reference Types',
  detect: referenceTypes,
  absent: 'does not validate (reference-typed instructions rejected)',
  async knownAnswer() {
    const { roundtrip } = await instantiate<{ roundtrip(value: unknown): unknown }>(wasm);
    const token = { token: true };
    return { what: 'externref table roundtrip (same object, string)', got: [roundtrip(token) === token, roundtrip('text')], expected: [true, 'text'] };
  },
});
