// Starts WebKitWebDriver (under xvfb-run when there is no display) on a free loopback port; its
// stop ends everything it started. MiniBrowser needs an X display: without one the WebDriver
// session hangs rather than failing (docs/toolchain.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import { startChildServer } from '../../serving/servers/childServer.ts';
import type { RunningServer } from '../../serving/servers/runningServer.ts';
import type { EngineChoice } from './engineChoice.ts';
import { childEnvironment } from '../../settings/environment.ts';

type WebKitGtkChoice = Extract<EngineChoice, { kind: 'webkitgtk' }>;

/** `env`: added to WebKitWebDriver's environment, which the browser and its web process inherit (JavaScriptCore reads its JSC_ options there). */
export async function startWebKitGtkDriver(choice: WebKitGtkChoice, env?: Record<string, string>): Promise<RunningServer & { port: number }> {
  const port = await getPort({ host: '127.0.0.1' });
  const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-xvfb-'));
  const driverArgs = [choice.driver, `--port=${port}`, '--host=127.0.0.1'];
  // Each server gets its own auth file and a random first display number: two `xvfb-run -a`
  // started at once otherwise race for the same display and the same ./.Xauthority.
  const command = choice.xvfbRun
    ? [
        choice.xvfbRun,
        '-a',
        '-n',
        String(100 + Math.floor(Math.random() * 800)),
        '-f',
        join(scratch, 'Xauthority'),
        '-s',
        '-screen 0 1280x1024x24',
        ...driverArgs,
      ]
    : driverArgs;
  try {
    const server = await startChildServer({
      name: 'WebKitWebDriver',
      command: command[0]!,
      args: command.slice(1),
      url: `http://127.0.0.1:${port}/`,
      readyUrl: `http://127.0.0.1:${port}/status`,
      ...(env ? { env: childEnvironment(env) } : {}),
    });
    return {
      url: server.url,
      port,
      stop: async () => {
        await server.stop();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
