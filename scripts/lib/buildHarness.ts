// Builds the harness page (vite build) into a folder of its own. Every server the suite starts
// serves its own build: a build elsewhere (another run, a person, `npm run build:harness`) empties
// its output folder first, which would pull files from under a server still serving them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function buildHarness(outDir: string): void {
  const result = spawnSync('node_modules/.bin/vite', ['build', '--config', 'harness/vite.config.ts', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`vite build of the harness into ${outDir} failed (${result.status ?? result.signal}): ${`${result.stdout}${result.stderr}`.trim()}`);
}
