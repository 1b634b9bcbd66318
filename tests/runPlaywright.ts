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

/** `watch` hears everything printed so far, after each chunk: a test can act in the middle of a run. */
export function runPlaywright(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number, watch?: (output: string) => void): Promise<PlaywrightRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(PROJECT_ROOT, 'node_modules/.bin/playwright'), ['test', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const hear = (d: Buffer) => {
      output += d.toString();
      watch?.(output);
    };
    child.stdout.on('data', hear);
    child.stderr.on('data', hear);
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, output });
    });
  });
}
