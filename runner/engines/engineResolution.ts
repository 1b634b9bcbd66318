// Decides, for each Playwright project, which real browser engine runs it, and records why.
// Order: Playwright's own browser build (a user's machine after `npx playwright install`), then what
// the engine's descriptor finds on the system (runner/engines/registry/: Debian's chromium,
// firefox-esr, WebKitGTK over WebDriver), else "not run" with what was looked for. Runs at config
// load, so it must be synchronous and cheap: it only looks at files.
import { existsSync } from 'node:fs';
import { chromium, firefox, webkit } from 'playwright-core';
import { engineDescriptor } from './registry.ts';
import type { PlaywrightBrowser } from './registry/descriptor.ts';
import type { EngineChoice, EngineName } from './engineChoice.ts';
import { readSetting } from '../../settings/settings.ts';
import { type Environment, environment } from '../../settings/environment.ts';

function playwrightBuild(browser: PlaywrightBrowser): string | null {
  try {
    const path = { chromium, firefox, webkit }[browser].executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function resolveEngine(engine: EngineName, env: Environment = environment()): EngineChoice {
  const descriptor = engineDescriptor(engine);
  const own = readSetting('systemBrowsers', env) || !descriptor.playwright ? null : playwrightBuild(descriptor.playwright);
  if (own) return { engine, kind: 'playwright', binary: own, source: "Playwright's own build" };
  return descriptor.findOnSystem(env);
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
      return `${choice.engine}: ${choice.source} (${choice.binary}${'channel' in choice && choice.channel ? `, channel ${choice.channel}` : ''}${'headlessShell' in choice && choice.headlessShell ? `; headless: ${choice.headlessShell}` : ''})`;
  }
}
