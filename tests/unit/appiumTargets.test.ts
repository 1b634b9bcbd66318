// Appium and remote targets: detection and the capabilities they build, without a device.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { androidCapabilities, chromiumCapabilities, iosCapabilities } from '../../runner/engines/appium/capabilities.ts';
import { appiumAndroid, parseAdbDevices } from '../../runner/engines/appium/android.ts';
import { appiumChromium } from '../../runner/engines/appium/chromium.ts';
import { appiumIos, parseSimctlBooted } from '../../runner/engines/appium/ios.ts';
import { engineFromBrowserName, RemoteConfigError, remoteEngines } from '../../runner/engines/remote.ts';
import { deviceDescriptor } from '../../runner/engines/deviceDescriptor.ts';
import { scratchDir } from '../scratchDir.ts';

const scratch = () => scratchDir('appium-test-');

function fakeAdb(devicesOutput: string, model = 'sdk_gphone64_x86_64'): string {
  const path = join(scratch(), 'adb');
  writeFileSync(path, `#!/bin/sh\nif [ "$1" = devices ]; then printf '%s' '${devicesOutput}'; else echo '${model}'; fi\n`);
  chmodSync(path, 0o755);
  return path;
}

test('adb devices output is parsed into serials and states', () => {
  assert.deepEqual(parseAdbDevices('List of devices attached\nemulator-5554\tdevice\nR58M\tunauthorized\n\n'), [
    { serial: 'emulator-5554', state: 'device' },
    { serial: 'R58M', state: 'unauthorized' },
  ]);
  assert.deepEqual(parseAdbDevices('List of devices attached\n\n'), []);
});

test('appium-android: a ready device gives a UiAutomator2 Chrome session with adb reverse', () => {
  const choice = appiumAndroid(fakeAdb('List of devices attached\nemulator-5554\tdevice\n'));
  assert.equal(choice.kind, 'appium');
  if (choice.kind !== 'appium') return;
  assert.equal(choice.engine, 'chromium');
  assert.equal(choice.device, 'sdk_gphone64_x86_64');
  assert.equal(choice.adbReverseSerial, 'emulator-5554');
  assert.deepEqual(choice.allowInsecure, ['uiautomator2:chromedriver_autodownload']);
  assert.equal(choice.capabilities['appium:automationName'], 'UiAutomator2');
  assert.equal(choice.capabilities['appium:udid'], 'emulator-5554');
  assert.equal(choice.capabilities.browserName, 'Chrome');
});

test('appium-android: no ready device, or no adb, is not run and says what was seen', () => {
  const unauthorized = appiumAndroid(fakeAdb('List of devices attached\nR58M\tunauthorized\n'));
  assert.ok(unauthorized.kind === 'missing' && /no ready emulator or device \(seen: R58M \(unauthorized\)\)/.test(unauthorized.reason));
  const noAdb = appiumAndroid('/nonexistent/adb');
  assert.ok(noAdb.kind === 'missing' && /\/nonexistent\/adb not found/.test(noAdb.reason));
});

test('simctl JSON gives the booted iOS simulators with their versions', () => {
  const json = JSON.stringify({
    devices: {
      'com.apple.CoreSimulator.SimRuntime.iOS-18-2': [
        { udid: 'A', name: 'iPhone 16', state: 'Booted' },
        { udid: 'B', name: 'iPhone SE', state: 'Shutdown' },
      ],
      'com.apple.CoreSimulator.SimRuntime.watchOS-11-0': [{ udid: 'W', name: 'Watch', state: 'Booted' }],
      'com.apple.CoreSimulator.SimRuntime.iOS-17-5-1': [{ udid: 'C', name: 'iPad', state: 'Booted' }],
    },
  });
  assert.deepEqual(parseSimctlBooted(json), [
    { udid: 'A', name: 'iPhone 16', iosVersion: '18.2' },
    { udid: 'C', name: 'iPad', iosVersion: '17.5.1' },
  ]);
});

