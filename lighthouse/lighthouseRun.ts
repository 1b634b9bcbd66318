// One Lighthouse run: a fresh Chromium (new profile, empty cache, as a first visit), one navigation,
// Chromium killed. Each run gets its own browser so runs do not share a cache or a warmed-up V8.
// The result is the LHR and Lighthouse's own HTML report of it.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { LighthouseChromium } from './chromiumForLighthouse.ts';
import type { Lhr } from './lhr.ts';
import { type FormFactor, lighthouseConfig } from './lighthouseConfig.ts';

export interface LighthouseRunResult {
  lhr: Lhr;
  /** The HTML report of this run, by the Lighthouse that made it. */
  html: string;
}

let active: { kill(): void } | null = null;

/** For a signal handler: the process is about to exit and `finally` below will not run. */
export function killActiveChrome(): void {
  active?.kill();
  active = null;
}

export async function lighthouseRun(url: string, formFactor: FormFactor, chromium: LighthouseChromium): Promise<LighthouseRunResult> {
  // handleSIGINT off: chrome-launcher's own handler would exit the process on Ctrl-C before the
  // runner has stopped its server; the runner kills Chromium itself (killActiveChrome).
  const chrome = await chromeLauncher.launch({ chromePath: chromium.binary, chromeFlags: chromium.flags, logLevel: 'silent', handleSIGINT: false });
  active = chrome;
  try {
    const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'html' }, lighthouseConfig(formFactor));
    if (!result) throw new Error(`Lighthouse returned nothing for ${url} (${formFactor})`);
    return { lhr: result.lhr as unknown as Lhr, html: result.report as string };
  } finally {
    active = null;
    chrome.kill();
  }
}
