// Engine resolution decides from files on disk; these tests point it at files that do or do not exist.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { type EngineChoice, launchOptions } from '../../runner/engines/engineChoice.ts';
import { describeChoice, resolveEngine } from '../../runner/engines/engineResolution.ts';
import { headlessShellBeside } from '../../runner/engines/registry/chromium.ts';
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

test('a headless run launches the headless shell installed beside a found chromium; headed, or a named binary, the browser itself', () => {
  const dir = scratchDir('engine-');
  const browser = join(dir, 'chromium');
  assert.equal(headlessShellBeside(browser), undefined, 'no shell installed: none');
  for (const name of ['chromium', 'chromium-headless-shell']) {
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), 0o755);
  }
  const shell = join(dir, 'chromium-headless-shell');
  assert.equal(headlessShellBeside(browser), shell);
  assert.equal(headlessShellBeside(join(dir, 'google-chrome')), undefined, "another browser's neighbour is not its shell");

  const found: EngineChoice = { engine: 'chromium', kind: 'system', binary: browser, args: [], source: 'system Chromium', headlessShell: shell };
  assert.ok(found.kind === 'system');
  assert.equal(launchOptions(found, true).executablePath, shell);
  assert.equal(launchOptions(found, false).executablePath, browser, '--headed needs the browser: the shell has no window');
  assert.equal(launchOptions({ engine: 'chromium', kind: 'playwright', binary: browser, source: "Playwright's own build" }, true).executablePath, browser);
  assert.match(describeChoice(found), /; headless: .*chromium-headless-shell\)$/);

  // WASM_COMPAT_CHROMIUM names exactly what to launch, even with a shell beside it.
  const named = resolveEngine('chromium', systemSearch({ WASM_COMPAT_CHROMIUM: browser }));
  assert.ok(named.kind === 'system' && named.binary === browser);
  assert.equal(launchOptions(named, true).executablePath, browser);
});

test('Firefox goes through the moz-firefox BiDi channel', () => {
  const choice = resolveEngine('firefox', systemSearch({ WASM_COMPAT_FIREFOX: fakeBinary('firefox-esr') }));
  assert.ok(choice.kind === 'system' && choice.channel === 'moz-firefox');
  // Every launch of it carries the channel: without it Playwright would start Firefox as its own build.
  assert.equal(launchOptions(choice, true).channel, 'moz-firefox');
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
