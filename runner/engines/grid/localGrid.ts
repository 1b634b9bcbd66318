// A Selenium Grid 4 on this machine, as a team would run one across machines: a hub (router,
// distributor, session queue) and one node per browser, each its own Java process, the nodes
// driving Debian's Chromium through chromedriver and Firefox ESR through geckodriver. Each node
// offers one session at a time; the hub refuses a session request it cannot place within
// `sessionRequestTimeoutS` (a grid that is full, or has no node for the browser) with its reason,
// which the suite reports as the project's failure. The capabilities the suite asks with are the
// ones `capabilitiesFile` writes: the settings' WASM_COMPAT_REMOTE_CAPABILITIES (runner/engines/remote.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import pWaitFor from 'p-wait-for';
import { type ChildServer, startChildServer } from '../../../serving/servers/childServer.ts';
import { resolveEngine } from '../engineResolution.ts';
import { CHROMIUM_ARGS } from '../registry/chromium.ts';
import { childEnvironment } from '../../../settings/environment.ts';
import type { GridTools } from './gridTools.ts';

/** The grid's browsers, each a node of its own and a project of the suite's (`grid-<engine>`). */
export type GridBrowser = 'chromium' | 'firefox';

interface NodeDriver {
  /** The node's stereotype: what a session request must ask for to land on it. */
  stereotype: Record<string, unknown>;
  /** What the suite's session asks for on top (headless, the flags this machine needs). */
  session: Record<string, unknown>;
  webdriver: string;
}

function nodeDriver(browser: GridBrowser, tools: GridTools): NodeDriver {
  const choice = resolveEngine(browser);
  if (choice.kind !== 'system' && choice.kind !== 'playwright')
    throw new Error(`grid: no ${browser} on this machine for a node to drive (${choice.kind === 'missing' ? choice.reason : choice.source})`);
  if (browser === 'chromium') {
    if (!tools.chromedriver) throw new Error('grid: a Chromium node needs chromedriver (Debian: chromium-driver)');
    return {
      stereotype: { browserName: 'chrome', 'goog:chromeOptions': { binary: choice.binary } },
      session: { browserName: 'chrome', 'goog:chromeOptions': { binary: choice.binary, args: ['--headless=new', ...CHROMIUM_ARGS] } },
      webdriver: tools.chromedriver,
    };
  }
  if (!tools.geckodriver)
    throw new Error(
      'grid: a Firefox node needs geckodriver, and there is none where cargo installs (~/.cargo/bin; scripts/setup.sh compiles it from crates.io)',
    );
  return {
    stereotype: { browserName: 'firefox', 'moz:firefoxOptions': { binary: choice.binary } },
    session: { browserName: 'firefox', 'moz:firefoxOptions': { binary: choice.binary, args: ['-headless'] } },
    webdriver: tools.geckodriver,
  };
}

export interface GridNode {
  browser: GridBrowser;
  url: string;
  server: ChildServer;
}

export interface LocalGrid {
  /** The hub's URL: WASM_COMPAT_REMOTE_URL. */
  url: string;
  nodes: GridNode[];
  /** Writes the capabilities of every node's project (`grid-<browser>`) to `file`: WASM_COMPAT_REMOTE_CAPABILITIES. */
  capabilitiesFile(file: string): string;
  stop(): Promise<void>;
}

const toml = (value: unknown) => JSON.stringify(value);

interface GridStatus {
  value?: { ready?: boolean; nodes?: Array<{ availability?: string; slots?: Array<{ stereotype?: { browserName?: string } }> }> };
}

