// Feature: stack switching (cont.new, resume, suspend). Proposal: Stack Switching (features.json "stackSwitching").
// wasm-feature-detect has no detector for it, so detection validates the probe's own module.
import { featureProbe, instantiate, validates } from '../featureProbe.ts';
import wasm from './stackSwitching.wat';

export default featureProbe({
  featuresJson: 'stackSwitching',
  title: 'Stack switching (continuations)',
  proposal: 'Stack Switching',
  detect: validates(wasm),
  absent: 'does not validate (continuation types, resume or suspend rejected)',
  async knownAnswer() {
    const { run } = await instantiate<{ run(): unknown }>(wasm);
    return { what: 'continuation suspended with 10, 20, 12 and resumed after each (sum, suspensions)', got: run(), expected: [42, 3] };
  },
});
