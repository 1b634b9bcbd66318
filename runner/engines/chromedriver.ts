// Where this machine's chromedriver is: WASM_COMPAT_CHROMEDRIVER, else Debian's (chromium-driver).
// Appium's Chromium and the browser coverage run (coverage/browserCoverage.ts) drive Chromium with it.
import { existsSync } from 'node:fs';
import { readSetting } from '../../settings/settings.ts';

export const chromedriverCandidates = (): string[] =>
  [readSetting('chromedriver'), '/usr/bin/chromedriver', '/usr/lib/chromium/chromedriver'].filter((p): p is string => !!p);

/** The first chromedriver that exists, or null (chromedriverCandidates says where it looked). */
export function findChromedriver(): string | null {
  return chromedriverCandidates().find((p) => existsSync(p)) ?? null;
}