export async function startLocalGrid(
  tools: GridTools,
  browsers: readonly GridBrowser[],
  { sessionRequestTimeoutS = 30, log }: { sessionRequestTimeoutS?: number; log?: (line: string) => void } = {},
): Promise<LocalGrid> {
  const drivers = new Map(browsers.map((b) => [b, nodeDriver(b, tools)]));
  const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-grid-'));
  const [hubPort, publish, subscribe] = [await getPort({ host: '127.0.0.1' }), await getPort({ host: '127.0.0.1' }), await getPort({ host: '127.0.0.1' })];
  const url = `http://127.0.0.1:${hubPort}`;
  const bus = ['--publish-events', `tcp://127.0.0.1:${publish}`, '--subscribe-events', `tcp://127.0.0.1:${subscribe}`];
  // A grid on this machine lives for one run and routes a few hundred WebDriver calls: the JIT's
  // optimising tier and a parallel collector cost more CPU than they return. C1 only and the serial
  // collector: hub and two nodes up with 7.4 CPU s instead of 11.4 (2-core machine, 2026-12-08).
  const jvm = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
  const java = (role: string, args: string[]) => [...jvm, '-cp', tools.classpath, 'org.openqa.selenium.grid.Bootstrap', role, '--host', '127.0.0.1', ...args];
  const started: ChildServer[] = [];
  const stopAll = async () => {
    for (const s of [...started].reverse()) await s.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const hub = await startChildServer({
      name: 'Selenium Grid hub',
      command: tools.java,
      // A request no node can ever take (its node died, or the grid has none for that browser) is
      // refused at once with the grid's reason, instead of waiting in the queue for a node to come.
      args: java('hub', [
        '--port',
        String(hubPort),
        ...bus,
        '--bind-bus',
        'true',
        '--session-request-timeout',
        String(sessionRequestTimeoutS),
        '--reject-unsupported-caps',
        'true',
        // A node that died is known dead in seconds, not after the default two minutes.
        '--healthcheck-interval',
        '5',
      ]),
      url: `${url}/`,
      readyUrl: `${url}/status`,
      timeoutMs: 60_000,
      log: log && ((line) => log(`[hub] ${line}`)),
    });
    started.push(hub);
    const nodes: GridNode[] = [];
    for (const [browser, driver] of drivers) {
      const port = await getPort({ host: '127.0.0.1' });
      const config = join(scratch, `node-${browser}.toml`);
      writeFileSync(
        config,
        [
          '[node]',
          'detect-drivers = false',
          // Selenium Manager would download drivers and browsers, which this machine cannot reach.
          'selenium-manager = false',
          '[[node.driver-configuration]]',
          `display-name = ${toml(browser)}`,
          `webdriver-executable = ${toml(driver.webdriver)}`,
          'max-sessions = 1',
          `stereotype = ${toml(JSON.stringify(driver.stereotype))}`,
          '',
        ].join('\n'),
      );
      // The node's drivers make each session's browser profile under TMPDIR (geckodriver's
      // rust_mozprofile*, 50 MB each) and leave it there when the node is killed, as a test here
      // kills one: under the grid's scratch folder, the grid's stop removes them.
      const tmp = join(scratch, `tmp-${browser}`);
      mkdirSync(tmp);
      const server = await startChildServer({
        name: `Selenium Grid node (${browser})`,
        command: tools.java,
        env: childEnvironment({ TMPDIR: tmp }),
        args: java('node', ['--port', String(port), ...bus, '--hub', url, '--config', config]),
        url: `http://127.0.0.1:${port}/`,
        readyUrl: `http://127.0.0.1:${port}/status`,
        timeoutMs: 60_000,
        log: log && ((line) => log(`[node ${browser}] ${line}`)),
      });
      started.push(server);
      nodes.push({ browser, url: `http://127.0.0.1:${port}`, server });
    }
    // Ready when the hub has every node registered and up: a node answers before the hub knows it.
    let seen = '';
    await pWaitFor(
      async () => {
        const status = (await (await fetch(`${url}/status`)).json()) as GridStatus;
        const up = (status.value?.nodes ?? []).filter((n) => n.availability === 'UP');
        seen = `${up.length} of ${browsers.length} nodes up`;
        return status.value?.ready === true && up.length === browsers.length;
      },
      { interval: 250, timeout: { milliseconds: 60_000, message: new Error(`Selenium Grid at ${url} did not register its nodes in 60 s (${seen})`) } },
    );
    return {
      url,
      nodes,
      capabilitiesFile(file) {
        const projects = Object.fromEntries([...drivers].map(([browser, d]) => [`grid-${browser}`, d.session]));
        writeFileSync(file, `${JSON.stringify({ projects }, null, 2)}\n`);
        return file;
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
