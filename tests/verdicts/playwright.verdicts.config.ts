// The suite's own config, running only verdicts.spec.ts: the same projects, global setup and
// teardown (resolved from the repository root, since paths in a config are relative to its file).
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import suite from '../../playwright.config.ts';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  ...suite,
  testDir: '.',
  testMatch: 'verdicts.spec.ts',
  testIgnore: [],
  outputDir: root('test-results/verdicts'),
  globalSetup: root('runner/globalSetup.ts'),
  globalTeardown: [root('runner/globalTeardown.ts'), root('matrix/matrixTeardown.ts')],
});
