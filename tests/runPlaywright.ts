// `playwright test` as the meta-tests run it: a child process of the project's own Playwright, in
// the project's folder, with the environment given (never coloured: the tests read its output),
// stopped (SIGTERM) when it overruns its time.
// Resolves with its exit code, the signal that stopped it, and everything it printed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';

export interface PlaywrightRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

export function runPlaywright(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<PlaywrightRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(PROJECT_ROOT, 'node_modules/.bin/playwright'), ['test', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, output });
    });
  });
}
