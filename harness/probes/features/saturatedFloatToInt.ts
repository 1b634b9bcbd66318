// Feature: non-trapping float-to-int conversions (i32.trunc_sat_f64_s). Proposal: Non-trapping float-to-int Conversions (features.json "saturatedFloatToInt").
import { saturatedFloatToInt } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './saturatedFloatToInt.wat';

export default featureProbe({
  featuresJson: 'saturatedFloatToInt',
  title: 'Non-trapping float-to-int conversions',
  proposal: 'Non-trapping float-to-int Conversions',
  detect: saturatedFloatToInt,
  absent: 'does not validate (trunc_sat instructions rejected)',
  async knownAnswer() {
    const { trunc } = await instantiate<{ trunc(x: number): number }>(wasm);
    return { what: 'i32.trunc_sat_f64_s of 1e20, NaN, -1e20', got: [trunc(1e20), trunc(NaN), trunc(-1e20)], expected: [2147483647, 0, -2147483648] };
  },
});
