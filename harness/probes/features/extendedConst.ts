// Feature: arithmetic in constant expressions. Proposal: Extended Constant Expressions (features.json "extendedConst").
import { extendedConst } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './extendedConst.wat';

export default featureProbe({
  featuresJson: 'extendedConst',
  title: 'Extended constant expressions',
  proposal: 'Extended Constant Expressions',
  detect: extendedConst,
  absent: 'does not validate (i32.add in a global initializer rejected)',
  async knownAnswer() {
    const { g } = await instantiate<{ g: WebAssembly.Global }>(wasm);
    return { what: 'global = 4 * 10 + 2', got: g.value, expected: 42 };
  },
});
