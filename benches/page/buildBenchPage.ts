// Builds the bench page, or the A/B page, (vite build, in this process) into a folder of the run's own.
import { build } from 'vite';
import { abBuilds, type PageBuild } from './abBuildsPlugin.ts';
import { BENCH_PAGE_CONFIG, BENCH_PAGE_ROOT } from './vite.config.ts';

export async function buildBenchPage(outDir: string): Promise<void> {
  try {
    await build({ configFile: BENCH_PAGE_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } catch (error) {
    throw new Error(`vite build of the bench page into ${outDir} failed: ${(error as Error).message}`);
  }
}

/** The A/B page (ab.html) alone, with the two builds it loads (abBuildsPlugin.ts). */
export async function buildAbPage(outDir: string, builds: Record<'A' | 'B', PageBuild>): Promise<void> {
  try {
    await build({
      configFile: BENCH_PAGE_CONFIG,
      logLevel: 'warn',
      plugins: [abBuilds(builds)],
      // A string replaces the config's input (an object would be merged with it): ab.html alone, so
      // both builds are bundled alike, neither shared with the bench page's chunks.
      build: { outDir, emptyOutDir: true, rollupOptions: { input: `${BENCH_PAGE_ROOT}ab.html` } },
    });
  } catch (error) {
    throw new Error(`vite build of the A/B page into ${outDir} failed: ${(error as Error).message}`);
  }
}
