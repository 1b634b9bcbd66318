// The suite through a real Selenium Grid 4 on this machine (a hub and nodes from Maven Central's
// jars, driving Debian's Chromium through chromedriver and Firefox ESR through a geckodriver built
// from crates.io), one grid with a Chromium and a Firefox node, two runs. The first runs the
// grid-firefox project whole: the probes and the demo's Rust tests pass, and compat.json names the
// browser and version the node's session reported. The second runs both projects at once, each
// project's sessions on its own node, and the Firefox node is killed in the middle of its project's
// run: that project fails, naming what the grid said, and grid-chromium's results are whole and
// kept, naming what its node ran. (One run of each project passes whole: Chromium's is the second
// run's, not a first run of both projects, which cost a Chromium project more; and one grid serves
// both runs, where a grid of its own for each started a hub and a Firefox node more.)
// Every probe runs but the timed ones (TIMED_PROBES: the streaming pairs, which the page measures on
// itself, whatever drives it): the grid's Firefox is this machine's Firefox ESR on the same preview
// server, judged on them in the compatibility suite's run before npm test's lanes start, alone on
// the machine. Here they ran in the other lane's busiest minutes, and each page's pairs held every
// other browser of both lanes still for 5 s (runner/timingLock.ts).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ensureGridTools } from '../../runner/engines/grid/gridTools.ts';
import { type GridBrowser, type LocalGrid, startLocalGrid } from '../../runner/engines/grid/localGrid.ts';
import { readCompatFile } from '../../runner/readCompat.ts';
import { TIMED_PROBES } from '../../runner/timingLock.ts';
import { childEnvironment } from '../../settings/environment.ts';
import { runPlaywright } from '../runPlaywright.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-grid-test-'));
let started: LocalGrid | null = null;
after(async () => {
  await started?.stop();
  rmSync(scratch, { recursive: true, force: true });
});
const tools = ensureGridTools((line) => console.log(line));
const BROWSERS: GridBrowser[] = ['chromium', 'firefox'];

/** The grid (started by the first run that asks), the environment that points a run named `name` at it, and the arguments that run `browsers`' projects. */
async function grid(name: string, browsers: GridBrowser[]): Promise<{ grid: LocalGrid; env: NodeJS.ProcessEnv; args: string[] }> {
  started ??= await startLocalGrid(tools, BROWSERS);
  const capabilities = started.capabilitiesFile(join(scratch, `${name}-capabilities.json`));
  logChromium(capabilities, chromiumLog(name));
  const env = childEnvironment({
    WASM_COMPAT_REPORTS_DIR: join(scratch, name),
    WASM_COMPAT_REMOTE_URL: started.url,
    WASM_COMPAT_REMOTE_CAPABILITIES: capabilities,
    WASM_COMPAT_SKIP_PROBES: TIMED_PROBES.join(','),
  });
  const args = [
    '--config=playwright.appium.config.ts',
    ...browsers.map((b) => `--project=grid-${b}`),
    '--reporter=list',
    `--output=${join(scratch, `${name}-results`)}`,
  ];
  return { grid: started, env, args };
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

/** What compat.json must say of a grid project that ran: the remote engine its node's session reported. */
function assertRanOnItsNode(report: ReturnType<typeof readCompatFile>, project: string, engine: GridBrowser): void {
  const p = report.projects[project]!;
  assert.equal(p.status, 'ran', project);
  assert.equal(p.engine?.kind, 'remote', project);
  assert.equal(p.engine?.engine, engine, project);
  assert.match(p.engine!.version, /^\d+\.\d+/, `${project}: the version the grid's session reported`);
  assert.match(p.engine!.source, /remote WebDriver endpoint 127\.0\.0\.1:\d+/, project);
  assert.ok(p.probes.length > 100, `${project}: ${p.probes.length} probes`);
}

test("a grid's Firefox node runs the firefox project, probes and Rust tests, and compat.json names what the node ran", async () => {
  const { env, args } = await grid('whole', ['firefox']);
  const r = await runPlaywright(args, env, 300_000);
  assert.equal(r.status, 0, r.output.slice(-3000));
  const report = readCompatFile(join(scratch, 'whole', 'compat.json'));
  assert.deepEqual(Object.keys(report.projects), ['grid-firefox']);
  assertRanOnItsNode(report, 'grid-firefox', 'firefox');
  const p = report.projects['grid-firefox']!;
  assert.ok(
    (p.rustTests ?? []).some((t) => t.status === 'passed'),
    "grid-firefox: the demo's Rust tests ran",
  );
  assert.equal(p.tests.failed, 0, r.output.slice(-3000));
});

test("the grid runs both projects on their nodes; one node killed in the middle of its project's run fails that project with the grid's reason, and the other project's results are kept whole", async () => {
  const { grid: g, env, args } = await grid('killed', ['chromium', 'firefox']);
  const firefox = g.nodes.find((n) => n.browser === 'firefox')!;
  let killed = false;
  const r = await runPlaywright(args, env, 300_000, (output) => {
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
  assertRanOnItsNode(report, 'grid-chromium', 'chromium');
  // Whole: the ten spec tests and the demo's 8 Rust tests (a Playwright test each, one #[ignore]d), each Rust test in the 5 default modes.
  assert.ok(chromium.tests.passed >= 17, JSON.stringify(chromium.tests));
  const rust = chromium.rustTests ?? [];
  assert.equal(rust.length, 40, "the demo's 8 Rust tests in 5 modes");
  assert.deepEqual([...new Set(rust.map((t) => t.status))].sort(), ['ignored', 'passed']);
  const ff = report.projects['grid-firefox']!;
  assert.ok(ff.tests.failed > 0, JSON.stringify(ff.tests));
  // Its node took its sessions until it went: the harness load, before the Rust tests, ran on Firefox.
  assert.equal(ff.engine?.engine, 'firefox', JSON.stringify(ff.engine));
  assert.ok(ff.probes.length > 100, `grid-firefox: ${ff.probes.length} probes before the kill`);
  // What the grid said: of the session whose node went away, and of the new sessions no node can take.
  assert.match(
    r.output,
    /\[grid-firefox\][\s\S]*(Unable to execute request for an existing session: java\.net\.ConnectException|No nodes support the capabilities in the request)/,
  );
});