test('appium-ios is not run off macOS, with the reason', () => {
  const choice = appiumIos('linux');
  assert.ok(choice.kind === 'missing' && /need macOS \(this is linux\)/.test(choice.reason));
});

test('capabilities: Chromium with the Pixel 5 descriptor, Android Chrome, iOS Safari', () => {
  const pixel5 = deviceDescriptor('Pixel 5');
  const chromium = chromiumCapabilities({
    chromedriver: '/usr/bin/chromedriver',
    chromium: '/usr/bin/chromium',
    args: ['--no-sandbox'],
    device: pixel5,
    platform: 'linux',
  });
  assert.equal(chromium.browserName, 'chrome');
  assert.equal(chromium.platformName, 'linux');
  assert.equal(chromium['appium:executable'], '/usr/bin/chromedriver');
  const opts = chromium['goog:chromeOptions'] as {
    binary: string;
    args: string[];
    mobileEmulation: { deviceMetrics: Record<string, unknown>; userAgent: string };
  };
  assert.deepEqual(opts.mobileEmulation.deviceMetrics, { width: 393, height: 727, pixelRatio: 2.75, touch: true, mobile: true });
  assert.match(opts.mobileEmulation.userAgent, /Pixel 5/);
  assert.ok(opts.args.includes('--headless=new') && opts.args.includes('--no-sandbox'));
  assert.equal(androidCapabilities({ serial: 'x', chromedriver: '/cd' })['appium:chromedriverExecutable'], '/cd');
  assert.equal(androidCapabilities({ serial: 'x' })['appium:chromedriverAutodownload'], true);
  const ios = iosCapabilities({ udid: 'A', platformVersion: '18.2', deviceName: 'iPhone 16' });
  assert.deepEqual([ios.platformName, ios.browserName, ios['appium:automationName'], ios['appium:platformVersion']], ['iOS', 'Safari', 'XCUITest', '18.2']);
});

test('appium-chromium runs here: system Chromium and chromedriver', () => {
  const choice = appiumChromium();
  assert.equal(choice.kind, 'appium', 'missing' in choice ? '' : JSON.stringify(choice));
});

