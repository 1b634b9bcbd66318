// Feature: several memories in one module. Proposal: Multiple Memories (features.json "multiMemory").
import { multiMemory } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './multiMemory.wat';

export default featureProbe({
  featuresJson: 'multiMemory',
  title: 'Multiple memories',
  proposal: 'Multiple Memories',
  detect: multiMemory,
  absent: 'does not validate (a second memory rejected)',
  async knownAnswer() {
    const { a, run } = await instantiate<{ a: WebAssembly.Memory; run(): number }>(wasm);
    return { what: 'copied $a to $b and loaded from $b; $a at 16', got: [run(), new Int32Array(a.buffer)[4]], expected: [0x01020304, 0] };
  },
});
