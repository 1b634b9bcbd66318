// WebDriver capabilities per Appium target, as plain functions of what was detected, so they can
// be tested without a device. Layered as in webdriverio's appium-boilerplate: a base every target
// shares, then one small builder per target.
import type { DeviceDescriptor } from '../deviceDescriptor.ts';

export type Capabilities = Record<string, unknown>;

/** What every Appium session of the suite asks for. */
export const BASE_CAPABILITIES: Capabilities = {
  // A page that hangs must fail the test, not keep a device busy for Appium's default 60 s.
  'appium:newCommandTimeout': 120,
};

function appiumPlatform(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'mac' : platform === 'win32' ? 'windows' : 'linux';
}

/** Chromium through appium-chromium-driver, with a device descriptor's metrics and user agent
 * (Chrome's mobileEmulation; `deviceName: 'Pixel 5'` is not in this chromedriver's list). */
export function chromiumCapabilities(opts: {
  chromedriver: string;
  chromium: string;
  args: string[];
  device: DeviceDescriptor;
  platform?: NodeJS.Platform;
}): Capabilities {
  return {
    ...BASE_CAPABILITIES,
    platformName: appiumPlatform(opts.platform ?? process.platform),
    // 'chromium' finds no matching capabilities in appium-chromium-driver; 'chrome' does.
    browserName: 'chrome',
    'appium:automationName': 'Chromium',
    'appium:executable': opts.chromedriver,
    'goog:chromeOptions': {
      binary: opts.chromium,
      args: [...opts.args, '--headless=new'],
      mobileEmulation: {
        deviceMetrics: {
          width: opts.device.viewport.width,
          height: opts.device.viewport.height,
          pixelRatio: opts.device.deviceScaleFactor,
          touch: opts.device.hasTouch,
          mobile: opts.device.isMobile,
        },
        userAgent: opts.device.userAgent,
      },
    },
  };
}

/** Chrome on an Android emulator or device through UiAutomator2. */
export function androidCapabilities(opts: { serial: string; chromedriver?: string }): Capabilities {
  return {
    ...BASE_CAPABILITIES,
    platformName: 'Android',
    browserName: 'Chrome',
    'appium:automationName': 'UiAutomator2',
    'appium:udid': opts.serial,
    // Chrome on the device decides the chromedriver version; without a given one the driver
    // fetches the matching build (the server must allow uiautomator2:chromedriver_autodownload).
    ...(opts.chromedriver ? { 'appium:chromedriverExecutable': opts.chromedriver } : { 'appium:chromedriverAutodownload': true }),
  };
}

/** Safari on a booted iOS simulator through XCUITest. */
export function iosCapabilities(opts: { udid: string; platformVersion: string; deviceName: string }): Capabilities {
  return {
    ...BASE_CAPABILITIES,
    platformName: 'iOS',
    browserName: 'Safari',
    'appium:automationName': 'XCUITest',
    'appium:udid': opts.udid,
    'appium:platformVersion': opts.platformVersion,
    'appium:deviceName': opts.deviceName,
  };
}
