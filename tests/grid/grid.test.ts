// The suite through a real Selenium Grid 4 on this machine (a hub and two nodes from Maven
// Central's jars, driving Debian's Chromium through chromedriver and Firefox ESR through a
// geckodriver built from crates.io): one project per grid browser runs the probes and the demo's
// Rust tests, and compat.json names the browser and version each node's session reported. Then a
// node killed in the middle of its project's run: that project fails, naming what the grid said,
// and the other project's results are complete and kept.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ensureGridTools } from '../../runner/engines/grid/gridTools.ts';
import { type LocalGrid, startLocalGrid } from '../../runner/engines/grid/localGrid.ts';
import { readCompatFile } from '../../runner/readCompat.ts';
import { childEnvironment } from '../../settings/environment.ts';
import { runPlaywright } from '../runPlaywright.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-grid-test-'));
const grids: LocalGrid[] = [];
after(async () => {
  for (const g of grids) await g.stop();
  rmSync(scratch, { recursive: true, force: true });
});
const tools = ensureGridTools((line) => console.log(line));

async function grid(name: string): Promise<{ grid: LocalGrid; env: NodeJS.ProcessEnv }> {
  const g = await startLocalGrid(tools, ['chromium', 'firefox']);
  grids.push(g);
  const capabilities = g.capabilitiesFile(join(scratch, `${name}-capabilities.json`));
  logChromium(capabilities, chromiumLog(name));
  const env = childEnvironment({
    WASM_COMPAT_REPORTS_DIR: join(scratch, name),
    WASM_COMPAT_REMOTE_URL: g.url,
    WASM_COMPAT_REMOTE_CAPABILITIES: capabilities,
  });
  return { grid: g, env };
}

// Chromium's own log of the run's grid sessions, for a failure's message: the one time a grid tab
// crashed (CI of 2026-12-07, "WebDriverError: tab crashed" in the harness load) nothing said why,
// and the session's profile and output were gone with it.
const chromiumLog = (name: string) => join(scratch, `${name}-chromium.log`);
function logChromium(capabilitiesFile: string, log: string): void {
  const file = JSON.parse(readFileSync(capabilitiesFile, 'utf8')) as { projects: Record<string, { 'goog:chromeOptions': { args: string[] } }> };
  file.projects['grid-chromium']!['goog:chromeOptions'].args.push('--enable-logging', `--log-file=${log}`);
  writeFileSync(capabilitiesFile, JSON.stringify(file));
}
/** The run's output, and what Chromium logged as an error or worse (its last lines), for a failed assertion. */
function failure(name: string, output: string): string {
  const log = chromiumLog(name);
  const chromium = existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => /:(ERROR|FATAL):/.test(line) && !/dbus/.test(line))
        .slice(-20)
    : [];
  return `${output.slice(-3000)}\n--- Chromium's log, errors (${log}):\n${chromium.join('\n') || '(none)'}`;
}

const ARGS = (name: string) => [
  '--config=playwright.appium.config.ts',
  '--project=grid-chromium',
  '--project=grid-firefox',
  '--reporter=list',
  `--output=${join(scratch, `${name}-results`)}`,
];

test('a grid with two nodes runs the chromium and firefox projects, probes and Rust tests, and compat.json names what each node ran', async () => {
  const { env } = await grid('whole');
  const r = await runPlaywright(ARGS('whole'), env, 300_000);
  const why = failure('whole', r.output);
  assert.equal(r.status, 0, why);
  const report = readCompatFile(join(scratch, 'whole', 'compat.json'));
  for (const [project, engine] of [
    ['grid-chromium', 'chromium'],
    ['grid-firefox', 'firefox'],
  ] as const) {
    const p = report.projects[project]!;
    assert.equal(p.status, 'ran', project);
    assert.equal(p.engine?.kind, 'remote', project);
    assert.equal(p.engine?.engine, engine, project);
    assert.match(p.engine!.version, /^\d+\.\d+/, `${project}: the version the grid's session reported`);
    assert.match(p.engine!.source, /remote WebDriver endpoint 127\.0\.0\.1:\d+/, project);
    assert.ok(p.probes.length > 100, `${project}: ${p.probes.length} probes`);
    assert.ok(
      (p.rustTests ?? []).some((t) => t.status === 'passed'),
      `${project}: the demo's Rust tests ran`,
    );
    assert.equal(p.tests.failed, 0, `${project}: ${why}`);
  }
});

test("a node killed in the middle of its project's run fails that project with the grid's reason, and the other project's results are kept whole", async () => {
  const { grid: g, env } = await grid('killed');
  const firefox = g.nodes.find((n) => n.browser === 'firefox')!;
  let killed = false;
  const r = await runPlaywright(ARGS('killed'), env, 300_000, (output) => {
    // Once the firefox project is some way in: the grid's node, its geckodriver and its Firefox go at once.
    if (!killed && /\[grid-firefox\] › tests\/specs\/rustTests/.test(output)) {
      killed = true;
      process.kill(-firefox.server.process.pid!, 'SIGKILL');
    }
  });
  assert.ok(killed, `the firefox project never reached its Rust tests: ${r.output.slice(-2000)}`);
  assert.equal(r.status, 1, r.output.slice(-3000));
  const report = readCompatFile(join(scratch, 'killed', 'compat.json'));
  const chromium = report.projects['grid-chromium']!;
  assert.equal(chromium.tests.failed, 0, failure('killed', r.output));
  // Whole: the ten spec tests and the demo's 8 Rust tests (a Playwright test each, one #[ignore]d), each Rust test in the 5 default modes.
  assert.ok(chromium.tests.passed >= 17, JSON.stringify(chromium.tests));
  assert.ok(chromium.probes.length > 100);
  const rust = chromium.rustTests ?? [];
  assert.equal(rust.length, 40, "the demo's 8 Rust tests in 5 modes");
  assert.deepEqual([...new Set(rust.map((t) => t.status))].sort(), ['ignored', 'passed']);
  const ff = report.projects['grid-firefox']!;
  assert.ok(ff.tests.failed > 0, JSON.stringify(ff.tests));
  // What the grid said: of the session whose node went away, and of the new sessions no node can take.
  assert.match(
    r.output,
    /\[grid-firefox\][\s\S]*(Unable to execute request for an existing session: java\.net\.ConnectException|No nodes support the capabilities in the request)/,
  );
});
