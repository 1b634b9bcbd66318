// Decides, for each Playwright project, which real browser engine runs it, and records why.
// Order: Playwright's own browser build (a user's machine after `npx playwright install`), then a
// system browser (Debian's chromium, firefox-esr, WebKitGTK over WebDriver), else "not run" with
// what was looked for. Runs at config load, so it must be synchronous and cheap: it only looks at files.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, firefox, webkit } from 'playwright-core';

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** Chromium flags for a root user in a closed network (docs/toolchain.md): without the
 * background-networking ones Chromium floods the machine with refused connections. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/** Where WebKitGTK's pieces are (Debian's webkit2gtk-driver and xvfb); env overrides for other layouts. */
export function webkitGtkPaths() {
  return {
    driver: process.env.WASM_COMPAT_WEBKIT_DRIVER ?? 'WebKitWebDriver',
    miniBrowser: process.env.WASM_COMPAT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    xvfbRun: 'xvfb-run',
  };
}

export type EngineChoice =
  | { engine: EngineName; kind: 'playwright'; binary: string; source: string }
  | { engine: EngineName; kind: 'system'; binary: string; channel?: string; args: string[]; source: string }
  | { engine: 'webkit'; kind: 'webkitgtk'; binary: string; driver: string; xvfbRun: string | null; source: string }
  /** A session through an Appium server the suite starts itself (runner/engines/appium/). */
  | { engine: EngineName; kind: 'appium'; source: string; binary: string; capabilities: Record<string, unknown>; allowInsecure: string[]; device: string | null; emulated: boolean; adbReverseSerial?: string }
  /** A session on any WebDriver or Appium endpoint given by URL (a Selenium Grid, a device farm). */
  | { engine: EngineName; kind: 'remote'; source: string; url: string; capabilities: Record<string, unknown>; device: string | null }
  | { engine: EngineName; kind: 'missing'; reason: string };

/** Where `command` is: itself if it is a path, else the first match on PATH; null if nowhere. */
export function which(command: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (command.includes('/')) return existsSync(command) ? command : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

function playwrightBuild(engine: EngineName): string | null {
  try {
    const path = { chromium, firefox, webkit }[engine].executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const systemChromium = () => [process.env.WASM_COMPAT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const systemFirefox = () => [process.env.WASM_COMPAT_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function resolveEngine(engine: EngineName): EngineChoice {
  const own = process.env.WASM_COMPAT_SYSTEM_BROWSERS === '1' ? null : playwrightBuild(engine);
  if (own) return { engine, kind: 'playwright', binary: own, source: "Playwright's own build" };

  if (engine === 'chromium') {
    const candidates = systemChromium();
    const binary = candidates.find((p): p is string => !!p && existsSync(p));
    if (binary) return { engine, kind: 'system', binary, args: CHROMIUM_ARGS, source: 'system Chromium' };
    return { engine, kind: 'missing', reason: `Chromium not found: no Playwright build (npx playwright install chromium) and none of ${candidates.filter(Boolean).join(', ')}` };
  }
  if (engine === 'firefox') {
    const candidates = systemFirefox();
    const binary = candidates.find((p): p is string => !!p && existsSync(p));
    // A stock Firefox speaks WebDriver BiDi, not Playwright's patched Juggler protocol; Playwright
    // reaches it through the 'moz-firefox' channel. Works with Playwright 1.62–1.64; 1.65 fails on
    // emulation.setMediaFeaturesOverride (docs/toolchain.md), hence the 1.64.1 pin.
    if (binary) return { engine, kind: 'system', binary, channel: 'moz-firefox', args: [], source: 'system Firefox over WebDriver BiDi' };
    return { engine, kind: 'missing', reason: `Firefox not found: no Playwright build (npx playwright install firefox) and none of ${candidates.filter(Boolean).join(', ')}` };
  }
  const paths = webkitGtkPaths();
  const driver = which(paths.driver);
  const browser = existsSync(paths.miniBrowser) ? paths.miniBrowser : null;
  // MiniBrowser needs a display; without one the WebDriver session hangs.
  const xvfbRun = process.env.DISPLAY ? null : which(paths.xvfbRun);
  if (driver && browser && (process.env.DISPLAY || xvfbRun)) {
    return { engine: 'webkit', kind: 'webkitgtk', binary: browser, driver, xvfbRun, source: 'WebKitGTK MiniBrowser over WebDriver' };
  }
  const lacking = [!driver && `${paths.driver} (package webkit2gtk-driver)`, !browser && `${paths.miniBrowser}`, !process.env.DISPLAY && !xvfbRun && 'a display or xvfb-run (package xvfb)'].filter(Boolean);
  return { engine, kind: 'missing', reason: `WebKit not found: no Playwright build (npx playwright install webkit), and for WebKitGTK missing ${lacking.join(', ')}` };
}

/** A one-line description for logs and reports. */
export function describeChoice(choice: EngineChoice): string {
  switch (choice.kind) {
    case 'missing':
      return `${choice.engine}: not run — ${choice.reason}`;
    case 'webkitgtk':
      return `${choice.engine}: ${choice.source} (${choice.binary} via ${choice.driver}${choice.xvfbRun ? ' under xvfb-run' : ''})`;
    case 'appium':
      return `${choice.engine}: ${choice.source} (${choice.binary}${choice.device ? `, ${choice.device}` : ''})`;
    case 'remote':
      return `${choice.engine}: ${choice.source} (${choice.url})`;
    default:
      return `${choice.engine}: ${choice.source} (${choice.binary}${'channel' in choice && choice.channel ? `, channel ${choice.channel}` : ''})`;
  }
}
