// Builds the harness page into a folder (vite build, in this process). A run builds it once and
// every server of the run serves that build; a build of its own per run means no other build
// (`npm run build:harness`, another run) can empty the folder under a running server.
import { build, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

export const HARNESS_CONFIG = fileURLToPath(new URL('vite.config.ts', import.meta.url));

/** `plugins` join the config's own (harnessBuildCache.ts records the build's inputs through one). */
export async function buildHarness(outDir: string, plugins: Plugin[] = []): Promise<void> {
  try {
    await build({ configFile: HARNESS_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true }, plugins });
  } catch (error) {
    throw new Error(`vite build of the harness into ${outDir} failed: ${(error as Error).message}`);
  }
}
