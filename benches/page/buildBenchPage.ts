// Builds the bench page (vite build, in this process) into a folder of the run's own.
import { build } from 'vite';
import { BENCH_PAGE_CONFIG } from './vite.config.ts';

export async function buildBenchPage(outDir: string): Promise<void> {
  try {
    await build({ configFile: BENCH_PAGE_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } catch (error) {
    throw new Error(`vite build of the bench page into ${outDir} failed: ${(error as Error).message}`);
  }
}
