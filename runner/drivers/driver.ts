// The few verbs the specs need, whatever drives the browser: a Playwright page, a WebDriver
// session (WebKitGTK), later an Appium session or a remote grid. Specs never see which.
import type { HarnessReport } from '../../harness/probes/probe.ts';
import type { EngineInfo } from '../compatSchema.ts';

/** What ran a project, recorded in every report: its shape is compat.json's (compatSchema.ts). */
export type { EngineInfo } from '../compatSchema.ts';

export interface OpenOptions {
  /** Remove the WebAssembly global before any page script runs (as iOS Lockdown Mode does). */
  disableWebAssembly?: boolean;
  /** Apply the project's network throttling to this page (default true). The Rust tests' page is the
   * crate's test harness, not what a site loads: it gets the phone's CPU but not its network. */
  throttleNetwork?: boolean;
}

export interface Driver {
  readonly engine: EngineInfo;
  open(url: string, options?: OpenOptions): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Waits for the harness to finish its probes and returns what it published. */
  results(timeoutMs?: number): Promise<HarnessReport>;
  /** Waits until the harness has run every probe but those its URL holds back (or every one: then it is done). */
  untilHeld(timeoutMs?: number): Promise<void>;
  screenshot(): Promise<Buffer>;
  /** Errors seen outside the probes: page errors, console errors, failed requests. */
  problems(): string[];
  close(): Promise<void>;
  /**
   * Another page of the same browser, context and device, driven beside this one (the Rust test
   * modes run at once where it exists). Absent where the protocol drives one window at a time
   * (a WebDriver session: WebKitGTK, Appium, a grid), whose work stays one after another.
   */
  companion?(): Driver;
}

export const RESULTS_TIMEOUT_MS = 120_000;

/**
 * Runs in a page: the platform the browser reports. navigator.platform first: under Playwright's device
 * emulation Chromium's navigator.userAgentData.platform is derived from the emulated user agent
 * ("Android" for pixel5 on Linux), while navigator.platform stays the browser's ("Linux x86_64").
 */
export function pagePlatform(): string {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return nav.platform || nav.userAgentData?.platform || '';
}
