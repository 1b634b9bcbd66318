// Engine resolution decides from files on disk; these tests point it at files that do or do not exist.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeChoice, resolveEngine } from '../../runner/engines/engineResolution.ts';
import { compareVersions, engineKey } from '../../runner/expectations/engineKey.ts';
import { scratchDir } from '../scratchDir.ts';
import { type Environment, environment } from '../../settings/environment.ts';

/** The system-browser search, with `overrides` (this process's own environment is left as it is). */
const systemSearch = (overrides: Record<string, string>): Environment => ({ ...environment(), WASM_COMPAT_SYSTEM_BROWSERS: '1', ...overrides });

function fakeBinary(name: string): string {
  const dir = scratchDir('engine-');
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

test('a system Chromium is used when Playwright has none, with the closed-network flags', () => {
  const env = systemSearch({ WASM_COMPAT_CHROMIUM: fakeBinary('chromium') });
  const choice = resolveEngine('chromium', env);
  assert.equal(choice.kind, 'system');
  assert.ok(choice.kind === 'system' && choice.binary === env.WASM_COMPAT_CHROMIUM);
  assert.ok(choice.kind === 'system' && choice.args.includes('--disable-background-networking'));
});

test('Firefox goes through the moz-firefox BiDi channel', () => {
  const choice = resolveEngine('firefox', systemSearch({ WASM_COMPAT_FIREFOX: fakeBinary('firefox-esr') }));
  assert.ok(choice.kind === 'system' && choice.channel === 'moz-firefox');
});

test('WebKit without WebKitGTK pieces is not run, and the reason names what was looked for', () => {
  const choice = resolveEngine(
    'webkit',
    systemSearch({ WASM_COMPAT_WEBKIT_DRIVER: '/nonexistent/WebKitWebDriver', WASM_COMPAT_MINIBROWSER: '/nonexistent/MiniBrowser' }),
  );
  assert.equal(choice.kind, 'missing');
  assert.match(describeChoice(choice), /not run — WebKit not found: .*WebKitWebDriver.*MiniBrowser/);
});

test('engine keys and version order', () => {
  assert.equal(engineKey({ engine: 'webkit', kind: 'webkitgtk' }), 'webkitgtk');
  assert.equal(engineKey({ engine: 'webkit', kind: 'playwright' }), 'webkit');
  assert.equal(engineKey({ engine: 'firefox', kind: 'system' }), 'firefox');
  assert.equal(compareVersions('2.50.6', '2.46'), 1);
  assert.equal(compareVersions('156.0.8078.108', '156'), 1);
  assert.equal(compareVersions('16.4', '16.4.0'), 0);
  assert.equal(compareVersions('119', '120'), -1);
});
