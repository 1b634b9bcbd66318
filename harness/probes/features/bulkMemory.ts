// Feature: bulk memory (memory.fill, memory.copy). Proposal: Bulk Memory Operations (features.json "bulkMemory").
import { bulkMemory } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './bulkMemory.wat';

export default featureProbe({
  featuresJson: 'bulkMemory',
  title: 'Bulk memory operations',
  proposal: 'Bulk Memory Operations',
  detect: bulkMemory,
  absent: 'does not validate (memory.fill / memory.copy rejected)',
  async knownAnswer() {
    const { run } = await instantiate<{ run(): number }>(wasm);
    return { what: 'fill 3 bytes, copy them, load i32 (hex)', got: (run() >>> 0).toString(16), expected: 'ababab00' };
  },
});
