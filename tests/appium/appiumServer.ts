// Starts an Appium 3 server for one worker: bound to 127.0.0.1 (Appium listens on every interface
// unless told), on a free port, with APPIUM_HOME = the project, so the drivers it uses are the
// pinned npm dependencies in package.json, not whatever a machine has installed globally.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../engines/freePort.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface AppiumServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** `extraArgs`: e.g. driver-scoped insecure features a target needs (`--allow-insecure=uiautomator2:chromedriver_autodownload`). */
export async function startAppium(extraArgs: string[] = [], timeoutMs = 60_000): Promise<AppiumServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [fileURLToPath(import.meta.resolve('appium')), '--address', '127.0.0.1', '--port', String(port), '--log-level', 'warn', ...extraArgs], {
    env: { ...process.env, APPIUM_HOME: PROJECT_ROOT },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Appium exited with code ${child.exitCode}: ${log.trim()}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return { url, port, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`Appium did not answer on ${url}/status within ${timeoutMs / 1000} s: ${log.trim()}`);
}
