// The proof of a compiler pin (runner/expectations/tierProof.ts) on what pages reported in
// Chromium 156 here (2026-12-06): each pin holds only when V8 names the pinned compiler; natives
// that never reached V8, or a function that tiered up under a Liftoff pin, fail naming the pin.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tierProofFailures } from '../../runner/expectations/tierProof.ts';
import chromium from '../../runner/engines/registry/chromium.ts';

const tier = (name: string) => chromium.tiers!.find((t) => t.name === name)!;
const answer = (liftoff: boolean, turbofan: boolean) => ({ liftoff, turbofan });

test('an unpinned project has nothing to prove, whatever it saw', () => {
  assert.deepEqual(tierProofFailures(null, { v8: null, v8Unavailable: "SyntaxError: Unexpected token '%'" }), []);
});

test('each Chromium pin holds when V8 names its compiler', () => {
  assert.deepEqual(
    tierProofFailures(tier('liftoff'), { v8: { afterFirstCall: answer(true, false), afterWarmCalls: answer(true, false) }, warmCalls: 200000 }),
    [],
  );
  assert.deepEqual(
    tierProofFailures(tier('turbofan'), { v8: { afterFirstCall: answer(false, true), afterWarmCalls: answer(false, true) }, warmCalls: 200000 }),
    [],
  );
});

test('natives that never reached V8 fail the pin: nothing proves which compiler ran', () => {
  const [failure, ...rest] = tierProofFailures(tier('liftoff'), { v8: null, v8Unavailable: "SyntaxError: Unexpected token '%'" });
  assert.equal(rest.length, 0);
  assert.match(
    failure!,
    /^the liftoff pin \(--js-flags=--allow-natives-syntax --liftoff-only\) shows no effect: V8's natives syntax is unavailable in the page \(SyntaxError: Unexpected token '%'\)/,
  );
});

test('a function that tiered up under the Liftoff pin, or started in Liftoff under the TurboFan pin, fails naming what V8 said', () => {
  assert.match(
    tierProofFailures(tier('liftoff'), { v8: { afterFirstCall: answer(true, false), afterWarmCalls: answer(false, true) }, warmCalls: 200000 })[0]!,
    /the function should stay in Liftoff, but after its first call V8 said %IsLiftoffFunction true, %IsTurboFanFunction false and after 200000 calls %IsLiftoffFunction false, %IsTurboFanFunction true/,
  );
  assert.match(
    tierProofFailures(tier('turbofan'), { v8: { afterFirstCall: answer(true, false), afterWarmCalls: answer(false, true) }, warmCalls: 200000 })[0]!,
    /the function should be TurboFan's from its first call, but V8 said %IsLiftoffFunction true, %IsTurboFanFunction false then/,
  );
});
