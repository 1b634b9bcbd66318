// Which Lighthouse runs: 13 under tools/lighthouse13/'s Node 22 where installed, else the
// project's 12.2.3 in process, with the reason; and the suite's text-compression audit, which
// stands in for uses-text-compression (gone in Lighthouse 13) in both.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Lhr } from '../../lighthouse/lhr.ts';
import { chooseLighthouse, describeLighthouse, LIGHTHOUSE13_DIR, nodeVersionAtLeast } from '../../lighthouse/lighthouseEngine.ts';
import { uncompressedText } from '../../lighthouse/textCompression.ts';
import type { WasmNetworkRecord } from '../../lighthouse/wasmTransfer.ts';
import { lhrFixture, networkRecord, siteMobileRuns } from './lighthouseFixtures.ts';
import { scratchDir } from '../scratchDir.ts';

test('Node versions against Lighthouse 13 (node >=22.19)', () => {
  assert.equal(nodeVersionAtLeast('v22.23.5', [22, 19]), true);
  assert.equal(nodeVersionAtLeast('v22.19.0', [22, 19]), true);
  assert.equal(nodeVersionAtLeast('v22.18.9', [22, 19]), false);
  assert.equal(nodeVersionAtLeast('v20.20.2', [22, 19]), false);
  assert.equal(nodeVersionAtLeast('v24.1.0', [22, 19]), true);
  assert.equal(nodeVersionAtLeast('garbage', [22, 19]), false);
});

test('no tools/lighthouse13: the project Lighthouse in process, saying why', () => {
  const empty = scratchDir('lh13-');
  const engine = chooseLighthouse(empty, {});
  assert.equal(engine.kind, 'in-process');
  assert.equal(engine.version, '12.2.3');
  assert.match(describeLighthouse(engine), new RegExp(`^Lighthouse 12\\.2\\.3 in the runner's process \\(Node v\\d+\\.\\d+\\.\\d+\\), not 13: ${empty}.* is not installed`));
});

test('WASM_COMPAT_LIGHTHOUSE_13=0 asks for 12.2.3 even where 13 is installed', () => {
  assert.deepEqual(chooseLighthouse(LIGHTHOUSE13_DIR, { WASM_COMPAT_LIGHTHOUSE_13: '0' }).reason, 'WASM_COMPAT_LIGHTHOUSE_13=0 asks for it');
});

test('tools/lighthouse13 installed: Lighthouse 13 under its own Node 22', (t) => {
  if (!existsSync(join(LIGHTHOUSE13_DIR, 'node_modules', 'lighthouse'))) return t.skip('tools/lighthouse13 is not installed here (scripts/setup.sh)');
  const engine = chooseLighthouse(LIGHTHOUSE13_DIR, {});
  assert.equal(engine.kind, 'child');
  assert.match(engine.version, /^13\./);
  assert.ok(nodeVersionAtLeast(engine.nodeVersion, [22, 19]), engine.nodeVersion);
});

const response = (over: Partial<WasmNetworkRecord>) => networkRecord({ url: 'http://x/assets/app-1.js', mimeType: 'text/javascript', transferSize: 5000, resourceSize: 5000, ...over });

test('uncompressed text: text-like responses of 1,400 bytes or more sent without Content-Encoding', () => {
  const rows = uncompressedText([
    response({}),
    response({ url: 'http://x/m.wasm', mimeType: 'application/wasm', responseHeaders: [{ name: 'Content-Encoding', value: 'br' }] }),
    response({ url: 'http://x/big.wasm', mimeType: 'application/wasm', resourceSize: 200_000, transferSize: 200_300 }),
    response({ url: 'http://x/small.css', mimeType: 'text/css', resourceSize: 1399 }),
    response({ url: 'http://x/photo.jpg', mimeType: 'image/jpeg' }),
    response({ url: 'http://x/cached.js', fromDiskCache: true }),
    response({ url: 'http://x/gone.js', statusCode: 404 }),
    response({ url: 'http://x/id.json', mimeType: 'application/json', responseHeaders: [{ name: 'content-encoding', value: 'identity' }] }),
  ]);
  assert.deepEqual(
    rows.map((r) => r.url),
    ['http://x/assets/app-1.js', 'http://x/big.wasm', 'http://x/id.json'],
  );
});

test("Chromium 156: Lighthouse 12.2.3's RootCauses gatherer leaves six diagnostics in error; 13 runs every audit", () => {
  const errored = (lhr: Lhr) => Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === 'error');
  const twelve = lhrFixture('index-mobile-run1');
  assert.equal(twelve.lighthouseVersion, '12.2.3');
  assert.deepEqual(errored(twelve).map((a) => a.id).sort(), ['largest-contentful-paint-element', 'layout-shifts', 'lcp-lazy-loaded', 'non-composited-animations', 'prioritize-lcp-image', 'render-blocking-resources']);
  assert.match(errored(twelve).find((a) => a.id === 'layout-shifts')!.errorMessage ?? '', /RootCauses.*frame_sequence/);
  for (const lhr of [...siteMobileRuns(), lhrFixture('site-desktop')]) {
    assert.match(lhr.lighthouseVersion, /^13\./);
    assert.deepEqual(errored(lhr), []);
    // The suite's audits ran under 13 too: the module once, compressed; nothing text-like uncompressed.
    assert.equal(lhr.audits['wasm-transfer-size']!.details!.items!.length, 1);
    assert.equal(lhr.audits['uncompressed-text']!.numericValue, 0);
  }
});
