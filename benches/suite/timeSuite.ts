// npm run bench:suite: the wall time of `npx playwright test` as a user runs it (five projects and
// the serving matrix, the default reporters), run after run on this machine. The first run of a
// fresh checkout pays for cold caches (Vite's, the browsers' first start); the later ones are warm.
// A benchmark, not a test: nothing here asserts a time; the figures go to the terminal and to
// <reports>/suite-timing.json. The runs' own reports go to a scratch folder, not reports/.
//   npm run bench:suite -- [--runs 3] [-- <playwright args>]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { reportPath } from '../../reporting/reportsFolder.ts';
import { writeJsonAtomic } from '../../reporting/writeWhole.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' } } });
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
}

const results: TimedRun[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const load = loadavg()[0]!;
    const started = process.hrtime.bigint();
    const child = spawnSync('node_modules/.bin/playwright', ['test', ...positionals], {
      encoding: 'utf8',
      env: { ...process.env, WASM_COMPAT_REPORTS_DIR: join(scratch, `run${run}`), FORCE_COLOR: '0' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const summary = (child.stdout.match(/^\s*\d+ (passed|failed|flaky|skipped).*$/gm) ?? []).map((l) => l.trim()).join(', ');
    results.push({ run, wallSeconds: Math.round(wallSeconds * 10) / 10, exitCode: child.status, loadAverageBefore: Math.round(load * 100) / 100, summary });
    console.log(`run ${run}/${runs}: ${wallSeconds.toFixed(1)} s wall, exit ${child.status}, load ${load.toFixed(2)} before: ${summary || child.stderr.slice(-500)}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const warm = results.slice(1).map((r) => r.wallSeconds);
writeJsonAtomic(outFile, { measuredAt: new Date().toISOString(), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, command: `npx playwright test ${positionals.join(' ')}`.trim(), runs: results });
console.log(`first run ${results[0]!.wallSeconds} s${warm.length ? `; warm runs ${warm.join(' s, ')} s (median ${[...warm].sort((a, b) => a - b)[Math.floor((warm.length - 1) / 2)]} s)` : ''}; on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} -> ${outFile}`);
process.exit(results.some((r) => r.exitCode !== 0) ? 1 : 0);
