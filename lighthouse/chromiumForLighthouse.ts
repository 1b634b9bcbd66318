// Which Chromium Lighthouse drives, and with what flags. CHROME_PATH (chrome-launcher's own variable)
// wins, so a user's Chrome is used where they point at it; else the suite's engine resolution for
// chromium: Playwright's own build where it was downloaded (it works with Lighthouse), else the
// system Chromium. The flags are the suite's (no sandbox as root, no background networking in a
// closed network: docs/toolchain.md) plus the new headless mode.
import { existsSync } from 'node:fs';
import { resolveEngine } from '../runner/engines/engineResolution.ts';
import { CHROMIUM_ARGS } from '../runner/engines/registry/chromium.ts';
import { type Environment, environment } from '../settings/environment.ts';

export interface LighthouseChromium {
  binary: string;
  /** Where the binary came from, for the summary. */
  source: string;
  flags: string[];
}

export const HEADLESS_FLAG = '--headless=new';

export function chromiumForLighthouse(env: Environment = environment()): LighthouseChromium {
  const flags = [...CHROMIUM_ARGS, HEADLESS_FLAG];
  if (env.CHROME_PATH) {
    if (!existsSync(env.CHROME_PATH)) throw new Error(`CHROME_PATH=${env.CHROME_PATH}: no such file`);
    return { binary: env.CHROME_PATH, source: 'CHROME_PATH', flags };
  }
  const choice = resolveEngine('chromium');
  if (choice.kind === 'missing') throw new Error(`no Chromium for Lighthouse: ${choice.reason}; or set CHROME_PATH`);
  // Only a local binary will do: chrome-launcher starts the process itself.
  if (choice.kind !== 'playwright' && choice.kind !== 'system')
    throw new Error(`no local Chromium for Lighthouse (engine resolution chose ${choice.source}); set CHROME_PATH`);
  return { binary: choice.binary, source: choice.source, flags };
}
