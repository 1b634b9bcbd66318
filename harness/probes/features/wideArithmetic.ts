// Feature: 128-bit integer arithmetic on i64 pairs (i64.add128, i64.mul_wide_s, i64.mul_wide_u). Proposal: Wide Arithmetic (features.json "wideArithmetic").
// The inputs are the edges a 64-bit emulation gets wrong: a carry out of the low half, and -1 * -1,
// which is 1 signed but 2^128 - 2^65 + 1 unsigned (low 1, high 2^64 - 2, read back as a signed -2).
import { wideArithmetic } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './wideArithmetic.wat';

type Wide = [low: bigint, high: bigint];

export default featureProbe({
  featuresJson: 'wideArithmetic',
  title: 'Wide arithmetic (128-bit)',
  proposal: 'Wide Arithmetic',
  detect: wideArithmetic,
  absent: 'does not validate (i64.add128 rejected)',
  async knownAnswer() {
    const { add128, mulWideS, mulWideU } = await instantiate<{
      add128(aLow: bigint, aHigh: bigint, bLow: bigint, bHigh: bigint): Wide;
      mulWideS(a: bigint, b: bigint): Wide;
      mulWideU(a: bigint, b: bigint): Wide;
    }>(wasm);
    return {
      what: '(low, high) of add128(2^64-1, 1), mul_wide_s(-1, -1), mul_wide_u(-1, -1)',
      got: [add128(-1n, 0n, 1n, 0n), mulWideS(-1n, -1n), mulWideU(-1n, -1n)],
      expected: [
        [0n, 1n],
        [1n, 0n],
        [1n, -2n],
      ],
    };
  },
});
