// The small parts of serving: Accept-Encoding negotiation in preview, precompression, the page's
// referenced assets, encoding lists, the targets a run plans, and the wasm damage of the fixtures.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from '../../harness/precompress.ts';
import { negotiateEncoding } from '../../serving/servePrecompressed.ts';
import { cacheControlFor, corsHeadersFor, HASHED_ASSET } from '../../deploy/headerPolicy.ts';
import { codeSection, corruptCode, truncate } from '../brokenDeployments/damageWasm.ts';
import { referencedAssets } from '../../serving/checks/checkDeployment.ts';
import { parseEncodings } from '../../serving/checks/servingProfile.ts';
import { planTargets } from '../../serving/targets/plan.ts';

test('Accept-Encoding: brotli first, q=0 refuses, * accepts, identity otherwise', () => {
  assert.equal(negotiateEncoding('gzip, deflate, br, zstd', ['br', 'gzip']), 'br');
  assert.equal(negotiateEncoding('gzip, deflate', ['br', 'gzip']), 'gzip');
  assert.equal(negotiateEncoding('br;q=0, gzip;q=0.5', ['br', 'gzip']), 'gzip');
  assert.equal(negotiateEncoding('*', ['gzip']), 'gzip');
  assert.equal(negotiateEncoding('identity', ['br', 'gzip']), null);
  assert.equal(negotiateEncoding(undefined, ['br']), null);
  assert.equal(negotiateEncoding('br', ['gzip']), null);
});

test('hashed assets are immutable, the rest revalidated; CORS only on .wasm', () => {
  assert.equal(cacheControlFor('/assets/wasm_compat_bg-C9o9UeKm.wasm'), 'public, max-age=31536000, immutable');
  assert.equal(cacheControlFor('/sub/path/assets/wasm_compat--CJy_m8x.js'), 'public, max-age=31536000, immutable');
  assert.equal(cacheControlFor('/index.html'), 'no-cache');
  assert.equal(cacheControlFor('/build-info.json'), 'no-cache');
  assert.equal(HASHED_ASSET.test('/assets/app.js'), false);
  assert.deepEqual(corsHeadersFor('/assets/x-12345678.wasm'), { 'Access-Control-Allow-Origin': '*' });
  assert.deepEqual(corsHeadersFor('/index.html'), {});
});

test('precompress writes .gz and .br that decompress to the file, and skips small or binary-only files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-precompress-'));
  try {
    const big = join(dir, 'a.js');
    writeFileSync(big, 'console.log("wasm-compat");\n'.repeat(100));
    assert.deepEqual(precompress(big), [`${big}.gz`, `${big}.br`]);
    assert.deepEqual(gunzipSync(readFileSync(`${big}.gz`)), readFileSync(big));
    assert.deepEqual(brotliDecompressSync(readFileSync(`${big}.br`)), readFileSync(big));
    const small = join(dir, 'b.js');
    writeFileSync(small, 'x');
    assert.deepEqual(precompress(small), []);
    const png = join(dir, 'c.png');
    writeFileSync(png, Buffer.alloc(4096));
    assert.deepEqual(precompress(png), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the page references its module scripts, preloads and stylesheets, same-origin only', () => {
  const html = `<script type="module" crossorigin src="./assets/index-Bj9LtPBj.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/wasm_compat_bg-DgcReaT-.js">
    <link rel="stylesheet" crossorigin href="./assets/index-DQuZPHRm.css">
    <link rel="icon" href="data:,"><script src="https://cdn.example/x.js"></script>`;
  assert.deepEqual(referencedAssets(html, 'http://h.example/app/'), [
    'http://h.example/app/assets/index-Bj9LtPBj.js',
    'http://h.example/app/assets/wasm_compat_bg-DgcReaT-.js',
    'http://h.example/app/assets/index-DQuZPHRm.css',
  ]);
});

test('encoding lists', () => {
  assert.deepEqual(parseEncodings('br,gzip'), ['br', 'gzip']);
  assert.deepEqual(parseEncodings(' gzip '), ['gzip']);
  assert.deepEqual(parseEncodings('none'), []);
  assert.throws(() => parseEncodings('deflate'), /unknown encoding "deflate"/);
});

test('targets: preview alone by default, the nginx matrix with WASM_COMPAT_MATRIX=1; a base URL alone; kinds from env', () => {
  assert.deepEqual(planTargets({}).matrix, []);
  assert.throws(() => planTargets({ WASM_COMPAT_MATRIX: 'yes' }), /WASM_COMPAT_MATRIX="yes": .*\(it takes 0 or 1\)/);
  const plain = planTargets({ WASM_COMPAT_MATRIX: '1' });
  assert.deepEqual([plain.primary.name, plain.primary.kind, plain.primary.url, typeof plain.primary.start], ['preview', 'preview', null, 'function']);
  assert.deepEqual(
    plain.matrix.map((t) => [t.name, t.kind, t.isolation]),
    [
      ['nginx', 'nginx', 'require-corp'],
      ['credentialless', 'nginx', 'credentialless'],
      ['not-isolated', 'nginx', 'none'],
    ],
  );
  const nginx = planTargets({ WASM_COMPAT_TARGET: 'nginx', WASM_COMPAT_MATRIX: '1' });
  assert.equal(nginx.primary.name, 'nginx');
  assert.deepEqual(
    nginx.matrix.map((t) => t.name),
    ['credentialless', 'not-isolated'],
  );
  assert.deepEqual(planTargets({ WASM_COMPAT_MATRIX: '0' }).matrix, []);
  const dev = planTargets({ WASM_COMPAT_TARGET: 'dev' }).primary;
  assert.deepEqual([dev.name, dev.serving.encodings, dev.serving.hashedAssets], ['dev', [], false]);
  const url = planTargets({
    WASM_COMPAT_BASE_URL: 'https://staging.example.com/app/index.html',
    WASM_COMPAT_ISOLATION: 'credentialless',
    WASM_COMPAT_ENCODINGS: 'gzip',
  });
  assert.deepEqual(
    [url.primary.url, url.primary.isolation, url.primary.serving.encodings, url.primary.start, url.matrix],
    ['https://staging.example.com/app/', 'credentialless', ['gzip'], null, []],
  );
  assert.throws(() => planTargets({ WASM_COMPAT_TARGET: 'apache' }), /WASM_COMPAT_TARGET="apache": .*\(it takes preview, dev or nginx\)/);
  assert.throws(() => planTargets({ WASM_COMPAT_BASE_URL: 'not a url' }), /WASM_COMPAT_BASE_URL="not a url": expected a URL/);
  assert.throws(() => planTargets({ WASM_COMPAT_BASE_URL: 'https://x.example/', WASM_COMPAT_ISOLATION: 'yes' }), /WASM_COMPAT_ISOLATION/);
});

test('the fixtures damage a .wasm the way they say: half of it, or its code overwritten in place', () => {
  const wasm = new Uint8Array(readFileSync(join('crate', 'pkg', 'wasm_compat_bg.wasm')));
  assert.equal(truncate(wasm).byteLength, Math.floor(wasm.byteLength / 2));
  const corrupt = corruptCode(wasm);
  assert.equal(corrupt.byteLength, wasm.byteLength);
  assert.deepEqual(corrupt.slice(0, 8), wasm.slice(0, 8), 'magic and version kept');
  const { start, end } = codeSection(wasm);
  const changed = corrupt.findIndex((b, i) => b !== wasm[i]);
  assert.ok(changed >= start && changed < end, 'the change is inside the code section');
  assert.equal(WebAssembly.validate(corrupt), false);
  assert.equal(WebAssembly.validate(truncate(wasm)), false);
});
