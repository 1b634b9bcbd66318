// The five browser projects, once: name, Playwright device descriptor, engine, and whether the
// device is emulated. playwright.config.ts and the browser benchmarks both build from this list.
import { type BrowserContextOptions, devices } from '@playwright/test';
import type { ThrottleProfile } from '../throttling/throttlingProfile.ts';
import type { EngineName } from './engineResolution.ts';

export interface BrowserProject {
  name: string;
  device: string;
  engine: EngineName;
  emulated: boolean;
  /** A phone's CPU and network, where the engine can apply them (runner/throttling/); null runs at this machine's speed. */
  throttle: ThrottleProfile | null;
}

export const BROWSER_PROJECTS: readonly BrowserProject[] = [
  { name: 'chromium', device: 'Desktop Chrome', engine: 'chromium', emulated: false, throttle: null },
  { name: 'firefox', device: 'Desktop Firefox', engine: 'firefox', emulated: false, throttle: null },
  { name: 'webkit', device: 'Desktop Safari', engine: 'webkit', emulated: false, throttle: null },
  { name: 'pixel5', device: 'Pixel 5', engine: 'chromium', emulated: true, throttle: 'mid-tier-phone' },
  { name: 'iphone12', device: 'iPhone 12', engine: 'webkit', emulated: true, throttle: 'mid-tier-phone' },
];

/** The browser context a project applies: its descriptor, where desktop projects keep the
 * browser's own user agent (a descriptor's UA would misreport the real version). */
export function projectContext({ device, emulated }: BrowserProject): BrowserContextOptions {
  const found = devices[device];
  if (!found) throw new Error(`Playwright has no device descriptor named ${device}`);
  const { userAgent, defaultBrowserType: _default, ...descriptor } = found;
  return { ...descriptor, ...(emulated ? { userAgent } : {}) };
}
