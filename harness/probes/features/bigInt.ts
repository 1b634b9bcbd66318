// Feature: JS BigInt <-> wasm i64 at the boundary. Proposal: JS BigInt to Wasm i64 Integration (features.json "bigInt").
// wasm-feature-detect's bigInt() already calls an i64 function, so detection here is instantiation, not validation.
import { bigInt } from 'wasm-feature-detect';
import { featureProbe, instantiate } from '../featureProbe.ts';
import wasm from './bigInt.wat';

export default featureProbe({
  featuresJson: 'bigInt',
  title: 'BigInt <-> i64 integration',
  proposal: 'JS BigInt to Wasm i64 Integration',
  detect: bigInt,
  detected: 'i64 crosses the JS boundary',
  absent: 'an i64 function cannot be called with a BigInt',
  async knownAnswer() {
    const { inc } = await instantiate<{ inc(n: bigint): bigint }>(wasm);
    // 2^53 + 1 is not a double, and 2^63 - 1 + 1 must wrap to a signed -2^63.
    return { what: 'i64 inc of 2^53+1, 2^63-1', got: [inc(2n ** 53n + 1n), inc(2n ** 63n - 1n)], expected: [2n ** 53n + 2n, -(2n ** 63n)] };
  },
});
