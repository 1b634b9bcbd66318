// Feature: 64-bit memory indices. Proposal: Memory64 (features.json "memory64").
import { memory64 } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './memory64.wat';

export default featureProbe({
  featuresJson: 'memory64',
  title: 'Memory64',
  proposal: 'Memory64',
  detect: memory64,
  absent: 'does not validate (an i64-indexed memory rejected)',
  async knownAnswer() {
    const { run, pages } = await instantiate<{ run(): number; pages(): bigint }>(wasm);
    return { what: 'i64-addressed store/load, memory.size', got: [run(), pages()], expected: [0x12345678, 1n] };
  },
});
