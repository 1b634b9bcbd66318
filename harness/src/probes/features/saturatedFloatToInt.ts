// Feature: non-trapping float-to-int conversions (i32.trunc_sat_f64_s). Proposal: Non-trapping float-to-int Conversions (features.json "saturatedFloatToInt").
import { saturatedFloatToInt } from 'wasm-feature-detect';
import { featureProbe, instantiate } from './_featureProbe.ts';
import { EXPORT, SECTION, VAL, body, exportOf, funcType, section, wasmModule } from './_wasmBytes.ts';

// (module (func (export "trunc") (param f64) (result i32) (i32.trunc_sat_f64_s (local.get 0))))
export const wasm = wasmModule(
  section(SECTION.type, [funcType([VAL.f64], [VAL.i32])]),
  section(SECTION.function, [[0]]),
  section(SECTION.export, [exportOf('trunc', EXPORT.func, 0)]),
  section(SECTION.code, [body([], [0x20, 0x00, 0xfc, 0x02])]), // i32.trunc_sat_f64_s
);

export default featureProbe({
  id: 'feature.saturatedFloatToInt',
  title: 'Non-trapping float-to-int conversions',
  proposal: 'Non-trapping float-to-int Conversions',
  detect: saturatedFloatToInt,
  absent: 'does not validate (trunc_sat instructions rejected)',
  async knownAnswer() {
    const { trunc } = await instantiate<{ trunc(x: number): number }>(wasm);
    return { what: 'i32.trunc_sat_f64_s of 1e20, NaN, -1e20', got: [trunc(1e20), trunc(NaN), trunc(-1e20)], expected: [2147483647, 0, -2147483648] };
  },
});
