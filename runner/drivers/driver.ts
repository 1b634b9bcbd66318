// The few verbs the specs need, whatever drives the browser: a Playwright page, a WebDriver
// session (WebKitGTK), later an Appium session or a remote grid. Specs never see which.
import type { HarnessReport } from '../../harness/probes/probe.ts';
import type { EngineName } from '../engines/engineChoice.ts';
import type { ThrottlingRecord } from '../throttling/throttlingProfile.ts';

/** What ran a project: recorded in every report. */
export interface EngineInfo {
  project: string;
  engine: EngineName;
  /** How it was reached: Playwright's own build, a system browser, WebKitGTK over WebDriver. */
  kind: string;
  source: string;
  binary: string;
  /** Browser version as the engine reports it (e.g. 156.0.8078.108, 153.8.0, 2.50.6). */
  version: string;
  userAgent: string;
  /**
   * The platform the browser runs on, as the browser says it, never Node's (a remote grid's browser runs
   * elsewhere): WebDriver's platformName capability ("linux", "mac", "iOS"), else what its page reports
   * (pagePlatform: "Linux x86_64", "MacIntel", "Win32", "iPhone"), read as the engine starts
   * (runner/engines/launchDriver.ts). A device descriptor does not change it: Playwright emulates the
   * user agent, not navigator.platform. Absent in runs stored before 2026-12-06.
   */
  platform?: string;
  /** A device descriptor applied to a desktop engine (Pixel 5, iPhone 12), not the device itself. */
  emulated: boolean;
  device: string | null;
  /** Parts of the device descriptor (and of its throttling) this engine could not apply, with the value asked for. */
  notApplied: string[];
  /** The phone's CPU and network the project asked for: what was applied and what not; null where none was asked. */
  throttling?: ThrottlingRecord | null;
}

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
