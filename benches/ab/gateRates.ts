// npm run bench:gate-rates: what the Node A/B gate (npm run bench -- --check) is worth, measured
// by running it many times: the share of A = B runs it fails as SLOWER (false alarms) and the
// share of runs it catches a 20 % slowdown of math.sieve in (the crate's bench-slowdown-20
// feature). A benchmark, not a test: its figures depend on the machine and its load, so they are
// recorded with both (reports/bench/gate-rates.json) and quoted in docs/benchmarks.md.
//
// Both builds are made here, the same way, from this working tree: A without features, B with
// bench-slowdown-20; the A = B runs time A against itself (the same files loaded twice, as
// --against-pkg and --b-pkg). The runs alternate which arm goes first, so a change of load over
// the minutes lands on both arms alike. Each run is a whole gate in a process of its own.
//
//   --runs 20            runs per arm (the issue asks for at least 20)
//   --task math.sieve    the pair timed (--only is its suite)
//   --max-seconds 20     each run's time cap; --turn-ms 40
//   --out <file>         default <reports>/bench/gate-rates.json
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeJsonAtomic } from '../../reporting/writeWhole.ts';
import { benchReportsDir } from '../report/runFiles.ts';
import { AB_DEFAULTS, abGateSettings } from './abOptions.ts';
import { AB_CACHE_DIR, buildCrate } from './buildRef.ts';
import { type GateRateArm, type GateRun, summarizeArm } from './gateRateSummary.ts';
import type { AbRun } from './schema.ts';
import { lookPlan } from './stoppingRule.ts';
import { DEFAULT_HORIZON_PCT } from './verdict.ts';
import { childEnvironment } from '../../settings/environment.ts';

const SLOWDOWN_FEATURE = 'bench-slowdown-20';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    task: { type: 'string', default: 'math.sieve' },
    'max-seconds': { type: 'string', default: '20' },
    'turn-ms': { type: 'string', default: String(AB_DEFAULTS.turnMs) },
    out: { type: 'string' },
  },
});

function positive(name: string, value: string, whole: boolean): number {
  const n = Number(value);
  if (!(n > 0) || (whole && !Number.isInteger(n))) {
    console.error(`bench:gate-rates: --${name} ${value} must be a positive ${whole ? 'whole number' : 'number'}`);
    process.exit(2);
  }
  return n;
}

const runs = positive('runs', values.runs, true);
const maxSeconds = positive('max-seconds', values['max-seconds'], false);
const turnMs = positive('turn-ms', values['turn-ms'], false);
const gate = abGateSettings({ task: values.task });
if (typeof gate === 'string' || gate.pairIds.length !== 1) {
  console.error(`bench:gate-rates: ${typeof gate === 'string' ? gate : `--task ${values.task}: give one pair id`}`);
  process.exit(2);
}
const task = gate.pairIds[0]!;
const suite = task.split('.')[0]!;
const out = resolve(values.out ?? join(benchReportsDir(), 'gate-rates.json'));
const log = (line: string) => process.stderr.write(`${line}\n`);

// Built here rather than through --b-features so that A and B come from one script, one target
// folder and one toolchain, differing in the feature only.
const pkgs: Record<GateRateArm, string> = {
  same: join(AB_CACHE_DIR, 'gate-rates', 'plain', 'pkg'),
  slowdown: join(AB_CACHE_DIR, 'gate-rates', SLOWDOWN_FEATURE, 'pkg'),
};
buildCrate('gate rates: building A (this working tree, no features)', resolve('crate'), pkgs.same, { features: '', optimization: null }, log);
buildCrate(
  `gate rates: building B (this working tree, ${SLOWDOWN_FEATURE})`,
  resolve('crate'),
  pkgs.slowdown,
  { features: SLOWDOWN_FEATURE, optimization: null },
  log,
);

