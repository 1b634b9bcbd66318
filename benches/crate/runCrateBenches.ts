// npm run bench:crate: the subject crate's own #[wasm_bindgen_bench] benchmarks (wasm-bindgen-test's
// criterion port) in every browser project, one project at a time, so no two engines compete for
// the cores. The crate is the run's subject (wasm-compat.config.ts or WASM_COMPAT_CRATE: a library
// crate too); the runner is the crate's own wasm-bindgen-test-runner, as for its tests. Writes
// <reports>/bench/crate/<project>.json and the chart in <reports>/bench/index.html.
//
//   --project chromium,firefox   some projects (default: every browser project)
//   --modes 'main thread,dedicated worker'   contexts (default: the main thread; a binary the crate
//                                pinned runs in its own context)
//   --only <filter>              the #[wasm_bindgen_bench] functions whose names contain it
//   --timeout-s 600              how long one bench binary may run (WASM_BINDGEN_TEST_TIMEOUT)
//   --check                      the A/B check per engine instead (benches/crate/abCheckCrate.ts)
import { parseArgs } from 'node:util';
import { buildRustTests } from '../../runner/rustTests/rustTestBuild.ts';
import { calibrateForThrottledProjects } from '../../runner/throttling/cpuCalibration.ts';
import { resolveSubject, SubjectError } from '../../subject/resolveSubject.ts';
import { chooseBenchProjects } from '../browser/benchProjects.ts';
import { benchReportsDir } from '../report/runFiles.ts';
import { writeSummaryReports } from '../report/writeReports.ts';
import { runCrateAbCheck } from './abCheckCrate.ts';
import { benchCrateInProject, benchModes, type CrateBenchPlan, writeCrateBenchRun } from './crateBenchRuns.ts';
import { appendToHistory } from '../../trends/appendToHistory.ts';
import { benchInvocation, crateBenchRecord } from '../report/benchHistory.ts';
import { crateBenchTable } from './crateBenchTable.ts';

if (process.argv.includes('--check')) process.exit(await runCrateAbCheck(process.argv.slice(2)));

function refuse(message: string): never {
  console.error(`bench:crate: ${message}`);
  process.exit(2);
}

const { values: args } = parseArgs({
  options: {
    project: { type: 'string', default: '' },
    modes: { type: 'string', default: '' },
    only: { type: 'string', default: '' },
    'timeout-s': { type: 'string', default: '600' },
  },
});
const timeoutSeconds = Number(args['timeout-s']);
if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1) refuse(`--timeout-s takes whole seconds ≥ 1, not '${args['timeout-s']}'`);
let modes: ReturnType<typeof benchModes>;
try {
  modes = benchModes(args.modes);
} catch (error) {
  refuse((error as Error).message);
}
let projects: ReturnType<typeof chooseBenchProjects>;
try {
  projects = chooseBenchProjects(args.project);
} catch (error) {
  refuse((error as Error).message);
}

let plan: CrateBenchPlan;
try {
  const subject = resolveSubject();
  console.log(`bench:crate: cargo bench --no-run --target wasm32-unknown-unknown in ${subject.crateDir ?? subject.name}...`);
  const started = Date.now();
  const build = buildRustTests(subject, 'benches');
  if (!build.artifacts.length)
    refuse(
      `${subject.name} has no #[wasm_bindgen_bench] benchmarks: add wasm-bindgen-test to its [dev-dependencies] and a file under benches/ with #[wasm_bindgen_bench] functions (docs/benchmarks.md, The crate's own benchmarks)`,
    );
  const count = build.artifacts.reduce((n, a) => n + a.tests.length, 0);
  console.log(
    `bench:crate: ${count} #[wasm_bindgen_bench] functions in ${build.artifacts.map((a) => a.target).join(', ')}, built in ${((Date.now() - started) / 1000).toFixed(1)} s; runner ${build.runner}`,
  );
  plan = {
    runner: build.runner,
    artifacts: build.artifacts,
    modes,
    options: { timeoutSeconds, ...(args.only ? { filter: args.only } : {}) },
    subject: { name: subject.name, crateDir: subject.crateDir!, features: subject.features, runner: build.runner },
  };
} catch (error) {
  if (error instanceof SubjectError) refuse(error.message);
  throw error;
}

// A throttled project's CPU rate, calibrated (or reused) before any benchmark loads the machine.
await calibrateForThrottledProjects(projects, (line) => console.log(`bench:crate: ${line}`));
const REPORT_DIR = benchReportsDir();
let failed = 0;
const invocation = benchInvocation('bench:crate', 'crate-bench');
for (const project of projects) {
  const run = await benchCrateInProject(project, plan, (line) => console.log(line));
  if (run.status === 'failed') failed++;
  const file = writeCrateBenchRun(REPORT_DIR, run);
  console.log(
    `${project.name}: ${run.status}${run.reason ? ` — ${run.reason}` : ''} (${(run.durationMs / 1000).toFixed(1)} s) -> ${file}; ${appendToHistory(crateBenchRecord(invocation, run))}`,
  );
  if (run.runs.length) console.log(crateBenchTable(run));
}
writeSummaryReports(REPORT_DIR);
console.log(`bench:crate: wrote ${REPORT_DIR}/summary.md and index.html`);
process.exit(failed ? 1 : 0);