test('remote: URL and capabilities file, the engine from browserName; unset is not run, set but wrong is an error naming the value', () => {
  const caps = join(scratch(), 'caps.json');
  writeFileSync(caps, JSON.stringify({ browserName: 'safari', 'appium:deviceName': 'iPhone 15' }));
  const local = remoteEngines({ WASM_COMPAT_REMOTE_URL: 'http://127.0.0.1:4444/wd/hub', WASM_COMPAT_REMOTE_CAPABILITIES: caps }).remote!;
  assert.ok(local.kind === 'remote' && local.engine === 'webkit' && local.device === 'iPhone 15' && local.url === 'http://127.0.0.1:4444/wd/hub');
  assert.throws(
    () => remoteEngines({ WASM_COMPAT_REMOTE_URL: 'https://grid.example.com/wd/hub', WASM_COMPAT_REMOTE_CAPABILITIES: caps }).remote!,
    (e: Error) => e instanceof RemoteConfigError && /grid\.example\.com cannot reach .* set WASM_COMPAT_BASE_URL/.test(e.message),
  );
  const deployed = remoteEngines({
    WASM_COMPAT_REMOTE_URL: 'https://grid.example.com/wd/hub',
    WASM_COMPAT_REMOTE_CAPABILITIES: caps,
    WASM_COMPAT_BASE_URL: 'https://staging.example.com/',
  }).remote!;
  assert.equal(deployed.kind, 'remote');
  assert.ok(remoteEngines({}).remote!.kind === 'missing');
  const wrong = (env: NodeJS.ProcessEnv, message: RegExp) =>
    assert.throws(
      () => remoteEngines(env).remote!,
      (e: Error) => e instanceof RemoteConfigError && message.test(e.message),
      JSON.stringify(env),
    );
  wrong(
    { WASM_COMPAT_REMOTE_URL: 'http://127.0.0.1:4444', WASM_COMPAT_REMOTE_CAPABILITIES: '/nonexistent.json' },
    /cannot read capabilities from WASM_COMPAT_REMOTE_CAPABILITIES=\/nonexistent\.json/,
  );
  wrong({ WASM_COMPAT_REMOTE_URL: 'grid:4444', WASM_COMPAT_REMOTE_CAPABILITIES: caps }, /must be http or https, got "grid:4444"/);
  wrong({ WASM_COMPAT_REMOTE_URL: 'not a url', WASM_COMPAT_REMOTE_CAPABILITIES: caps }, /is not a URL: "not a url"/);
  wrong({ WASM_COMPAT_REMOTE_URL: 'http://127.0.0.1:4444' }, /WASM_COMPAT_REMOTE_CAPABILITIES is not/);
  wrong(
    { WASM_COMPAT_REMOTE_URL: 'http://127.0.0.1:4444', WASM_COMPAT_REMOTE_CAPABILITIES: caps, WASM_COMPAT_REMOTE_ENGINE: 'opera' },
    /WASM_COMPAT_REMOTE_ENGINE=opera is not one of/,
  );
  const opera = join(scratch(), 'opera.json');
  writeFileSync(opera, JSON.stringify({ browserName: 'opera' }));
  wrong({ WASM_COMPAT_REMOTE_URL: 'http://127.0.0.1:4444', WASM_COMPAT_REMOTE_CAPABILITIES: opera }, /cannot tell the engine from browserName "opera"/);
  const list = join(scratch(), 'list.json');
  writeFileSync(list, '[]');
  wrong({ WASM_COMPAT_REMOTE_URL: 'http://127.0.0.1:4444', WASM_COMPAT_REMOTE_CAPABILITIES: list }, /must hold a JSON object/);
  assert.deepEqual(['chrome', 'MicrosoftEdge', 'firefox', 'Safari', 'opera'].map(engineFromBrowserName), ['chromium', 'chromium', 'firefox', 'webkit', null]);
});

test("remote projects: a capabilities file's projects are one project each (a grid's browsers), their engines from browserName; a wrong entry is an error naming it", () => {
  const dir = scratch();
  const write = (name: string, body: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(body));
    return file;
  };
  const env = (file: string) => ({ WASM_COMPAT_REMOTE_URL: 'http://127.0.0.1:4444', WASM_COMPAT_REMOTE_CAPABILITIES: file });
  const grid = remoteEngines(
    env(
      write('grid.json', {
        projects: { 'grid-chromium': { browserName: 'chrome' }, 'grid-firefox': { browserName: 'firefox', 'moz:firefoxOptions': { args: ['-headless'] } } },
      }),
    ),
  );
  assert.deepEqual(
    Object.entries(grid).map(([name, c]) => [name, c.kind, c.engine]),
    [
      ['grid-chromium', 'remote', 'chromium'],
      ['grid-firefox', 'remote', 'firefox'],
    ],
  );
  assert.deepEqual(Object.keys(remoteEngines(env(write('one.json', { browserName: 'chrome' })))), ['remote']);
  const wrong = (body: unknown, message: RegExp) =>
    assert.throws(
      () => remoteEngines(env(write('wrong.json', body))),
      (e: Error) => e instanceof RemoteConfigError && message.test(e.message),
      JSON.stringify(body),
    );
  wrong({ projects: [] }, /"projects" must map project names to capabilities, got \[\]/);
  wrong({ projects: { 'grid-chromium': 'chrome' } }, /project grid-chromium's capabilities must be a JSON object, got "chrome"/);
  wrong({ projects: { 'grid-servo': { browserName: 'servo' } } }, /cannot tell the engine from browserName "servo" in .*wrong\.json \(project grid-servo\)/);
});
