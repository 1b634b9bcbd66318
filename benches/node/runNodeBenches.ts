// npm run bench: every suite in Node with tinybench, on the demo crate's build (benches/benchedBuild.ts).
// Prints the table, writes reports/bench/node.json, then summary.md and index.html over every
// report in reports/bench. Exits 1 when a pair's outputs differ or a task fails.
//
//   --check               the A/B check instead of a run (benches/node/abCheck.ts): this build (B)
//                         against another (A), interleaved in this process; exit 1 naming each
//                         task slower beyond the horizon, 3 unsure, 4 outputs differ, 5 a task
//                         threw (benches/ab/gate.ts). A: --against <ref> (default: the merge
//                         base with main, or HEAD~1 on main) or --against-pkg <dir>
//                         [--against-features f]; B: this build, --b-pkg <dir> or --b-features f;
//                         --horizon <pct> --turn-ms <ms> --min-rounds n --max-rounds n --max-seconds s
//                         --task math.sieve,... (only those pairs)  --accept-unsure (unsure passes)
//   --only <suite,...>    run some suites         --time <ms>         tinybench time per task
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AbBuildError } from '../ab/buildRef.ts';
import { AB_ARG_OPTIONS, AB_GATE_ARG_OPTIONS, abGateSettings, abSettings, AbUsageError } from '../ab/abOptions.ts';
import { AB_EXIT } from '../ab/gate.ts';
import { appendToHistory } from '../../trends/appendToHistory.ts';
import { benchInvocation, benchRecord } from '../report/benchHistory.ts';
import { benchReportsDir, writeBenchRun } from '../report/runFiles.ts';
import { benchedBuildWarning, benchedPkgDir, otherSubjectNote } from '../benchedBuild.ts';
import { renderTextTable, tableRows } from '../report/nodeTable.ts';
import { BENCH_RUN_SCHEMA, type BenchRun } from '../report/schema.ts';
import { writeSummaryReports } from '../report/writeReports.ts';
import { BATCH_FLOOR_MS, defaultRunOptions, DEFAULT_TIME_MS } from '../run/defaults.ts';
import { batchTargetMs, measureTimerResolutionUs, timestampProviderName } from '../run/environment.ts';
import { runSuites } from '../run/runPairs.ts';
import { selectSuites } from '../suites/index.ts';
import { defaultSizes } from '../suites/inputs.ts';
import { runAbCheck } from './abCheck.ts';
import { loadRawCrate } from './loadRawCrate.ts';
import { serveWasm } from './serveWasm.ts';

const PKG_DIR = benchedPkgDir();

const REPORT_DIR = benchReportsDir();

const { values: args } = parseArgs({
  options: {
    ...AB_ARG_OPTIONS,
    ...AB_GATE_ARG_OPTIONS,
    only: { type: 'string', default: '' },
    time: { type: 'string', default: String(DEFAULT_TIME_MS) },
  },
});
const timeMs = Number(args.time);
if (!(timeMs > 0)) {
  console.error(`bench: --time ${args.time}: expected a positive number of ms`);
  process.exit(2);
}

const log = (line: string) => process.stderr.write(`${line}\n`);
if (!args.check && (args.task !== undefined || args['accept-unsure'])) {
  console.error(
    `bench: ${args.task !== undefined ? `--task ${args.task}` : '--accept-unsure'} belongs to the A/B check: add --check (a plain run takes --only <suite,...>)`,
  );
  process.exit(2);
}
const selected = () =>
  selectSuites(
    args.only
      ? args.only
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

if (args.check) {
  const settings = abSettings(args);
  const gate = abGateSettings(args);
  if (typeof settings === 'string' || typeof gate === 'string') {
    console.error(`bench: ${typeof settings === 'string' ? settings : gate}`);
    process.exit(AB_EXIT.usage);
  }
  try {
    process.exit(await runAbCheck({ ...settings, ...gate, defaultPkgDir: PKG_DIR, suites: selected(), reportDir: REPORT_DIR, log }));
  } catch (error) {
    console.error(`bench: A/B check: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof AbBuildError || error instanceof AbUsageError ? AB_EXIT.usage : AB_EXIT.crashed);
  }
}

const started = new Date();
const loadStart = loadavg();

const stale = benchedBuildWarning(PKG_DIR);
if (stale) log(`bench: warning: ${stale}`);
const other = otherSubjectNote();
if (other) log(`bench: ${other}`);
const { crate, wasmBytes, buildInfo } = await loadRawCrate(PKG_DIR);
const server = await serveWasm(wasmBytes);
const timerResolutionUs = await measureTimerResolutionUs();
const options = defaultRunOptions(batchTargetMs(timerResolutionUs, BATCH_FLOOR_MS), timeMs);
const suites = selected();
log(
  `bench: Node ${process.version}, ${cpus().length} CPUs, load average ${loadStart.map((l) => l.toFixed(2)).join(' ')}; performance.now() step ${timerResolutionUs} µs; ${suites.length} suites`,
);

let pairs;
try {
  pairs = await runSuites(suites, { crate, wasmBytes, wasmUrl: server.url, noncedWasmUrl: server.noncedUrl, sizes: defaultSizes }, options, { log });
} finally {
  await server.close();
}
const finished = new Date();

const run: BenchRun = {
  schema: BENCH_RUN_SCHEMA,
  kind: 'wasm-compat-bench',
  project: 'node',
  status: 'done',
  reason: null,
  engine: null,
  environment: {
    kind: 'node',
    runtime: `node ${process.versions.node}`,
    userAgent: null,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    loadAverage: { start: loadStart, end: loadavg() },
    crossOriginIsolated: null,
    timerResolutionUs,
    timestampProvider: timestampProviderName(),
  },
  build: buildInfo,
  options,
  startedAt: started.toISOString(),
  finishedAt: finished.toISOString(),
  durationMs: finished.getTime() - started.getTime(),
  pairs,
};

console.log(renderTextTable(tableRows(pairs)));
console.log(
  `\n${pairs.length} pairs in ${(run.durationMs / 1000).toFixed(1)} s; load average ${run.environment!.loadAverage!.end.map((l) => l.toFixed(2)).join(' ')} at the end`,
);

writeBenchRun(REPORT_DIR, 'node', run);
console.log(`bench: ${appendToHistory(benchRecord(benchInvocation('bench', 'bench', started), run))}`);
const exitCode = pairs.some((p) => p.status !== 'ok') ? 1 : 0;
if (exitCode)
  console.error(
    `bench: not timed: ${pairs
      .filter((p) => p.status !== 'ok')
      .map((p) => `${p.id} (${p.status})`)
      .join(', ')}`,
  );
writeSummaryReports(REPORT_DIR);
console.log(`bench: wrote ${join(REPORT_DIR, 'node.json')}, summary.md, index.html`);
process.exit(exitCode);
