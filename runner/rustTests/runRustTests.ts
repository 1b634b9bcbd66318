// Runs one test .wasm with the real wasm-bindgen-test-runner, its WebDriver pointed at the bridge
// (SAFARIDRIVER_REMOTE: that flavour sends no capabilities of its own and reads either answer shape),
// and reads the libtest-style lines it prints into one result per Rust test.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Driver } from '../drivers/driver.ts';
import type { RustTestArtifact } from './rustTestBuild.ts';
import { startWebDriverBridge } from './webdriverBridge.ts';
import { readShared, writeShared } from '../currentRun.ts';
import { runShared } from '../timingLock.ts';
import { readSetting } from '../../settings/settings.ts';
import { RUST_TEST_MODES, type RustTestMode, unofferedModes } from './rustTestModes.ts';
import { childEnvironment } from '../../settings/environment.ts';

export type RustTestStatus = 'passed' | 'failed' | 'ignored';

export interface RustTestResult {
  name: string;
  status: RustTestStatus;
  /** What the test printed, and for a failure its panic (the runner's failure section for it). */
  output: string;
}

export interface RustTestRun {
  results: RustTestResult[];
  /** The runner's whole output. */
  log: string;
  exitCode: number | null;
  /** The runner's summary line ("test result: ok. 2 passed; ..."), or null when it never printed one. */
  summary: string | null;
}

/**
 * What each test printed, from the runner's --nocapture output: wasm-bindgen-test 0.3.80 runs one
 * test at a time and announces each ("Invoking test: <name>"), so a test's lines are those between
 * its announcement and its outcome line, never another's. A failure's live panic (from "panicked
 * at") is left to its failure section.
 */
export function printedByTest(log: string): Map<string, string> {
  const printed = new Map<string, string>();
  const lines = log.split('\n');
  let current: string | null = null;
  let kept: string[] = [];
  let inPanic = false;
  for (const line of lines) {
    const invoked = /^\s*Invoking test: (\S+)\s*$/.exec(line);
    if (invoked) {
      current = invoked[1]!;
      kept = [];
      inPanic = false;
      continue;
    }
    if (current === null) continue;
    if (line.startsWith(`test ${current} ... `)) {
      printed.set(current, kept.join('\n'));
      current = null;
      continue;
    }
    if (/^\s*panicked at /.test(line)) inPanic = true;
    if (!inPanic && line.trim()) kept.push(line.trim());
  }
  return printed;
}

/** libtest's lines: `test <name> ... ok|FAILED|ignored`, and per failure `---- <name> output ----` sections. */
export function parseRunnerOutput(log: string): { results: RustTestResult[]; summary: string | null } {
  const results = new Map<string, RustTestResult>();
  const printed = printedByTest(log);
  // wasm-bindgen-test 0.3.80 prints FAIL where libtest prints FAILED.
  for (const match of log.matchAll(/^test (\S+) \.\.\. (ok|FAILED|FAIL|ignored)(?:,.*)?$/gm)) {
    const status: RustTestStatus = match[2] === 'ok' ? 'passed' : match[2] === 'ignored' ? 'ignored' : 'failed';
    results.set(match[1]!, { name: match[1]!, status, output: status === 'passed' ? (printed.get(match[1]!) ?? '') : '' });
  }
  const sections = log.split(/^---- (\S+) output ----$/m);
  for (let i = 1; i < sections.length; i += 2) {
    const result = results.get(sections[i]!);
    // The panic's message, without the JS stack the runner prints after it (the whole log is attached).
    const text = sections[i + 1]!.split(/^(?:failures:|test result: )/m)[0]!.split(/^\s*Stack:\s*$/m)[0]!;
    const said = printed.get(sections[i]!);
    // What it printed first, then its panic, as the runner shows a failure without --nocapture.
    if (result)
      result.output = [
        ...(said ? ['log output:', said] : []),
        ...text
          .replace(/^\s*error output:\s*$/m, '')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      ].join('\n');
  }
  const summary = /^test result: .*$/m.exec(log)?.[0] ?? null;
  return { results: [...results.values()], summary };
}

/**
 * The runner's environment for one mode, its WebDriver pointed at the bridge (SAFARIDRIVER_REMOTE)
 * and every other driver variable unset: the runner picks whichever driver it is given.
 */
export function runnerEnvironment(mode: RustTestMode, bridgeUrl: string, timeoutSeconds: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // RUST_BACKTRACE=0: the runner's own backtrace on "some tests failed" says nothing about the tests.
  return childEnvironment({
    ...RUST_TEST_MODES[mode].env,
    SAFARIDRIVER_REMOTE: bridgeUrl,
    WASM_BINDGEN_TEST_TIMEOUT: String(timeoutSeconds),
    NO_COLOR: '1',
    RUST_BACKTRACE: '0',
    ...extra,
    ...Object.fromEntries(
      ['CHROMEDRIVER', 'GECKODRIVER', 'SAFARIDRIVER', 'MSEDGEDRIVER', 'CHROMEDRIVER_REMOTE', 'GECKODRIVER_REMOTE', 'MSEDGEDRIVER_REMOTE'].map((other) => [
        other,
        undefined,
      ]),
    ),
  });
}

