// deploy/vercel.json is held to the same header policy as deploy/nginx.conf and the Vite servers
// (deploy/headerPolicy.ts): for each kind of path a deployment serves, what Vercel would send.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cacheControlFor, CONTENT_TYPES, corsHeadersFor, isolationHeaders, SECURITY_HEADERS } from '../../deploy/headerPolicy.ts';
import { type VercelConfig, vercelHeadersFor } from '../../deploy/vercelHeaders.ts';

const CONFIG = JSON.parse(readFileSync('deploy/vercel.json', 'utf8')) as VercelConfig;

/** A production deployment of the built harness: the page, its record, hashed assets, an unhashed file, a sub-path. */
const PATHS = [
  '/',
  '/index.html',
  '/build-info.json',
  '/assets/index-AbCd1234.js',
  '/assets/index-Ab_d-234.css',
  '/assets/wasm_compat_bg-C9o9UeKm.wasm',
  '/assets/logo.svg',
  '/app/assets/index-AbCd1234.js',
  '/favicon.ico',
];

/** What the policy says a production (COEP require-corp) deployment sends for `path`. */
function policyFor(path: string): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    ...isolationHeaders('require-corp'),
    'Cache-Control': cacheControlFor(path),
    ...corsHeadersFor(path),
    ...(path.endsWith('.wasm') ? { 'Content-Type': CONTENT_TYPES.wasm! } : {}),
  };
}

/** Where vercel.json's headers differ from the policy, one line each. */
function differences(config: VercelConfig): string[] {
  return PATHS.flatMap((path) => {
    const sent = vercelHeadersFor(config, path);
    const want = policyFor(path);
    return [...new Set([...Object.keys(want), ...Object.keys(sent)])]
      .filter((name) => sent[name] !== want[name])
      .map((name) => `${path}: ${name} is ${JSON.stringify(sent[name] ?? null)}, the policy says ${JSON.stringify(want[name] ?? null)}`);
  });
}

test('vercel.json sends exactly what the header policy says, on every kind of path', () => {
  assert.deepEqual(differences(CONFIG), []);
});

test('a drift from the policy is caught, naming the path and the header', () => {
  const drifted = structuredClone(CONFIG);
  const all = drifted.headers![0]!.headers;
  all.find((h) => h.key === 'Content-Security-Policy')!.value += '; worker-src blob:';
  drifted.headers![0]!.headers = all.filter((h) => h.key !== 'Cross-Origin-Embedder-Policy');
  const found = differences(drifted);
  assert.ok(
    found.some((d) => /^\/: Cross-Origin-Embedder-Policy is null, the policy says "require-corp"/.test(d)),
    found.join('\n'),
  );
  assert.ok(
    found.some((d) => /^\/index\.html: Content-Security-Policy is ".*worker-src blob:"/.test(d)),
    found.join('\n'),
  );
});
