// features.webContentSecurityPolicy decides from two frames of the page (harness/probes/features/
// webContentSecurityPolicy.ts): the module must be refused under a policy without 'wasm-unsafe-eval'
// and run under one with it. Its decision on what each frame gave, including the engines it must call
// unsupported. Run with build/wat/register.ts (the probe imports its .wat).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ALLOWING_POLICY,
  type Attempt,
  CSP_PROBE_MARKER,
  decideCsp,
  pageAllowsWasm,
  REFUSING_POLICY,
} from '../../harness/probes/features/webContentSecurityPolicy.ts';
import { CONTENT_SECURITY_POLICY } from '../../deploy/headerPolicy.ts';

const ran: Attempt = { ran: true, answer: 42 };
const refused: Attempt = {
  ran: false,
  error: "CompileError: Refused to create a WebAssembly object because 'unsafe-eval' or 'wasm-unsafe-eval' is not an allowed source of script",
};
const SUITE = [CONTENT_SECURITY_POLICY];

test("an engine that refuses without 'wasm-unsafe-eval' and runs with it honours the proposal", () => {
  const decision = decideCsp({ refusing: refused, allowing: ran, pagePolicies: SUITE });
  assert.ok('honoured' in decision && decision.honoured, JSON.stringify(decision));
  assert.match(decision.why, /refused under script-src 'self'/);
});

test('an engine that applies no CSP to WebAssembly is not supported: it ran where the policy forbids it', () => {
  // What an engine without WebAssembly CSP (or a browser told to bypass CSP) gives: both frames run it.
  const decision = decideCsp({ refusing: ran, allowing: ran, pagePolicies: SUITE });
  assert.deepEqual(decision, {
    honoured: false,
    why: `instantiated and ran under ${REFUSING_POLICY} (neither 'wasm-unsafe-eval' nor 'unsafe-eval'): this engine does not hold WebAssembly to the Content-Security-Policy`,
  });
  // The same, on a page with no policy of its own: the frames' policies decide alone.
  assert.deepEqual(decideCsp({ refusing: ran, allowing: ran, pagePolicies: [] }), decision);
});

test("an engine that knows only 'unsafe-eval' is not supported: refused where 'wasm-unsafe-eval' allows it", () => {
  for (const page of [SUITE, [], ["script-src 'self' 'unsafe-eval'"]]) {
    const decision = decideCsp({ refusing: refused, allowing: refused, pagePolicies: page });
    assert.ok('honoured' in decision && !decision.honoured, `${page.join()}: ${JSON.stringify(decision)}`);
    assert.match(decision.why, /does not know 'wasm-unsafe-eval'/);
  }
});

test('a page whose own policy refuses WebAssembly cannot decide it (its frames inherit that policy), and says so', () => {
  const page = ["default-src 'self'; script-src 'self'"];
  assert.equal(pageAllowsWasm(page), false);
  const decision = decideCsp({ refusing: refused, allowing: refused, pagePolicies: page });
  assert.ok('undecided' in decision, JSON.stringify(decision));
  assert.match(decision.undecided, /the page's own Content-Security-Policy refuses WebAssembly/);
});

test("which page policies let WebAssembly run: script-src (or default-src) with 'wasm-unsafe-eval' or 'unsafe-eval', in every policy", () => {
  assert.equal(pageAllowsWasm(SUITE), true);
  assert.equal(pageAllowsWasm([]), true, 'no policy');
  assert.equal(pageAllowsWasm(["img-src 'self'"]), true, 'no policy governs script');
  assert.equal(pageAllowsWasm(["default-src 'self' 'wasm-unsafe-eval'"]), true);
  assert.equal(pageAllowsWasm(["default-src 'self' 'wasm-unsafe-eval'; script-src 'self'"]), false, 'script-src overrides default-src');
  assert.equal(pageAllowsWasm([CONTENT_SECURITY_POLICY, "script-src 'self'"]), false, 'each policy must allow it');
});

test('the two policies: the refusing one names the probe (Firefox logs its refusal as an error) and allows no eval; the allowing one only wasm', () => {
  assert.ok(REFUSING_POLICY.includes(CSP_PROBE_MARKER));
  assert.equal(pageAllowsWasm([REFUSING_POLICY]), false);
  assert.equal(ALLOWING_POLICY, "script-src 'wasm-unsafe-eval'");
  assert.equal(pageAllowsWasm([ALLOWING_POLICY]), true);
});
