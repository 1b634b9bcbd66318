// playwright.config.ts with two pins misspelt: chromium-liftoff's (--liftof-only, a flag V8 does
// not know and ignores) and firefox-baseline's (javascript.options.wasm_optimizingjitt, a pref
// Firefox keeps and nothing reads): everything else as the project's own config, its paths made
// absolute since Playwright reads them from this file's folder. Each project must fail on its
// pin's proof, naming it.
import { join } from 'node:path';
import config from '../../playwright.config.ts';
import type { CompilerTier, TierPin } from '../../runner/engines/registry/descriptor.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';

export const MISSPELT_PIN = '--js-flags=--allow-natives-syntax --liftof-only';
export const MISSPELT_PREF = 'javascript.options.wasm_optimizingjitt';

const MISSPELT: Record<string, TierPin> = {
  'chromium-liftoff': { args: [MISSPELT_PIN] },
  'firefox-baseline': { firefoxUserPrefs: { [MISSPELT_PREF]: false } },
};

export default {
  ...config,
  testDir: join(PROJECT_ROOT, 'tests/specs'),
  globalSetup: join(PROJECT_ROOT, 'runner/globalSetup.ts'),
  globalTeardown: [join(PROJECT_ROOT, 'runner/globalTeardown.ts'), join(PROJECT_ROOT, 'matrix/matrixTeardown.ts')],
  projects: (config.projects ?? []).map((p) => {
    const tier = (p.use as { tier?: CompilerTier | null } | undefined)?.tier;
    const pin = p.name ? MISSPELT[p.name] : undefined;
    return pin && tier ? { ...p, use: { ...p.use, tier: { ...tier, pin } } } : p;
  }),
};
