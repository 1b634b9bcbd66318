// Feature: tail calls (return_call). Proposal: Tail Call (features.json "tailCall").
// A million-deep self tail call: without real tail calls it overflows the stack, so a pass proves them.
import { tailCall } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './tailCall.wat';

const DEPTH = 1_000_000;

export default featureProbe({
  featuresJson: 'tailCall',
  title: 'Tail calls',
  proposal: 'Tail Call',
  detect: tailCall,
  absent: 'does not validate (return_call rejected)',
  async knownAnswer() {
    const { count } = await instantiate<{ count(n: number, acc: number): number }>(wasm);
    return { what: `return_call recursion ${DEPTH} deep`, got: count(DEPTH, 0), expected: DEPTH };
  },
});
