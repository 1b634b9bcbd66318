// Which Lighthouse runs and under which Node: the project's Lighthouse in this process, refused
// under a Node below its engines floor; and the suite's text-compression audit, which stands in for
// uses-text-compression (gone in Lighthouse 13).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Lhr } from '../../lighthouse/lhr.ts';
import { describeLighthouse, engineFloor, lighthouseRuntime, nodeVersionAtLeast } from '../../lighthouse/lighthouseRuntime.ts';
import { uncompressedText } from '../../lighthouse/textCompression.ts';
import type { WasmNetworkRecord } from '../../lighthouse/wasmTransfer.ts';
import { lhrFixture, networkRecord, siteMobileRuns } from './lighthouseFixtures.ts';
import { scratchDir } from '../scratchDir.ts';

test('Node versions against an engines floor', () => {
  assert.equal(nodeVersionAtLeast('v22.23.5', [22, 19]), true);
  assert.equal(nodeVersionAtLeast('v22.19.0', [22, 19]), true);
  assert.equal(nodeVersionAtLeast('v22.18.9', [22, 19]), false);
  assert.equal(nodeVersionAtLeast('v20.20.2', [22, 19]), false);
  assert.equal(nodeVersionAtLeast('v24.1.0', [22, 19]), true);
  assert.equal(nodeVersionAtLeast('garbage', [22, 19]), false);
  assert.deepEqual(engineFloor('>=22.19'), [22, 19]);
  assert.deepEqual(engineFloor('>=18'), [18, 0]);
  assert.throws(() => engineFloor('^22 || ^24'), /cannot read a Node floor from the engines range "\^22 \|\| \^24"/);
});

test("the project's Lighthouse runs in this process, whose Node meets its engines floor", () => {
  const runtime = lighthouseRuntime();
  assert.match(runtime.version, /^13\./);
  assert.equal(runtime.nodeVersion, process.version);
  assert.equal(runtime.node, process.execPath);
  assert.equal(describeLighthouse(runtime), `Lighthouse ${runtime.version} in the runner's process (Node ${process.version}, ${process.execPath})`);
});

test("a Node below Lighthouse's engines floor is refused, naming both versions and the way out", () => {
  const pkg = join(scratchDir('lh-runtime-'), 'package.json');
  writeFileSync(pkg, JSON.stringify({ version: '13.5.0', engines: { node: '>=22.19' } }));
  assert.throws(
    () => lighthouseRuntime(pkg, 'v20.20.2', '/usr/bin/node'),
    /^Error: Lighthouse 13\.5\.0 needs Node >=22\.19, and this process runs Node v20\.20\.2 \(\/usr\/bin\/node\): run it through npm/,
  );
  assert.equal(lighthouseRuntime(pkg, 'v22.19.0', '/n').version, '13.5.0');
});

const response = (over: Partial<WasmNetworkRecord>) =>
  networkRecord({ url: 'http://x/assets/app-1.js', mimeType: 'text/javascript', transferSize: 5000, resourceSize: 5000, ...over });

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
  assert.deepEqual(
    errored(twelve)
      .map((a) => a.id)
      .sort(),
    ['largest-contentful-paint-element', 'layout-shifts', 'lcp-lazy-loaded', 'non-composited-animations', 'prioritize-lcp-image', 'render-blocking-resources'],
  );
  assert.match(errored(twelve).find((a) => a.id === 'layout-shifts')!.errorMessage ?? '', /RootCauses.*frame_sequence/);
  for (const lhr of [...siteMobileRuns(), lhrFixture('site-desktop')]) {
    assert.match(lhr.lighthouseVersion, /^13\./);
    assert.deepEqual(errored(lhr), []);
    // The suite's audits ran under 13 too: the module once, compressed; nothing text-like uncompressed.
    assert.equal(lhr.audits['wasm-transfer-size']!.details!.items!.length, 1);
    assert.equal(lhr.audits['uncompressed-text']!.numericValue, 0);
  }
});
