// Starts WebKitWebDriver (under xvfb-run when there is no display) on a free loopback port and
// stops it with everything it started. MiniBrowser needs an X display: without one the WebDriver
// session hangs rather than failing (../shared/TOOLCHAIN.md).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineChoice } from './engineResolution.ts';
import { freePort } from './freePort.ts';

export interface WebKitGtkServer {
  port: number;
  stop(): Promise<void>;
}

type WebKitGtkChoice = Extract<EngineChoice, { kind: 'webkitgtk' }>;

async function waitForStatus(port: number, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${child.exitCode}: ${output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs} ms: ${output()}`);
}

export async function startWebKitGtkDriver(choice: WebKitGtkChoice): Promise<WebKitGtkServer> {
  const port = await freePort();
  const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-xvfb-'));
  const driverArgs = [choice.driver, `--port=${port}`, '--host=127.0.0.1'];
  // Each server gets its own auth file and a random first display number: two `xvfb-run -a`
  // started at once otherwise race for the same display and the same ./.Xauthority.
  const command = choice.xvfbRun
    ? [choice.xvfbRun, '-a', '-n', String(100 + Math.floor(Math.random() * 800)), '-f', join(scratch, 'Xauthority'), '-s', '-screen 0 1280x1024x24', ...driverArgs]
    : driverArgs;
  const child = spawn(command[0]!, command.slice(1), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-2000)));
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-2000)));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await waitForStatus(port, child, () => log.trim() || '(no output)', 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, stop };
}
