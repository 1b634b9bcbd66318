// Driver over a webdriverio session (classic WebDriver): WebKitGTK here, Appium and remote grids
// later. Classic WebDriver has no init scripts and no console events, so the page itself records
// its errors (HarnessReport.pageErrors) and has a switch to remove WebAssembly before it starts.
import type { HarnessReport } from '../../harness/probes/probe.ts';
import { type Driver, type EngineInfo, type OpenOptions, RESULTS_TIMEOUT_MS } from './driver.ts';

export class WebDriverDriver implements Driver {
  constructor(
    readonly browser: WebdriverIO.Browser,
    readonly engine: EngineInfo,
  ) {}

  async open(url: string, options: OpenOptions = {}): Promise<void> {
    const target = new URL(url);
    if (options.disableWebAssembly) target.searchParams.set('webassembly', 'off');
    await this.browser.url(target.href);
  }

  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
    return this.browser.execute(fn as unknown as (arg: unknown) => T, arg as unknown) as Promise<T>;
  }

  async untilHeld(timeoutMs = RESULTS_TIMEOUT_MS): Promise<void> {
    await this.browser.waitUntil(() => this.browser.execute(() => window.__wasmCompat?.state === 'holding' || window.__wasmCompat?.state === 'done'), {
      timeout: timeoutMs,
      interval: 100,
      timeoutMsg: `the harness did not reach the probes it holds back within ${timeoutMs / 1000} s`,
    });
  }

  async results(timeoutMs = RESULTS_TIMEOUT_MS): Promise<HarnessReport> {
    await this.browser.waitUntil(() => this.browser.execute(() => window.__wasmCompat?.state === 'done'), {
      timeout: timeoutMs,
      interval: 250,
      timeoutMsg: `the harness did not finish its probes within ${timeoutMs / 1000} s`,
    });
    return this.browser.execute(() => window.__wasmCompat!) as Promise<HarnessReport>;
  }

  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.browser.takeScreenshot(), 'base64');
  }

  /** Classic WebDriver sees no console or network events; the page records its own (HarnessReport.pageErrors), which the page spec checks for every driver. */
  problems(): string[] {
    return [];
  }

  async close(): Promise<void> {
    await this.browser.deleteSession();
  }
}