function gateRun(arm: GateRateArm, index: number): GateRun {
  const dir = mkdtempSync(join(tmpdir(), 'wasm-compat-gate-rates-'));
  const load1 = loadavg()[0]!;
  const started = Date.now();
  try {
    const args = [
      '--check',
      '--against-pkg',
      pkgs.same,
      '--b-pkg',
      pkgs[arm],
      '--only',
      suite,
      '--task',
      task,
      '--max-seconds',
      String(maxSeconds),
      '--turn-ms',
      String(turnMs),
    ];
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'benches/node/runNodeBenches.ts', ...args], {
      encoding: 'utf8',
      env: childEnvironment({ WASM_COMPAT_REPORTS_DIR: dir }),
    });
    const seconds = (Date.now() - started) / 1000;
    let report: AbRun | null = null;
    try {
      report = JSON.parse(readFileSync(join(dir, 'bench', 'ab-node.json'), 'utf8')) as AbRun;
    } catch {
      log(`bench:gate-rates: run ${index} (${arm}) wrote no report; its stderr:\n${r.stderr}`);
    }
    const t = report?.tasks[0];
    return {
      arm,
      index,
      exitCode: r.status,
      verdict: t?.verdict ?? t?.status ?? null,
      ratio: t?.ratio ?? null,
      low: t?.low ?? null,
      high: t?.high ?? null,
      rounds: t?.rounds.length ?? 0,
      stoppedBy: t?.stoppedBy ?? null,
      seconds,
      load1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const started = new Date();
const loadStart = loadavg();
log(
  `bench:gate-rates: ${runs} runs per arm of the gate on ${task}, --max-seconds ${maxSeconds}, --turn-ms ${turnMs}; load average ${loadStart.map((l) => l.toFixed(2)).join(' ')}`,
);
const results: GateRun[] = [];
for (let i = 1; i <= runs; i++) {
  const order: GateRateArm[] = i % 2 ? ['same', 'slowdown'] : ['slowdown', 'same'];
  for (const arm of order) {
    const r = gateRun(arm, i);
    results.push(r);
    const ci = r.low !== null && r.high !== null ? `${((r.low - 1) * 100).toFixed(1)} % to ${((r.high - 1) * 100).toFixed(1)} %` : 'no interval';
    log(
      `  ${arm.padEnd(8)} ${String(i).padStart(2)}: exit ${r.exitCode}, ${r.verdict ?? '—'} (${ci}), ${r.rounds} rounds, ${r.seconds.toFixed(1)} s, load ${r.load1.toFixed(2)}`,
    );
  }
}
const finished = new Date();
const arms = { same: summarizeArm(results.filter((r) => r.arm === 'same')), slowdown: summarizeArm(results.filter((r) => r.arm === 'slowdown')) };
const loads = results.map((r) => r.load1);
writeJsonAtomic(out, {
  kind: 'wasm-compat-bench-gate-rates',
  startedAt: started.toISOString(),
  finishedAt: finished.toISOString(),
  durationSeconds: (finished.getTime() - started.getTime()) / 1000,
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    loadAverage: { start: loadStart, end: loadavg(), runs1MinMin: Math.min(...loads), runs1MinMax: Math.max(...loads) },
  },
  settings: {
    task,
    suite,
    runsPerArm: runs,
    maxSeconds,
    turnMs,
    horizonPct: DEFAULT_HORIZON_PCT,
    minRounds: AB_DEFAULTS.minRounds,
    maxRounds: AB_DEFAULTS.maxRounds,
    stoppingRule: lookPlan(AB_DEFAULTS.minRounds, AB_DEFAULTS.maxRounds).description,
    slowdownFeature: SLOWDOWN_FEATURE,
  },
  falseAlarmRate: arms.same.slowerShare,
  detectionRate: arms.slowdown.slowerShare,
  arms,
  runs: results,
});
const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
console.log(
  `false alarms (A = B, exit 1 SLOWER): ${arms.same.slower} of ${arms.same.runs} = ${pct(arms.same.slowerShare)}; exits ${JSON.stringify(arms.same.exitCodes)}`,
);
console.log(
  `20 % slowdown caught (exit 1 SLOWER: ${task}): ${arms.slowdown.slower} of ${arms.slowdown.runs} = ${pct(arms.slowdown.slowerShare)}; exits ${JSON.stringify(arms.slowdown.exitCodes)}; median B/A ${arms.slowdown.medianRatio?.toFixed(3) ?? '—'}`,
);
console.log(
  `load average ${loadStart.map((l) => l.toFixed(2)).join(' ')} → ${loadavg()
    .map((l) => l.toFixed(2))
    .join(
      ' ',
    )} (1-minute, per run: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}); ${((finished.getTime() - started.getTime()) / 1000).toFixed(0)} s; wrote ${out}`,
);
