// The runner's small decisions: which server serves the harness, the temporary build folder,
// which Chromium with which flags, and one Lighthouse at a time on the machine.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';
import { CHROMIUM_ARGS } from '../../runner/engines/registry/chromium.ts';
import { chromiumForLighthouse, HEADLESS_FLAG } from '../../lighthouse/chromiumForLighthouse.ts';
import { acquireMachineLock } from '../../lighthouse/machineLock.ts';
import { chooseServer, externalServer, harnessBuildFolder } from '../../lighthouse/harnessServer.ts';
import { scratchDir } from '../scratchDir.ts';

function pathWith(withNginx: boolean): NodeJS.ProcessEnv {
  const bin = join(scratchDir('lh-server-'), 'bin');
  mkdirSync(bin);
  if (withNginx) {
    writeFileSync(join(bin, 'nginx'), '#!/bin/sh\n');
    chmodSync(join(bin, 'nginx'), 0o755);
  }
  return { PATH: `/nonexistent${delimiter}${bin}` };
}

test('server: nginx where it is on PATH, else vite preview, saying why', () => {
  const env = pathWith(true);
  assert.deepEqual(chooseServer(env), { kind: 'nginx', reason: `nginx is installed (${join(env.PATH!.split(delimiter)[1]!, 'nginx')})` });
  assert.deepEqual(chooseServer(pathWith(false)), { kind: 'vite-preview', reason: 'nginx is not on PATH: vite preview instead' });
  assert.equal(chooseServer({}).kind, 'vite-preview');
});

test('server: WASM_COMPAT_BASE_URL is measured as given (with a trailing slash), nothing started', async () => {
  const server = externalServer('https://example.test/wasm-compat');
  assert.equal(server.kind, 'external');
  assert.equal(server.baseUrl, 'https://example.test/wasm-compat/');
  assert.match(server.reason, /WASM_COMPAT_BASE_URL/);
  await server.stop();
});

test('server: the build folder is a fresh temporary folder, removed (more than once is fine)', () => {
  const a = harnessBuildFolder();
  const b = harnessBuildFolder();
  assert.notEqual(a.path, b.path);
  assert.ok(a.path.startsWith(tmpdir()) && existsSync(a.path));
  writeFileSync(join(a.path, 'index.html'), '');
  a.remove();
  a.remove();
  b.remove();
  assert.equal(existsSync(a.path), false);
  assert.equal(existsSync(b.path), false);
});

test('chromium: CHROME_PATH wins; the suite flags plus the new headless mode', () => {
  const chrome = join(scratchDir('lh-chrome-'), 'chrome');
  writeFileSync(chrome, '');
  const c = chromiumForLighthouse({ CHROME_PATH: chrome });
  assert.equal(c.binary, chrome);
  assert.equal(c.source, 'CHROME_PATH');
  assert.deepEqual(c.flags, [...CHROMIUM_ARGS, HEADLESS_FLAG]);
  assert.ok(c.flags.includes('--no-sandbox') && c.flags.includes('--disable-background-networking'));
  assert.throws(() => chromiumForLighthouse({ CHROME_PATH: `${chrome}-missing` }), /CHROME_PATH=.*: no such file/);
});

test('machine lock: held as <path>.lock, released, a stale one taken over, a live one waited for', async () => {
  const path = join(scratchDir('lh-lock-'), 'lighthouse.lock');
  const lines: string[] = [];
  const lock = await acquireMachineLock((l) => lines.push(l), path);
  assert.equal(existsSync(`${path}.lock`), true);
  lock.release();
  assert.equal(existsSync(`${path}.lock`), false);

  // A holder that died: its lock was last refreshed two minutes ago.
  mkdirSync(`${path}.lock`);
  const old = new Date(Date.now() - 120_000);
  utimesSync(`${path}.lock`, old, old);
  (await acquireMachineLock((l) => lines.push(l), path)).release();
  assert.equal(lines.length, 0, lines.join('; '));

  const held = await acquireMachineLock((l) => lines.push(l), path);
  const waiting = acquireMachineLock((l) => lines.push(l), path);
  await new Promise((r) => setTimeout(r, 300));
  assert.match(lines[0] ?? '', /^waiting: another Lighthouse run holds .*lighthouse\.lock\.lock$/);
  held.release();
  (await waiting).release();
  assert.equal(existsSync(`${path}.lock`), false);
});
