// An Appium 3 server for one worker, in this process (Appium's own main()): bound to 127.0.0.1
// (Appium listens on every interface unless told), on a free port, with APPIUM_HOME = the project,
// so the drivers it uses are the pinned npm dependencies in package.json, not whatever a machine
// has installed globally.
import type { AddressInfo } from 'node:net';
import type { RunningServer } from '../../../serving/servers/runningServer.ts';
import { PROJECT_ROOT } from '../../../reporting/projectRoot.ts';
import { setInEnvironment } from '../../../settings/environment.ts';

/** `allowInsecure`: driver-scoped insecure features a target needs (`uiautomator2:chromedriver_autodownload`). */
export async function startAppium(allowInsecure: string[] = []): Promise<RunningServer> {
  // Read by Appium when it resolves its extensions, so it must be set before main() runs.
  setInEnvironment('APPIUM_HOME', PROJECT_ROOT);
  const { main } = await import('appium');
  const server = await main({ subcommand: 'server', address: '127.0.0.1', port: 0, loglevel: 'warn', ...(allowInsecure.length ? { allowInsecure } : {}) });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.close() };
}
