// Builds the harness (probes page and bench page) into its own folder and serves it with
// `vite preview` on a port of its own, so a benchmark run never rebuilds or steals the folder and
// port the Playwright suite's server uses (harness/dist, 4173).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const VITE = resolve('node_modules/.bin/vite');
const CONFIG = resolve('harness/vite.config.ts');

export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

export function buildHarness(outDir: string): void {
  execFileSync(VITE, ['build', '--config', CONFIG, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
}

async function waitForServer(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}: ${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      // Not listening yet — or a port fetch refuses outright ("bad port": the Fetch standard's
      // blocked ports, e.g. 4190), which browsers refuse too.
      last = String((error as { cause?: unknown }).cause ?? error);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer ${url} within ${timeoutMs} ms (last: ${last}): ${output()}`);
}

export async function startPreview(outDir: string, port: number): Promise<PreviewServer> {
  const child = spawn(VITE, ['preview', '--config', CONFIG, '--outDir', outDir, '--port', String(port), '--strictPort'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-2000)));
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-2000)));
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM'); // its own process group: vite and anything it started
      } catch {
        // already gone
      }
      await new Promise((r) => child.once('exit', r).once('error', r));
    }
  };
  try {
    await waitForServer(`${url}bench.html`, child, () => log.trim() || '(no output)', 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
