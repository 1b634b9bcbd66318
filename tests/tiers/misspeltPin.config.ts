// playwright.config.ts with chromium-liftoff's pin misspelt (--liftof-only, a flag V8 does not
// know and ignores): everything else as the project's own config, its paths made absolute since
// Playwright reads them from this file's folder. The run must fail on the pin's proof, naming it.
import { join } from 'node:path';
import config from '../../playwright.config.ts';
import type { CompilerTier } from '../../runner/engines/registry/descriptor.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';

export const MISSPELT_PIN = '--js-flags=--allow-natives-syntax --liftof-only';

export default {
  ...config,
  testDir: join(PROJECT_ROOT, 'tests/specs'),
  globalSetup: join(PROJECT_ROOT, 'runner/globalSetup.ts'),
  globalTeardown: [join(PROJECT_ROOT, 'runner/globalTeardown.ts'), join(PROJECT_ROOT, 'matrix/matrixTeardown.ts')],
  projects: (config.projects ?? []).map((p) => {
    const tier = (p.use as { tier?: CompilerTier | null } | undefined)?.tier;
    return p.name === 'chromium-liftoff' && tier ? { ...p, use: { ...p.use, tier: { ...tier, pin: { args: [MISSPELT_PIN] } } } } : p;
  }),
};
