// The runner's small decisions: which production server, which Chromium with which flags, and one
// Lighthouse at a time on the machine.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CHROMIUM_ARGS } from '../engines/engineResolution.ts';
import { chromiumForLighthouse, HEADLESS_FLAG } from '../../scripts/lighthouse/chromiumForLighthouse.ts';
import { acquireMachineLock } from '../../scripts/lighthouse/machineLock.ts';
import { chooseServer } from '../../scripts/lighthouse/productionServer.ts';

function project(scripts: Record<string, string>, withNginx: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'lh-server-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ scripts }));
  const bin = join(root, 'bin');
  mkdirSync(bin);
  if (withNginx) {
    writeFileSync(join(bin, 'nginx'), '#!/bin/sh\n');
    chmodSync(join(bin, 'nginx'), 0o755);
  }
  return { root, env: { PATH: bin } };
}

test('server: npm run serve (nginx) when the script exists and nginx is installed, else vite preview, saying why', () => {
  const both = project({ serve: 'bash scripts/serve-nginx.sh' }, true);
  assert.deepEqual(chooseServer(both.root, 4195, both.env), { kind: 'nginx', command: ['npm', 'run', 'serve', '--', '--port', '4195'], reason: 'package.json has "serve" and nginx is installed' });
  const noScript = project({}, true);
  const preview = chooseServer(noScript.root, 4195, noScript.env);
  assert.equal(preview.kind, 'vite-preview');
  assert.deepEqual(preview.command, ['bash', 'scripts/serve-preview.sh', '4195']);
  assert.match(preview.reason, /package\.json has no "serve" script/);
  const noNginx = project({ serve: 'x' }, false);
  assert.match(chooseServer(noNginx.root, 4195, noNginx.env).reason, /^nginx is not installed/);
});

test('chromium: CHROME_PATH wins; the suite flags plus the new headless mode', () => {
  const chrome = join(mkdtempSync(join(tmpdir(), 'lh-chrome-')), 'chrome');
  writeFileSync(chrome, '');
  const c = chromiumForLighthouse({ CHROME_PATH: chrome });
  assert.equal(c.binary, chrome);
  assert.equal(c.source, 'CHROME_PATH');
  assert.deepEqual(c.flags, [...CHROMIUM_ARGS, HEADLESS_FLAG]);
  assert.ok(c.flags.includes('--no-sandbox') && c.flags.includes('--disable-background-networking'));
  assert.throws(() => chromiumForLighthouse({ CHROME_PATH: `${chrome}-missing` }), /CHROME_PATH=.*: no such file/);
});

test('machine lock: held with our pid, released, a stale lock taken over, a live one waited for', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'lh-lock-')), 'lighthouse.lock');
  const lines: string[] = [];
  const lock = await acquireMachineLock((l) => lines.push(l), path);
  assert.equal(readFileSync(path, 'utf8'), String(process.pid));
  lock.release();
  assert.equal(existsSync(path), false);

  writeFileSync(path, '2147483646'); // no such process
  (await acquireMachineLock((l) => lines.push(l), path)).release();
  assert.equal(lines.length, 0);

  const other = spawn('sleep', ['30']);
  try {
    writeFileSync(path, String(other.pid));
    const waiting = acquireMachineLock((l) => lines.push(l), path);
    await new Promise((r) => setTimeout(r, 300));
    assert.match(lines[0] ?? '', new RegExp(`waiting: another Lighthouse run holds .* \\(pid ${other.pid}\\)`));
    other.kill();
    await new Promise((r) => other.once('exit', r));
    (await waiting).release();
  } finally {
    other.kill();
  }
});
