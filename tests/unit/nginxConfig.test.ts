// deploy/nginx.conf: renders for each isolation variant, says what deploy/headerPolicy.ts says
// (the Vite servers apply that file, nginx repeats it literally), and nginx itself accepts it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTENT_TYPES, HASHED_ASSET, IMMUTABLE, ISOLATIONS, isolationHeaders, SECURITY_HEADERS } from '../../deploy/headerPolicy.ts';
import { DEBIAN_MODULES, isolationValues, renderNginxConf } from '../../serving/nginx/nginxConf.ts';

const render = (isolation: (typeof ISOLATIONS)[number], prefix = '/tmp/p') =>
  renderNginxConf({ listen: '127.0.0.1:4180', root: `${prefix}/root`, prefix, modules: DEBIAN_MODULES, ...isolationValues(isolation) });

/** add_header name -> value, as written in the server block. */
function addHeaders(conf: string): Map<string, string> {
  return new Map([...conf.matchAll(/^\s*add_header\s+([\w-]+)\s+"?([^"\n]*?)"?\s+always;/gm)].map((m) => [m[1]!, m[2]!]));
}

test('the config sends the security headers deploy/headerPolicy.ts defines, on every response', () => {
  const h = addHeaders(render('require-corp'));
  for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, ...isolationHeaders('require-corp') })) assert.equal(h.get(name), value, name);
  assert.equal(h.get('Cache-Control'), '$wasm_compat_cache_control');
  assert.equal(h.get('Access-Control-Allow-Origin'), '$wasm_compat_cors');
});

test('isolation variants: COEP credentialless, and no COOP/COEP at all (empty values are not sent)', () => {
  assert.equal(addHeaders(render('credentialless')).get('Cross-Origin-Embedder-Policy'), 'credentialless');
  const none = addHeaders(render('none'));
  assert.equal(none.get('Cross-Origin-Opener-Policy'), '');
  assert.equal(none.get('Cross-Origin-Embedder-Policy'), '');
});

test('no location sets add_header of its own (that would drop the server-level headers)', () => {
  const conf = render('require-corp');
  const locations = conf.match(/^\s*location\b[^{]*\{[^}]*\}/gm) ?? [];
  assert.ok(locations.length >= 1, 'the config has locations to check');
  for (const location of locations) assert.doesNotMatch(location, /add_header/, location);
});

test('types and caching agree with servingHeaders.ts', () => {
  const conf = render('require-corp');
  const types = /types\s*\{([^}]*)\}/.exec(conf)![1]!;
  for (const [ext, type] of Object.entries(CONTENT_TYPES)) {
    assert.match(types, new RegExp(`^\\s*${type.split(';')[0]!.replace(/[+/]/g, '\\$&')}\\s+[^;]*\\b${ext}\\b`, 'm'), `.${ext}`);
  }
  const hashed = /"~\*([^"]+)"\s+"([^"]+)";/.exec(conf)!;
  assert.equal(hashed[2], IMMUTABLE);
  const nginxPattern = new RegExp(hashed[1]!, 'i');
  for (const path of [
    '/assets/wasm_compat_bg-C9o9UeKm.wasm',
    '/assets/wasm_compat--CJy_m8x.js',
    '/a/assets/index-DQuZPHRm.css',
    '/assets/app.js',
    '/index.html',
    '/build-info.json',
  ]) {
    assert.equal(nginxPattern.test(path), HASHED_ASSET.test(path), path);
  }
  assert.doesNotMatch(/charset_types[^;]*;/.exec(conf)![0], /application\/wasm/, 'no charset parameter on application/wasm');
  assert.match(conf, /^\s*server_tokens off;/m);
});

test('rendering refuses values that would inject config, and leaves no placeholder', () => {
  assert.throws(() => renderNginxConf({ listen: '127.0.0.1:1; evil', root: '/r', prefix: '/p', modules: '/m', coop: '', coep: '' }), /listen/);
  assert.throws(() => renderNginxConf({ listen: '127.0.0.1:1', root: '/r', prefix: '/p', modules: '/m', coop: 'x"y', coep: '' }), /coop/);
  assert.throws(() => renderNginxConf({ listen: '127.0.0.1:1', root: '/r', prefix: '/p', modules: '/m', coop: '', coep: '' }, 'root @@NOPE@@;'), /@@NOPE@@/);
  assert.doesNotMatch(
    render('none')
      .split('\n')
      .filter((l) => !l.trim().startsWith('#'))
      .join('\n'),
    /@@/,
  );
});

const nginx = spawnSync('nginx', ['-v']).status === 0 && existsSync(join(DEBIAN_MODULES, 'ngx_http_brotli_static_module.so'));

test('nginx -t accepts every variant, with everything under its prefix', {
  skip: nginx ? false : 'nginx or its brotli modules are not installed (scripts/setup.sh)',
}, () => {
  for (const isolation of ISOLATIONS) {
    const prefix = mkdtempSync(join(tmpdir(), 'wasm-compat-nginx-t-'));
    try {
      for (const dir of ['logs', 'temp', 'root']) mkdirSync(join(prefix, dir));
      writeFileSync(join(prefix, 'nginx.conf'), render(isolation, prefix));
      const result = spawnSync('nginx', ['-t', '-q', '-c', join(prefix, 'nginx.conf'), '-p', prefix], { encoding: 'utf8' });
      assert.equal(result.status, 0, `${isolation}: ${result.stderr}`);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  }
});
