// appium-ios: Safari on a booted iOS simulator through XCUITest, on macOS where
// `xcrun simctl list devices booted -j` lists one. The simulator shares the Mac's network, so the
// page on 127.0.0.1 is reachable and a secure context.
import { execFileSync } from 'node:child_process';
import type { EngineChoice } from '../engineChoice.ts';
import { iosCapabilities } from './capabilities.ts';

export interface BootedSimulator {
  udid: string;
  name: string;
  /** iOS version from the runtime id (com.apple.CoreSimulator.SimRuntime.iOS-18-2 -> 18.2); Safari's version follows it. */
  iosVersion: string;
}

/** `xcrun simctl list devices booted -j` -> booted iOS simulators (watchOS, tvOS, visionOS dropped). */
export function parseSimctlBooted(json: string): BootedSimulator[] {
  const parsed = JSON.parse(json) as { devices?: Record<string, Array<{ udid: string; name: string; state: string }>> };
  const out: BootedSimulator[] = [];
  for (const [runtime, devices] of Object.entries(parsed.devices ?? {})) {
    const m = /SimRuntime\.iOS-(\d+)-(\d+)(?:-(\d+))?$/.exec(runtime);
    if (!m) continue;
    const iosVersion = [m[1], m[2], m[3]].filter((x) => x !== undefined).join('.');
    for (const d of devices) if (d.state === 'Booted') out.push({ udid: d.udid, name: d.name, iosVersion });
  }
  return out;
}

export function appiumIos(platform: NodeJS.Platform = process.platform): EngineChoice {
  if (platform !== 'darwin') return { engine: 'webkit', kind: 'missing', reason: `appium-ios: iOS simulators need macOS (this is ${platform})` };
  let json: string;
  try {
    json = execFileSync('xcrun', ['simctl', 'list', 'devices', 'booted', '-j'], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return { engine: 'webkit', kind: 'missing', reason: 'appium-ios: `xcrun simctl` failed (Xcode and its command line tools)' };
  }
  const booted = parseSimctlBooted(json)[0];
  if (!booted)
    return {
      engine: 'webkit',
      kind: 'missing',
      reason: 'appium-ios: `xcrun simctl list devices booted` lists no booted iOS simulator (boot one: xcrun simctl boot "iPhone 16")',
    };
  return {
    engine: 'webkit',
    kind: 'appium',
    source: `Safari on the iOS ${booted.iosVersion} simulator through Appium (XCUITest)`,
    binary: `simulator:${booted.udid}`,
    capabilities: iosCapabilities({ udid: booted.udid, platformVersion: booted.iosVersion, deviceName: booted.name }),
    allowInsecure: [],
    device: booted.name,
    emulated: false,
  };
}
