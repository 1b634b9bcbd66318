// The site page Lighthouse measures by default (harness/site.html): the one call it makes into the
// subject, chosen only where the suite knows what an export does, and the page a fair Lighthouse
// subject (lang, title, description, viewport).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { exportedNames, siteCall } from '../../harness/page/siteCall.ts';
import { PAGES, SITE_PAGE } from '../../lighthouse/pages.ts';

test('the demo crate: sieveCount called once, its answer shown', () => {
  const call = siteCall({ isDemo: true });
  assert.ok(call);
  assert.equal(call.label, 'sieveCount(100000)');
  const calls: unknown[] = [];
  assert.equal(
    call.run({
      sieveCount: (n: number) => {
        calls.push(n);
        return 9592;
      },
    }),
    '9592 primes up to 100,000',
  );
  assert.deepEqual(calls, [100_000]);
  assert.throws(() => call.run({}), /the demo crate's glue has no sieveCount function \(undefined\)/);
});

test('the demo crate exports sieveCount(limit) -> number, as the site page calls it', () => {
  const dts = new URL('../../crate/pkg/wasm_compat.d.ts', import.meta.url);
  if (!existsSync(dts)) return; // crate/pkg not built here; the Rust source below still holds it.
  assert.match(readFileSync(dts, 'utf8'), /export function sieveCount\(limit: number\): number;/);
});

test('any other subject: initialised only, its exports listed, nothing called', () => {
  assert.equal(siteCall({ isDemo: false }), null);
  class Block {}
  assert.deepEqual(exportedNames({ default: () => {}, initSync: () => {}, __wbg_set_wasm: () => {}, memory: {}, greet: () => {}, Block, version: '1' }), [
    'Block',
    'greet',
  ]);
});

test('the site page is a fair Lighthouse subject, and the default page', () => {
  const html = readFileSync(new URL('../../harness/site.html', import.meta.url), 'utf8');
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<title>[^<]+<\/title>/);
  assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1" \/>/);
  assert.match(html, /<meta name="description" content="[^"]+" \/>/);
  // The deployed CSP allows no inline script or style.
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|<style|style="/);
  assert.equal(PAGES[0], SITE_PAGE);
  assert.equal(SITE_PAGE.path, 'site.html');
});
