// The proof of a compiler pin (runner/expectations/tierProof.ts) on what pages reported here
// (2026-12-06): each Chromium pin holds only when V8 names the pinned compiler; natives that never
// reached V8, or a function that tiered up under a Liftoff pin, fail naming the pin. Firefox's and
// WebKitGTK's pins hold on their timings, and fail on the timings of the engine unpinned (what a
// misspelt pref or variable leaves) or of another compiler.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tierProofFailures } from '../../runner/expectations/tierProof.ts';
import chromium from '../../runner/engines/registry/chromium.ts';
import firefox from '../../runner/engines/registry/firefox.ts';
import webkit from '../../runner/engines/registry/webkit.ts';

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

const firefoxTier = (name: string) => firefox.tiers!.find((t) => t.name === name)!;
const webkitTier = (name: string) => webkit.tiers!.find((t) => t.name === name)!;
/** Loop and compile times over the JavaScript loop's, as pages reported them (tierProof.ts's table). */
const SEEN = {
  firefoxDefault: { callsOverJs: 0.99, compileOverJs: 0.42 },
  firefoxBaseline: { callsOverJs: 4.61, compileOverJs: 0.36 },
  firefoxIon: { callsOverJs: 1.53, compileOverJs: 4.12 },
  webkitDefault: { callsOverJs: 1.0, compileOverJs: 0.29 },
  webkitBbq: { callsOverJs: 2.68, compileOverJs: 0.28 },
  webkitIpint: { callsOverJs: 55.05, compileOverJs: 0.59 },
};

test("Firefox's and WebKitGTK's pins hold on the timings each showed", () => {
  assert.deepEqual(tierProofFailures(firefoxTier('baseline'), { ...SEEN.firefoxBaseline, warmCalls: 200000 }), []);
  assert.deepEqual(tierProofFailures(firefoxTier('ion'), SEEN.firefoxIon), []);
  assert.deepEqual(tierProofFailures(webkitTier('bbq'), SEEN.webkitBbq), []);
  assert.deepEqual(tierProofFailures(webkitTier('ipint'), SEEN.webkitIpint), []);
});

test('a pin that did nothing (the engine unpinned) fails each timing proof, naming the pin and the times', () => {
  assert.match(
    tierProofFailures(firefoxTier('baseline'), { ...SEEN.firefoxDefault, warmCalls: 200000 })[0]!,
    /^the baseline pin \(javascript\.options\.wasm_optimizingjit=false\): after 200000 calls the loop should still run as baseline code \(≥ 1\.6× the JavaScript loop\), but the warm loop took 0\.99× the JavaScript loop's time, compiling 0\.42×: an optimizing compiler took it over$/,
  );
  assert.match(
    tierProofFailures(firefoxTier('ion'), SEEN.firefoxDefault)[0]!,
    /^the ion pin \(javascript\.options\.wasm_baselinejit=false\): the optimizing compiler should compile the module before its first call \(≥ 1\.5× the JavaScript loop\), but .* compiling 0\.42×: a baseline compiler \(or a lazy one\) compiled it$/,
  );
  assert.match(
    tierProofFailures(webkitTier('bbq'), SEEN.webkitDefault)[0]!,
    /^the bbq pin \(JSC_useOMGJIT=false\): .* took 1\.00× .*an optimizing compiler took it over$/,
  );
  assert.match(
    tierProofFailures(webkitTier('ipint'), SEEN.webkitDefault)[0]!,
    /^the ipint pin \(JSC_useBBQJIT=false JSC_useOMGJIT=false\): the loop should be interpreted \(≥ 15× the JavaScript loop\), but .*: a compiler ran it$/,
  );
});

test("another compiler's timings fail a pin too: the interpreter under the BBQ pin, BBQ under the interpreter pin, Ion under the baseline pin", () => {
  assert.match(tierProofFailures(webkitTier('bbq'), SEEN.webkitIpint)[0]!, /took 55\.05× .*interpreted, not compiled/);
  assert.match(tierProofFailures(webkitTier('ipint'), SEEN.webkitBbq)[0]!, /took 2\.68× .*a compiler ran it/);
  assert.match(tierProofFailures(firefoxTier('baseline'), SEEN.firefoxIon)[0]!, /took 1\.53× .*an optimizing compiler took it over/);
});

test('a page that reported no times fails a timing pin, naming what it lacked', () => {
  assert.match(
    tierProofFailures(firefoxTier('ion'), {})[0]!,
    /^the ion pin \(javascript\.options\.wasm_baselinejit=false\) shows nothing: the page reported no loop or compile times/,
  );
});
