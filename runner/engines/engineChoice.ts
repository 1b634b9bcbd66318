// What finding an engine gives: how it will be reached (Playwright's build, a system browser,
// WebKitGTK over WebDriver, Appium, a remote grid) or why it is missing. Made by the engine
// descriptors (runner/engines/registry/), runner/engines/appium/ and runner/engines/remote.ts.

/** An engine's name, as its descriptor in runner/engines/registry/ gives it. */
export type EngineName = string;

export type EngineChoice =
  | { engine: EngineName; kind: 'playwright'; binary: string; source: string }
  | {
      engine: EngineName;
      kind: 'system';
      binary: string;
      channel?: string;
      args: string[];
      source: string;
      /** The same build's headless shell, launched in its place when the run is headless (launchOptions). */
      headlessShell?: string;
    }
  | { engine: EngineName; kind: 'webkitgtk'; binary: string; driver: string; xvfbRun: string | null; source: string }
  /** A session through an Appium server the suite starts itself (runner/engines/appium/). */
  | {
      engine: EngineName;
      kind: 'appium';
      source: string;
      binary: string;
      capabilities: Record<string, unknown>;
      allowInsecure: string[];
      device: string | null;
      emulated: boolean;
      adbReverseSerial?: string;
    }
  /** A session on any WebDriver or Appium endpoint given by URL (a Selenium Grid, a device farm). */
  | { engine: EngineName; kind: 'remote'; source: string; url: string; capabilities: Record<string, unknown>; device: string | null }
  | { engine: EngineName; kind: 'missing'; reason: string };

/**
 * What a Playwright launch of `choice` takes from it: the binary, and a system browser's own flags
 * and channel (Firefox's 'moz-firefox'), so that every launch of a choice starts the same browser.
 * Headless, a system Chromium launches its headless shell where it has one: Playwright's own build
 * does the same (chromium-headless-shell), and Debian's, the same Blink and V8 without the full
 * browser's UI, took about a fifth less CPU and wall time for a whole chromium project here
 * (docs/toolchain.md). Headed (`--headed`, `--debug`), the browser itself.
 */
export function launchOptions(
  choice: Extract<EngineChoice, { kind: 'playwright' | 'system' }>,
  headless: boolean,
): { executablePath: string; args: string[]; channel?: string } {
  if (choice.kind === 'playwright') return { executablePath: choice.binary, args: [] };
  return {
    executablePath: headless && choice.headlessShell ? choice.headlessShell : choice.binary,
    args: choice.args,
    ...(choice.channel ? { channel: choice.channel } : {}),
  };
}
