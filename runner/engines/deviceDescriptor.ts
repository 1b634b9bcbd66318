// Playwright's device descriptors, the one source of device metrics for every driver: Playwright
// emulation, WebKitGTK over WebDriver, and Chrome's mobileEmulation through Appium.
import { devices } from '@playwright/test';

export interface DeviceDescriptor {
  userAgent: string;
  viewport: { width: number; height: number };
  deviceScaleFactor: number;
  isMobile: boolean;
  hasTouch: boolean;
}

export function deviceDescriptor(name: string): DeviceDescriptor {
  const d = devices[name];
  if (!d) throw new Error(`Playwright has no device descriptor named ${JSON.stringify(name)}`);
  return { userAgent: d.userAgent, viewport: d.viewport, deviceScaleFactor: d.deviceScaleFactor, isMobile: d.isMobile, hasTouch: d.hasTouch };
}
