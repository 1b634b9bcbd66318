// Feature: garbage collection (struct and array types). Proposal: Garbage Collection (features.json "gc").
import { gc } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './gc.wat';

export default featureProbe({
  featuresJson: 'gc',
  title: 'Garbage collection (structs and arrays)',
  proposal: 'Garbage Collection',
  detect: gc,
  absent: 'does not validate (struct and array types rejected)',
  async knownAnswer() {
    const { run } = await instantiate<{ run(): unknown }>(wasm);
    return { what: 'struct 20+22, array [0], [1] after set, length', got: run(), expected: [42, 7, 100, 3] };
  },
});
