// Feature: multi-value (a function returning two values). Proposal: Multi-value (features.json "multiValue").
import { multiValue } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './multiValue.wat';

export default featureProbe({
  featuresJson: 'multiValue',
  title: 'Multi-value',
  proposal: 'Multi-value',
  detect: multiValue,
  absent: 'does not validate (a function with two results rejected)',
  async knownAnswer() {
    const { swap } = await instantiate<{ swap(a: number, b: number): unknown }>(wasm);
    return { what: 'swap(1, 2)', got: swap(1, 2), expected: [2, 1] };
  },
});
