// The header rules the page and the Node checks share (deploy/headerRules.ts): each passes on what
// wasm-compat's servers send and fails, naming the cause, on the usual misconfigurations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  corsFinding,
  cspProblems,
  type HeaderGetter,
  immutableFinding,
  isolationFindings,
  isWasmMimeType,
  referrerPolicyFinding,
  revalidateFinding,
  securityFindings,
  serverVersionFinding,
  wasmContentTypeFinding,
} from '../../deploy/headerRules.ts';
import { CONTENT_SECURITY_POLICY, isolationHeaders, SECURITY_HEADERS } from '../../deploy/headerPolicy.ts';

const headers =
  (h: Record<string, string>): HeaderGetter =>
  (name) =>
    Object.entries(h).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? null;

test('what wasm-compat sends passes every rule', () => {
  const get = headers({ ...SECURITY_HEADERS, ...isolationHeaders('require-corp'), Server: 'nginx' });
  assert.deepEqual(
    [...securityFindings(get, 'the page', 'document'), ...isolationFindings(get, 'require-corp', 'the page')].filter((f) => !f.ok),
    [],
  );
  assert.deepEqual(cspProblems(CONTENT_SECURITY_POLICY), []);
});

test("the Content-Type rule agrees with web-platform-tests' cases for streaming compilation (wasm/webapi/contenttype.any.js)", () => {
  const vectors = JSON.parse(readFileSync(new URL('../fixtures/wpt/wasm-contenttype.json', import.meta.url), 'utf8')) as {
    valid: string[];
    invalid: Array<string | null>;
  };
  assert.ok(vectors.valid.length >= 5 && vectors.invalid.length >= 10, 'the stored cases');
  for (const value of vectors.valid) assert.equal(isWasmMimeType(value), true, `valid: ${JSON.stringify(value)}`);
  for (const value of vectors.invalid) assert.equal(isWasmMimeType(value), false, `invalid: ${JSON.stringify(value)}`);
});

test('application/wasm exactly: parameters, other types and none fail, naming the type', () => {
  assert.equal(isWasmMimeType('application/wasm'), true);
  assert.equal(isWasmMimeType(' Application/WASM '), true);
  assert.equal(isWasmMimeType('application/wasm; charset=utf-8'), false);
  const wrong = wasmContentTypeFinding(headers({ 'Content-Type': 'application/octet-stream' }), 'x.wasm');
  assert.equal(wrong.ok, false);
  assert.match(wrong.message, /x\.wasm: served as "application\/octet-stream", not application\/wasm: .*TypeError/);
  assert.match(wasmContentTypeFinding(headers({}), 'x.wasm').message, /without a Content-Type/);
});

test('isolation: each declared variant needs its headers; a missing one is named', () => {
  const none = headers({});
  const [coop, coep] = isolationFindings(none, 'require-corp', 'the page');
  assert.match(coop!.message, /Cross-Origin-Opener-Policy is missing on the page \(want same-origin\).*no SharedArrayBuffer/);
  assert.match(coep!.message, /Cross-Origin-Embedder-Policy is missing/);
  const credentialless = headers(isolationHeaders('credentialless'));
  assert.deepEqual(
    isolationFindings(credentialless, 'credentialless', 'p').map((f) => f.ok),
    [true, true],
  );
  assert.match(isolationFindings(credentialless, 'require-corp', 'p')[1]!.message, /is "credentialless", want require-corp/);
  assert.equal(isolationFindings(none, 'none', 'p')[0]!.ok, true);
  assert.equal(isolationFindings(headers(isolationHeaders('require-corp')), 'none', 'p')[0]!.ok, false, 'isolated where declared not isolated');
});

test('CSP: wasm compilation must be allowed, nothing unsafe beyond it', () => {
  assert.deepEqual(cspProblems("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; frame-ancestors 'none'"), []);
  assert.match(cspProblems("default-src 'self'; object-src 'none'; frame-ancestors 'none'").join(), /lacks 'wasm-unsafe-eval'/);
  assert.match(
    cspProblems("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'").join(),
    /script-src allows 'unsafe-inline'/,
  );
  assert.match(cspProblems("script-src 'self' 'unsafe-eval'; object-src 'none'; frame-ancestors 'none'").join(), /allows 'unsafe-eval'/);
  assert.match(
    cspProblems("script-src 'self' 'wasm-unsafe-eval'; worker-src blob:; object-src 'none'; frame-ancestors 'none'").join(),
    /worker-src allows blob:/,
  );
  assert.match(cspProblems("script-src 'self' 'wasm-unsafe-eval'; frame-ancestors 'none'").join(), /object-src/);
  assert.deepEqual(cspProblems(null), ['no Content-Security-Policy']);
});

test('caching, referrer, server version and CORS rules', () => {
  assert.equal(immutableFinding(headers({ 'Cache-Control': 'public, max-age=31536000, immutable' }), 'a').ok, true);
  assert.equal(immutableFinding(headers({ 'Cache-Control': 'public, max-age=3600' }), 'a').ok, false);
  assert.equal(immutableFinding(headers({}), 'a').ok, false);
  assert.equal(revalidateFinding(headers({ 'Cache-Control': 'no-cache' }), 'p').ok, true);
  assert.match(revalidateFinding(headers({ 'Cache-Control': 'max-age=600' }), 'p').message, /want no-cache/);
  assert.equal(referrerPolicyFinding(headers({ 'Referrer-Policy': 'no-referrer, strict-origin-when-cross-origin' }), 'p').ok, true);
  assert.equal(referrerPolicyFinding(headers({ 'Referrer-Policy': 'unsafe-url' }), 'p').ok, false);
  assert.equal(serverVersionFinding(headers({ Server: 'nginx' }), 'p').ok, true);
  assert.match(serverVersionFinding(headers({ Server: 'nginx/1.22.1' }), 'p').message, /reveals the server software version \(Server: nginx\/1\.22\.1\)/);
  assert.equal(serverVersionFinding(headers({ 'X-Powered-By': 'Express' }), 'p').ok, false);
  assert.equal(corsFinding(headers({ 'Access-Control-Allow-Origin': '*' }), 'https://o.example', 'w').ok, true);
  assert.equal(corsFinding(headers({ 'Access-Control-Allow-Origin': 'https://o.example' }), 'https://o.example', 'w').ok, true);
  assert.match(corsFinding(headers({}), 'https://o.example', 'w').message, /other origins cannot fetch/);
});
