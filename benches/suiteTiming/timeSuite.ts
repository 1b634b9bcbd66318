// npm run bench:suite: the wall time of `npx playwright test` as a user runs it (the five projects;
// the serving matrix with WASM_COMPAT_MATRIX=1; the default reporters), run after run on this machine, and where each run's
// time went (suiteProfile.ts: global setup, engines started, page loads, specs, Rust-test modes,
// probes, per project). The first run of a fresh checkout pays for cold caches (Vite's, the
// browsers' first start); the later ones are warm. A benchmark, not a test: nothing here asserts a
// time. The figures go to the terminal and to <reports>/suite-timing.json; the previous file moves
// to the history, and the summary puts the last run beside the previous file's. The runs' own
// reports go to a scratch folder, not reports/.
//   npm run bench:suite -- [--runs 3] [--summary <file>] [-- <playwright args>]
//   --summary <file>   also append the Markdown summary there (CI: $GITHUB_STEP_SUMMARY)
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCompatFile } from '../../runner/readCompat.ts';
import { archive } from '../../reporting/history.ts';
import { reportPath } from '../../reporting/reportsFolder.ts';
import { writeJsonAtomic } from '../../reporting/writeWhole.ts';
import { type PlaywrightJsonReport, profileRun, summarize, type SuiteProfile } from './suiteProfile.ts';
import { childEnvironment } from '../../settings/environment.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' }, summary: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${values.runs}: expected a positive integer`);
const outFile = reportPath('suite-timing.json');
const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-suite-timing-'));

interface TimedRun {
  run: number;
  wallSeconds: number;
  exitCode: number | null;
  loadAverageBefore: number;
  summary: string;
  profile: SuiteProfile | null;
}

interface SuiteTiming {
  measuredAt: string;
  cpus: number;
  cpuModel: string | null;
  command: string;
  runs: TimedRun[];
}

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

const previous = readJson<SuiteTiming>(outFile);
const results: TimedRun[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const load = loadavg()[0]!;
    const reports = join(scratch, `run${run}`);
    const runJson = join(scratch, `run${run}.json`);
    const started = process.hrtime.bigint();
    const child = spawnSync('node_modules/.bin/playwright', ['test', ...positionals], {
      encoding: 'utf8',
      env: childEnvironment({ WASM_COMPAT_REPORTS_DIR: reports, WASM_COMPAT_RUN_JSON: runJson, FORCE_COLOR: '0' }),
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const summary = (child.stdout.match(/^\s*\d+ (passed|failed|flaky|skipped).*$/gm) ?? []).map((l) => l.trim()).join(', ');
    const json = readJson<PlaywrightJsonReport>(runJson);
    const compat = join(reports, 'compat.json');
    const profile = json ? profileRun(json, existsSync(compat) ? readCompatFile(compat) : null) : null;
    results.push({
      run,
      wallSeconds: Math.round(wallSeconds * 10) / 10,
      exitCode: child.status,
      loadAverageBefore: Math.round(load * 100) / 100,
      summary,
      profile,
    });
    console.log(
      `run ${run}/${runs}: ${wallSeconds.toFixed(1)} s wall, exit ${child.status}, load ${load.toFixed(2)} before: ${summary || child.stderr.slice(-500)}`,
    );
    // A run that failed is no figure to compare: which tests failed, as Playwright listed them.
    if (child.status !== 0) {
      const errors = (child.stdout.match(/^\s+\d+\) \[.*$|^\s+Error: .*$/gm) ?? []).slice(0, 30);
      console.log([...errors, child.stdout.slice(child.stdout.search(/^\s+\d+ failed$/m)).slice(0, 2000)].join('\n'));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const warm = results.slice(1).map((r) => r.wallSeconds);
archive(outFile, 'suite-timing', '.json');
writeJsonAtomic(outFile, {
  measuredAt: new Date().toISOString(),
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  command: `npx playwright test ${positionals.join(' ')}`.trim(),
  runs: results,
} satisfies SuiteTiming);
const last = results.at(-1)!.profile;
if (last) {
  const table = summarize(last, previous?.runs.at(-1)?.profile ?? null);
  const text = `### npx playwright test: where the time went (run ${results.length} of ${results.length}${previous ? `, beside the previous file's last run of ${previous.measuredAt}` : ''})\n\n${table}\n`;
  console.log(`\n${text}`);
  if (values.summary) appendFileSync(values.summary, `${text}\n`);
}
console.log(
  `first run ${results[0]!.wallSeconds} s${warm.length ? `; warm runs ${warm.join(' s, ')} s (median ${[...warm].sort((a, b) => a - b)[Math.floor((warm.length - 1) / 2)]} s)` : ''}; on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} -> ${outFile}`,
);
process.exit(results.some((r) => r.exitCode !== 0) ? 1 : 0);
