// Feature: sign-extension operators (i32.extend8_s). Proposal: Sign-extension Operators (features.json "signExtensions").
import { signExtensions } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './signExtension.wat';

export default featureProbe({
  featuresJson: 'signExtensions',
  title: 'Sign-extension operators',
  proposal: 'Sign-extension Operators',
  detect: signExtensions,
  absent: 'does not validate (i32.extend8_s rejected)',
  async knownAnswer() {
    const { extend8 } = await instantiate<{ extend8(n: number): number }>(wasm);
    return { what: 'i32.extend8_s of 0x80, 0x17f', got: [extend8(0x80), extend8(0x17f)], expected: [-128, 127] };
  },
});
