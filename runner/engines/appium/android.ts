// appium-android: Chrome on an Android emulator or device through UiAutomator2, used when
// `adb devices` lists one. The page is reached through `adb reverse`, so the device sees it on its
// own 127.0.0.1: a secure context, which cross-origin isolation needs (10.0.2.2 over http is not).
import { execFileSync } from 'node:child_process';
import type { EngineChoice } from '../engineChoice.ts';
import { androidCapabilities } from './capabilities.ts';
import { readSetting } from '../../../settings/settings.ts';

export interface AdbDevice {
  serial: string;
  state: string;
}

/** `adb devices` output -> devices (the header and blank lines dropped). */
export function parseAdbDevices(stdout: string): AdbDevice[] {
  return stdout
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((parts) => parts.length >= 2 && parts[0])
    .map(([serial, state]) => ({ serial: serial!, state: state! }));
}

function run(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

export function appiumAndroid(adb = readSetting('adb') ?? 'adb'): EngineChoice {
  const out = run(adb, ['devices']);
  if (out === null)
    return {
      engine: 'chromium',
      kind: 'missing',
      reason: `appium-android: ${adb} not found or failed (Android platform-tools; WASM_COMPAT_ADB to point at it)`,
    };
  const devices = parseAdbDevices(out);
  const ready = devices.find((d) => d.state === 'device');
  if (!ready) {
    const seen = devices.length ? devices.map((d) => `${d.serial} (${d.state})`).join(', ') : 'none';
    return { engine: 'chromium', kind: 'missing', reason: `appium-android: \`adb devices\` lists no ready emulator or device (seen: ${seen})` };
  }
  const model = run(adb, ['-s', ready.serial, 'shell', 'getprop', 'ro.product.model'])?.trim() || ready.serial;
  return {
    engine: 'chromium',
    kind: 'appium',
    source: 'Chrome on Android through Appium (UiAutomator2)',
    binary: `adb:${ready.serial}`,
    capabilities: androidCapabilities({
      serial: ready.serial,
      ...(readSetting('androidChromedriver') ? { chromedriver: readSetting('androidChromedriver') } : {}),
    }),
    allowInsecure: ['uiautomator2:chromedriver_autodownload'],
    device: model,
    emulated: false,
    adbReverseSerial: ready.serial,
  };
}