/** Runs wasm-bindgen-test-runner to its end: its whole output (stdout and stderr as they came) and exit code. */
export async function spawnRunner(runner: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ log: string; exitCode: number | null }> {
  const chunks: string[] = [];
  const exitCode = await new Promise<number | null>((done, fail) => {
    const child = spawn(runner, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    child.on('error', fail);
    child.on('close', done);
  });
  return { log: chunks.join(''), exitCode };
}

export async function runRustTests(
  runner: string,
  artifact: Pick<RustTestArtifact, 'wasm'>,
  bridgeUrl: string,
  options: { timeoutSeconds: number; skip?: string[]; mode?: RustTestMode },
): Promise<RustTestRun> {
  const env = runnerEnvironment(options.mode ?? 'main thread', bridgeUrl, options.timeoutSeconds);
  const skip = options.skip ?? [];
  // --nocapture: every test's output, passing ones too, each between its announcement and its outcome (printedByTest).
  const args = [artifact.wasm, '--nocapture', ...(skip.length ? ['--exact', ...skip.flatMap((name) => ['--skip', name])] : [])];
  const { log, exitCode } = await spawnRunner(runner, args, env);
  return { ...parseRunnerOutput(log), log, exitCode };
}

export interface ProjectRustRun extends RustTestRun {
  /** Tests that were running when the runner stopped at its timeout. */
  hung: string[];
  timeoutSeconds: number;
  /** Why the engine cannot run this mode's context at all (nothing ran): every test of the mode is unsupported, not failed. */
  unsupported?: string;
}

/**
 * The runner's schema error, as one line with its fix, when the runner and the test build come from
 * different wasm-bindgen versions (the suite picks the crate's own; a runner from elsewhere may not be).
 */
export function schemaMismatch(log: string): string | null {
  const file = /rust Wasm file schema version: (.+)$/im.exec(log)?.[1]?.trim();
  const binary = /this binary schema version: (.+)$/im.exec(log)?.[1]?.trim();
  if (!file || !binary) return null;
  // "0.2.127 (9ae09f1ad)": a wasm-bindgen built from git, whose schema no published runner has, whatever its version number.
  const commit = /^(\S+) \((\w+)\)$/.exec(file);
  if (commit)
    return `wasm-bindgen-test-runner ${binary} cannot run a test build made with wasm-bindgen ${file}, a build from git at ${commit[2]}: no published runner has its schema; build the runner from that same checkout into the suite's place for that version (cargo install --force --path <checkout>/crates/cli --root .cache/wasm-bindgen-cli/${commit[1]})`;
  return `wasm-bindgen-test-runner ${binary} cannot run a test build made with wasm-bindgen ${file}: install the runner of exactly that version (cargo install -f wasm-bindgen-cli --version ${file}), or lock the crate to the runner's (cargo update -p wasm-bindgen --precise ${binary})`;
}

/** Why a test has no result line: a runner of another wasm-bindgen version, the hang that stopped the runner, or the stop before it. */
export function whyNotReported(run: ProjectRustRun, name: string): string {
  const mismatch = schemaMismatch(run.log);
  if (mismatch) return mismatch;
  return run.hung.includes(name)
    ? `it did not finish within ${run.timeoutSeconds} s (WASM_BINDGEN_TEST_TIMEOUT; WASM_COMPAT_RUST_TEST_TIMEOUT sets it): it hangs`
    : `the runner reported nothing for it (exit ${run.exitCode ?? 'none'}; ${run.summary ?? 'no summary line'})`;
}

/** Seconds a test binary may run before the runner gives up (WASM_BINDGEN_TEST_TIMEOUT); WASM_COMPAT_RUST_TEST_TIMEOUT sets it. */
export function rustTestTimeout(): number {
  return readSetting('rustTestTimeout') ?? 60;
}

/** The test that was running when the runner stopped: the last one the page announced ("Invoking test: <name>") without an outcome line. */
export function hungTest(log: string, reported: Set<string>): string | null {
  const invoked = [...log.matchAll(/^\s*Invoking test: (\S+)\s*$/gm)].map((m) => m[1]!);
  return invoked.filter((name) => !reported.has(name)).at(-1) ?? null;
}

/** The name a run's results are kept under for the other workers of the same project (a failed test restarts its worker). */
function sharedRunName(project: string, artifact: RustTestArtifact, mode: RustTestMode): string {
  return `rust-run-${createHash('sha256').update(`${project}\0${artifact.wasm}\0${mode}`).digest('hex').slice(0, 16)}`;
}

/** This worker's runs under way, by sharedRunName: a test that asks for one waits for it instead of starting it again. */
const underWay = new Map<string, Promise<ProjectRustRun>>();

/**
 * Runs one artifact once per project and mode (every Rust test of the project reads the same run).
 * The first to ask runs every mode of the run (`modes`) at once, each in a page of its own, where
 * the driver has companions (Playwright's engines), else one after another in the project's page:
 * either way a worker that Playwright starts after a failed Rust test finds every mode's results
 * and needs no engine. The first mode runs in the project's own page (which first asks which
 * contexts the engine offers). When a test hangs, the runner stops at its timeout;
 * the tests it had not reached run again without it, so one hang costs one timeout and every other
 * test still reports.
 */
export function runRustTestsOnce(
  project: string,
  suite: { runner: string },
  artifact: RustTestArtifact,
  mode: RustTestMode,
  modes: readonly RustTestMode[],
  driver: () => Promise<Driver>,
  origin: string,
): Promise<ProjectRustRun> {
  const name = sharedRunName(project, artifact, mode);
  // Read by every later test of the project, in this worker or the next: the engine starts only for the run itself.
  const earlier = readShared<ProjectRustRun>(name);
  if (earlier) return Promise.resolve(earlier);
  const running = underWay.get(name);
  if (running) return running;
  const nameOf = new Map((modes.includes(mode) ? modes : [mode]).map((m) => [m, sharedRunName(project, artifact, m)]));
  const pending = [...nameOf].filter(([, n]) => !readShared(n) && !underWay.has(n)).map(([m]) => m);
  const settle = new Map(pending.map((m) => [m, Promise.withResolvers<ProjectRustRun>()]));
  for (const [m, { promise }] of settle) {
    underWay.set(nameOf.get(m)!, promise);
    // A mode nobody asks for yet must not end the process as an unhandled rejection; its asker sees the error.
    promise.catch(() => undefined);
  }
  const keep = (m: RustTestMode, run: ProjectRustRun) => {
    writeShared(nameOf.get(m)!, run);
    settle.get(m)?.resolve(run);
  };
  runModes(suite, artifact, pending, driver, origin, keep).then(
    () => {
      for (const [m, { reject }] of settle) reject(new Error(`the Rust test run of ${artifact.target} (${m}) in ${project} left no result`));
    },
    (error: unknown) => {
      for (const [, { reject }] of settle) reject(error);
    },
  );
  return underWay.get(name)!;
}

/** Every run of this worker that is under way, settled: the engine must not close under them. */
export async function rustRunsSettled(): Promise<void> {
  await Promise.allSettled(underWay.values());
}

async function runModes(
  suite: { runner: string },
  artifact: RustTestArtifact,
  pending: readonly RustTestMode[],
  driver: () => Promise<Driver>,
  origin: string,
  keep: (m: RustTestMode, run: ProjectRustRun) => void,
): Promise<void> {
  // The engine first: starting it takes the timing lock too, and a shared hold must not wait inside another.
  const browser = await driver();
  // Beside the other worker's Rust tests, never while a page runs the timing probes (runner/timingLock.ts).
  await runShared(async () => {
    // A context the engine does not offer runs nothing: its tests are unsupported there, with the reason.
    const unoffered = await unofferedModes(browser, pending, origin);
    for (const [m, why] of unoffered)
      keep(m, { results: [], log: '', exitCode: null, summary: null, hung: [], timeoutSeconds: rustTestTimeout(), unsupported: why });
    const offered = pending.filter((m) => !unoffered.has(m));
    if (!browser.companion) {
      for (const m of offered) keep(m, await runAll(suite, artifact, m, browser));
      return;
    }
    // The project's page runs the first mode, a companion page each other one.
    await Promise.all(
      offered.map(async (m, i) => {
        const page = i === 0 ? browser : browser.companion!();
        try {
          keep(m, await runAll(suite, artifact, m, page));
        } finally {
          if (page !== browser) await page.close();
        }
      }),
    );
  });
}

async function runAll(suite: { runner: string }, artifact: RustTestArtifact, mode: RustTestMode, driver: Driver): Promise<ProjectRustRun> {
  const timeoutSeconds = rustTestTimeout();
  const bridge = await startWebDriverBridge(driver);
  const hung: string[] = [];
  const logs: string[] = [];
  const results = new Map<string, RustTestResult>();
  let last: RustTestRun | null = null;
  try {
    for (let attempt = 0; attempt <= artifact.tests.length; attempt++) {
      last = await runRustTests(suite.runner, artifact, bridge.url, { timeoutSeconds, skip: [...hung, ...results.keys()], mode });
      logs.push(last.log);
      for (const r of last.results) results.set(r.name, r);
      if (last.summary !== null) break;
      const stuck = hungTest(last.log, new Set(results.keys()));
      if (!stuck || hung.includes(stuck)) break;
      hung.push(stuck);
    }
  } finally {
    await bridge.close();
  }
  const run: ProjectRustRun = {
    results: [...results.values()],
    log: logs.join('\n---- the runner again, without the tests above ----\n'),
    exitCode: last?.exitCode ?? null,
    summary: last?.summary ?? null,
    hung,
    timeoutSeconds,
  };
  return run;
}
