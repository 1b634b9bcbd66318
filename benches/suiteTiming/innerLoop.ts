// npm run bench:inner-loop: the suite's inner loop beside the peer's, on the same crate's tests, in
// one run, rounds interleaved so that the machine's load falls on both alike:
//   peer      WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome (in the crate's folder)
//   same      WASM_COMPAT_CRATE=<crate> WASM_COMPAT_RUST_MODES=<the peer's modes> npx playwright test
//             --project=chromium rustTests (the peer's tests where the peer runs them: an unpinned
//             binary on the main thread, a pinned one in its own context; peerModes(): the same work)
//   rust      WASM_COMPAT_CRATE=<crate> npx playwright test --project=chromium rustTests (its tests in
//             every mode of the suite's default: runner/rustTests/rustTestModes.ts)
//   project   WASM_COMPAT_CRATE=<crate> npx playwright test --project=chromium (the tests, and every probe)
// The first round warms the caches (builds, the harness) and is not counted. A benchmark, not a
// test: nothing asserts a time; the medians and the ratios go to the terminal and to
// <reports>/inner-loop.json. The peer needs what `wasm-pack test` needs (a chromedriver; as root, a
// webdriver.json in the crate with --no-sandbox): --chromedriver names the driver.
//   npm run bench:inner-loop -- --crate ../wasm-streams [--rounds 3] [--chromedriver /usr/bin/chromedriver]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportPath } from '../../reporting/reportsFolder.ts';
import { writeJsonAtomic } from '../../reporting/writeWhole.ts';
import { median } from '../../harness/probes/loading/_streamingVerdict.ts';
import { childEnvironment } from '../../settings/environment.ts';
import { peerModes, rustTestModes } from '../../runner/rustTests/rustTestModes.ts';
import { rustTestSuite } from '../../runner/rustTests/rustTestBuild.ts';
import { resolveSubjectFrom } from '../../subject/resolveSubject.ts';

const { values } = parseArgs({
  options: { crate: { type: 'string' }, rounds: { type: 'string', default: '3' }, chromedriver: { type: 'string', default: '/usr/bin/chromedriver' } },
});
if (!values.crate) throw new Error('--crate <folder>: the crate whose tests both tools run');
const crate = resolve(values.crate);
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds ${values.rounds}: expected a positive integer`);
const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-inner-loop-'));
// Where the peer runs each test binary, read from the binaries themselves (built here once, as a run would).
const sameModes = peerModes(rustTestSuite(resolveSubjectFrom({ WASM_COMPAT_CRATE: crate })).artifacts.map((a) => a.configure));

interface Timed {
  seconds: number;
  exitCode: number | null;
  tail: string;
}

function time(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Timed {
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, {
    cwd,
    env: childEnvironment({ ...env, FORCE_COLOR: '0', NO_COLOR: '1' }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const out = `${run.stdout}\n${run.stderr}`;
  const tail = (out.match(/^.*(test result:|passed|failed).*$/gm) ?? []).slice(-2).join(' | ');
  return { seconds: Math.round(seconds * 100) / 100, exitCode: run.status, tail };
}

const suite = (args: string[], round: number, env: Record<string, string> = {}): Timed =>
  time('node_modules/.bin/playwright', ['test', '--project=chromium', ...args], process.cwd(), {
    WASM_COMPAT_CRATE: crate,
    WASM_COMPAT_REPORTS_DIR: join(scratch, `r${round}`),
    ...env,
  });
const tools = {
  peer: (_round: number) =>
    time('wasm-pack', ['test', '--headless', '--chrome', '--chromedriver', values.chromedriver!], crate, { WASM_BINDGEN_USE_BROWSER: '1' }),
  same: (round: number) => suite(['rustTests'], round, { WASM_COMPAT_RUST_MODES: sameModes.join(',') }),
  rust: (round: number) => suite(['rustTests'], round),
  project: (round: number) => suite([], round),
};

const results: Record<keyof typeof tools, Timed[]> = { peer: [], same: [], rust: [], project: [] };
try {
  for (let round = 0; round <= rounds; round++) {
    for (const [name, run] of Object.entries(tools) as Array<[keyof typeof tools, (r: number) => Timed]>) {
      const timed = run(round);
      console.log(`${round === 0 ? 'warm-up' : `round ${round}/${rounds}`} ${name}: ${timed.seconds} s, exit ${timed.exitCode} (${timed.tail})`);
      if (round > 0) results[name].push(timed);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
// Rounded to the hundredth the runs are timed to: a median of two is their mean, with a float's tail.
const med = (name: keyof typeof tools) => Math.round(median(results[name].map((r) => r.seconds)) * 100) / 100;
const summary = { peer: med('peer'), same: med('same'), rust: med('rust'), project: med('project') };
writeJsonAtomic(reportPath('inner-loop.json'), {
  measuredAt: new Date().toISOString(),
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  crate,
  rounds,
  peerModes: sameModes,
  medianSeconds: summary,
  ratioToPeer: { same: summary.same / summary.peer, rust: summary.rust / summary.peer, project: summary.project / summary.peer },
  results,
});
console.log(
  `medians over ${rounds} warm rounds: peer ${summary.peer} s; the same tests through the suite (${sameModes.join(', ')}) ${summary.same} s (${(summary.same / summary.peer).toFixed(1)}×); the suite's Rust tests (${rustTestModes().length} modes, as the run reads WASM_COMPAT_RUST_MODES) ${summary.rust} s (${(summary.rust / summary.peer).toFixed(1)}×); the whole chromium project ${summary.project} s (${(summary.project / summary.peer).toFixed(1)}×) -> ${reportPath('inner-loop.json')}`,
);
