// The streaming probes' module and its trickle: a valid module of the size the probe assumes, the
// same bytes every time, copies that differ only by a custom section; nginx's trickle location and
// the fixture that turns it into a buffering proxy; the trickle server's paths and pace.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import {
  isTrickleLookup,
  STREAMING_MODULE_FILE,
  streamingModule,
  TRICKLE_LOOKUP_PARAM,
  TRICKLE_PATH,
  withCustomSection,
  withLeadingSection,
} from '../../harness/streaming/streamingModule.ts';
import { renderNginxConf } from '../../serving/nginx/nginxConf.ts';
import { BUFFERED_REWRITE, TRICKLE_REWRITE, withTrickleLocation } from '../../serving/nginx/trickleLocation.ts';
import { startTrickleServer } from '../../serving/trickle.ts';

const module = streamingModule();

test('the generated module validates, is megabytes big, and is the same bytes every time', () => {
  assert.ok(WebAssembly.validate(module));
  assert.ok(module.byteLength > 3_500_000 && module.byteLength < 4_500_000, `${module.byteLength} bytes`);
  assert.deepEqual(streamingModule(), module);
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(module)), [{ name: 'f', kind: 'function' }]);
});

test('a copy with a leading custom section is another valid module, different before its code section', () => {
  const copy = withLeadingSection(module, 'run-1');
  assert.ok(WebAssembly.validate(copy));
  assert.deepEqual(copy.subarray(0, 8), module.subarray(0, 8));
  assert.equal(copy[8], 0);
  assert.equal(WebAssembly.Module.customSections(new WebAssembly.Module(copy), 'run-1').length, 1);
  assert.ok(isTrickleLookup(`http://h/x/${TRICKLE_PATH}?${TRICKLE_LOOKUP_PARAM}=1`, 'HEAD'));
  assert.ok(!isTrickleLookup(`http://h/x/${TRICKLE_PATH}?${TRICKLE_LOOKUP_PARAM}=1`, 'GET'), 'only the HEAD look-up');
  assert.ok(!isTrickleLookup(`http://h/x/${TRICKLE_PATH}`, 'HEAD'), 'only the marked look-up');
  assert.ok(!isTrickleLookup(`http://h/x/${STREAMING_MODULE_FILE}?${TRICKLE_LOOKUP_PARAM}=1`, 'HEAD'), 'only the trickle path');
});

test('a copy with a custom section is another valid module with the tag in it', () => {
  const copy = withCustomSection(module, 'run-1');
  assert.ok(WebAssembly.validate(copy));
  assert.notDeepEqual(copy, module);
  assert.equal(WebAssembly.Module.customSections(new WebAssembly.Module(copy), 'run-1').length, 1);
});

const conf = renderNginxConf({
  listen: '127.0.0.1:8080',
  root: '/srv/root',
  prefix: '/tmp/p',
  modules: '/usr/lib/nginx/modules',
  coop: 'same-origin',
  coep: 'require-corp',
});

test("nginx's trickle location proxies, unbuffered and uncompressed, to the loopback trickle server", () => {
  const withTrickle = withTrickleLocation(conf, 'http://127.0.0.1:4321/');
  assert.equal(withTrickle.split(TRICKLE_REWRITE).length, 2);
  assert.match(
    withTrickle,
    new RegExp(
      `location ~ /${TRICKLE_PATH.replaceAll('.', '\\\\\\.').replaceAll('/', '\\/')}\\$ \\{[^}]*proxy_buffering off;[^}]*proxy_pass http://127\\.0\\.0\\.1:4321;`,
    ),
  );
  assert.match(withTrickle, /brotli off;/);
  // Headers come from the server level: the location must not add its own.
  const location = withTrickle.slice(withTrickle.indexOf('location ~'), withTrickle.indexOf('location / {'));
  assert.doesNotMatch(location, /add_header/);
  assert.throws(() => withTrickleLocation(conf, 'http://example.com:80/'), /must be on http:\/\/127\.0\.0\.1/);
  assert.throws(() => withTrickleLocation(withTrickle.replace('location / {', 'location /x {'), 'http://127.0.0.1:1/'), /expected "location \/ \{" once/);
  assert.notEqual(TRICKLE_REWRITE, BUFFERED_REWRITE);
});

function get(url: string): Promise<{ status: number; type: string | undefined; body: Uint8Array<ArrayBuffer>; chunks: number }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: new Uint8Array(Buffer.concat(parts)), chunks: parts.length }),
      );
    })
      .on('error', reject)
      .end();
  });
}

test('the trickle server sends a tagged copy as application/wasm: trickled in many chunks, or held and sent whole', async () => {
  const small = streamingModule({ functions: 600, opsPerFunction: 40 });
  const server = await startTrickleServer(small);
  try {
    const trickled = await get(`${server.url}trickled?load=1`);
    assert.equal(trickled.status, 200);
    assert.equal(trickled.type, 'application/wasm');
    assert.ok(WebAssembly.validate(trickled.body));
    // Each request's copy is its own, first in the module (V8 keys streaming on the bytes before the code section).
    assert.equal(WebAssembly.Module.customSections(new WebAssembly.Module(trickled.body), 'wasm-compat: trickled load=1').length, 1);
    assert.equal(trickled.body[8], 0, 'a custom section right after the header');
    assert.ok(trickled.chunks >= 2, `${trickled.chunks} chunks`);
    const buffered = await get(`${server.url}buffered?load=1`);
    assert.deepEqual(buffered.body, trickled.body);
    assert.notDeepEqual((await get(`${server.url}trickled?load=2`)).body, trickled.body);
    assert.equal((await get(`${server.url}${STREAMING_MODULE_FILE}`)).status, 404);
  } finally {
    await server.stop();
  }
});
