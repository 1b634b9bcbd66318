// Driver over a Playwright BrowserContext: one page at a time.
import type { BrowserContext, Page } from '@playwright/test';
import type { HarnessReport } from '../../harness/probes/probe.ts';
import { isTrickleLookup } from '../../harness/streaming/streamingModule.ts';
import { type Driver, type EngineInfo, type OpenOptions, RESULTS_TIMEOUT_MS } from './driver.ts';

// wasm-bindgen's glue only warns when it falls back from streaming compilation on a wrong MIME
// type; that warning is a misconfigured server, so it counts as a problem.
const TROUBLE_WARNINGS = [/instantiateStreaming/i, /application\/wasm/i, /MIME type/i];

export class PlaywrightDriver implements Driver {
  #page: Page | null = null;
  #problems: string[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly engine: EngineInfo,
    /** Runs on every page before it navigates (CDP throttling: runner/throttling/). */
    private readonly preparePage: (page: Page, options: OpenOptions) => Promise<void> = async () => undefined,
  ) {}

  get page(): Page {
    if (!this.#page) throw new Error('PlaywrightDriver: no page open');
    return this.#page;
  }

  async open(url: string, options: OpenOptions = {}): Promise<void> {
    await this.#page?.close();
    const page = await this.context.newPage();
    this.#page = page;
    this.#problems = [];
    page.on('pageerror', (e) => this.#problems.push(`page error: ${e.name}: ${e.message}`));
    page.on('console', (m) => {
      // Chromium logs the look-up's 404 as "Failed to load resource", located at the marked URL, which only the probe's HEAD uses.
      if (m.type() === 'error' && /^Failed to load resource/.test(m.text()) && isTrickleLookup(m.location().url, 'HEAD')) return;
      if (m.type() === 'error' || (m.type() === 'warning' && TROUBLE_WARNINGS.some((r) => r.test(m.text())))) {
        this.#problems.push(`console ${m.type()}: ${m.text()}`);
      }
    });
    // Chromium also reports the look-up's 404 to a HEAD as a failed request (net::ERR_ABORTED): the probe's own, exempt likewise.
    page.on(
      'requestfailed',
      (r) => isTrickleLookup(r.url(), r.method()) || this.#problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`),
    );
    page.on('response', (r) => {
      // The streaming probe's own HEAD look-up of its trickle: a deployment without it answers 404, which the probe reports as "not measured".
      if (r.status() >= 400 && !isTrickleLookup(r.url(), r.request().method())) this.#problems.push(`HTTP ${r.status()} for ${r.url()}`);
    });
    await this.preparePage(page, options);
    if (options.disableWebAssembly) {
      await page.addInitScript(() => {
        delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
      });
    }
    await page.goto(url);
  }

  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
    return this.page.evaluate(fn as (arg: unknown) => Promise<T>, arg as unknown);
  }

  async untilHeld(timeoutMs = RESULTS_TIMEOUT_MS): Promise<void> {
    await this.page.waitForFunction(() => window.__wasmCompat?.state === 'holding' || window.__wasmCompat?.state === 'done', undefined, {
      timeout: timeoutMs,
    });
  }

  async results(timeoutMs = RESULTS_TIMEOUT_MS): Promise<HarnessReport> {
    await this.page.waitForFunction(() => window.__wasmCompat?.state === 'done', undefined, { timeout: timeoutMs });
    return this.page.evaluate(() => window.__wasmCompat!);
  }

  // Async, so that no page (the Rust tests' runner closed it) is a rejection its caller handles, not a throw.
  async screenshot(): Promise<Buffer> {
    return this.page.screenshot({ fullPage: true });
  }

  problems(): string[] {
    return [...this.#problems];
  }

  async close(): Promise<void> {
    await this.#page?.close();
    this.#page = null;
  }

  companion(): PlaywrightDriver {
    return new PlaywrightDriver(this.context, this.engine, this.preparePage);
  }
}
