// npm run bench:native (after `cargo bench` in crate/): collects criterion's estimates into
// reports/bench/native.json, after checking that native code computed, on the benchmarks' own
// inputs, what the WASM export and the JS twin compute (the bench writes its outputs beside its
// estimates). Then rewrites summary.md and index.html.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatMs, formatPct } from '../report/format.ts';
import { benchReportsDir, writeBenchRun } from '../report/runFiles.ts';
import { benchedPkgDir } from '../benchedBuild.ts';
import { writeSummaryReports } from '../report/writeReports.ts';
import { outputDifference } from '../run/sameOutput.ts';
import { suites } from '../suites/index.ts';
import { defaultSizes } from '../suites/inputs.ts';
import type { BenchContext } from '../suites/types.ts';
import { loadRawCrate } from '../node/loadRawCrate.ts';
import { readCriterionEstimates } from './criterionEstimates.ts';
import type { NativeRun, NativeTask } from './schema.ts';
import { outsideVariable } from '../../settings/environment.ts';

const PKG_DIR = benchedPkgDir();

const REPORT_DIR = benchReportsDir();

const home = resolve(outsideVariable('CRITERION_HOME') ?? join(outsideVariable('CARGO_TARGET_DIR') ?? 'crate/target', 'criterion'));
const estimates = readCriterionEstimates(home);
if (estimates.length === 0) {
  console.error(`bench:native: no criterion estimates under ${home}: run \`cargo bench --bench kernels\` in crate/ first`);
  process.exit(1);
}
const nativeOutputs = JSON.parse(readFileSync(join(home, 'wasm-compat-outputs.json'), 'utf8')) as Record<string, unknown>;

// The suites' own inputs and sides: the same code `npm run bench` times.
const { crate, wasmBytes } = await loadRawCrate(PKG_DIR);
const context: BenchContext = { crate, wasmBytes, wasmUrl: '', noncedWasmUrl: null, sizes: defaultSizes };
const verdicts = new Map<string, string>();
for (const suite of suites) {
  if (suite.name === 'load' || suite.name === 'compile') continue; // no native counterpart, and they need a server
  for (const p of suite.pairs(context)) {
    if (!p.native || !(p.native in nativeOutputs)) continue;
    const input = await p.setup();
    const comparable = async (v: unknown) => (p.comparable ? await p.comparable(v) : v) ?? null; // a JS undefined is JSON's null
    const native = await comparable(nativeOutputs[p.native]);
    const problems = [];
    for (const side of [p.measured, p.reference]) {
      const d = outputDifference(native, await comparable(await side.run(input)), `native vs ${side.label}`);
      if (d) problems.push(d);
    }
    // Several pairs may share a native kernel (serde.json and serde.jsonBare): all must agree.
    const verdict = problems.length ? `differ: ${problems.join('; ')}` : 'equal';
    verdicts.set(p.native, verdicts.get(p.native)?.startsWith('differ') ? verdicts.get(p.native)! : verdict);
  }
}

const tasks: NativeTask[] = estimates.map((e) => ({
  id: e.id,
  meanNs: e.mean.point_estimate,
  lowerNs: e.mean.confidence_interval.lower_bound,
  upperNs: e.mean.confidence_interval.upper_bound,
  medianNs: e.median.point_estimate,
  stdDevNs: e.stdDev.point_estimate,
  rme: (100 * (e.mean.confidence_interval.upper_bound - e.mean.confidence_interval.lower_bound)) / 2 / e.mean.point_estimate,
  outputs: verdicts.get(e.id) ?? 'not checked',
}));

const rustc = (() => {
  try {
    return execFileSync('rustc', ['-vV'], { encoding: 'utf8', cwd: 'crate' });
  } catch {
    return '';
  }
})();
const run: NativeRun = {
  schema: 1,
  kind: 'wasm-compat-native',
  collectedAt: new Date().toISOString(),
  measuredAt: new Date(Math.max(...estimates.map((e) => e.modifiedMs))).toISOString(),
  rustc: rustc.split('\n')[0] ?? 'unknown',
  host: /host: (\S+)/.exec(rustc)?.[1] ?? `${process.platform}-${process.arch}`,
  tasks,
};
writeBenchRun(REPORT_DIR, 'native', run);
writeSummaryReports(REPORT_DIR);
for (const t of tasks) console.log(`${t.id.padEnd(20)} ${formatMs(t.meanNs / 1e6).padStart(10)} ${formatPct(t.rme)}  outputs ${t.outputs}`);
const differing = tasks.filter((t) => t.outputs.startsWith('differ'));
if (differing.length) {
  console.error(`bench:native: native outputs differ from WASM/JS for ${differing.map((t) => t.id).join(', ')}`);
  process.exit(1);
}
console.log(`bench:native: wrote ${join(REPORT_DIR, 'native.json')}, summary.md, index.html`);
