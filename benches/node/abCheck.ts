// npm run bench -- --check: the A/B check in Node. Both builds are loaded into this one process
// and timed round by round, interleaved (benches/ab/), so a verdict compares two builds on the
// same machine at the same moments. Exits 0 only when it decided, for every task, that B is not
// slower beyond the horizon; 1 when some task is slower with 95 % confidence; 3, 4, 5 when a task
// ended unsure, had outputs that differ, or threw (benches/ab/gate.ts), a stderr line naming each.
// Writes reports/bench/ab-node.json and ab.md.
import { appendToHistory } from '../../trends/appendToHistory.ts';
import { abRecord } from '../ab/abHistory.ts';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AbGateSettings, AbSettings } from '../ab/abOptions.ts';
import { renderAbText, verdictLines } from '../ab/abTable.ts';
import { prepareTasks } from '../ab/abTasks.ts';
import { autoSample } from '../ab/autoSample.ts';
import { exitLine, findingLine, gateExitCode, type GateFinding, gateFindings } from '../ab/gate.ts';
import type { Build } from '../ab/interleave.ts';
import type { AbRun } from '../ab/schema.ts';
import { type AbBuildOptions, settleBuilds } from '../ab/settleBuilds.ts';
import { lookPlan } from '../ab/stoppingRule.ts';
import { slowerTasks, taskResults } from '../ab/taskResults.ts';
import { writeAbReports } from '../ab/writeAbReports.ts';
import { BATCH_FLOOR_MS, DEFAULT_TIME_MS } from '../run/defaults.ts';
import { batchTargetMs, measureTimerResolutionUs } from '../run/environment.ts';
import type { BenchContext, BenchSuite, TwinsModule } from '../suites/types.ts';
import { defaultSizes } from '../suites/inputs.ts';
import { loadRawCrate } from './loadRawCrate.ts';
import { serveWasm, type WasmServer } from './serveWasm.ts';

export interface AbCheckOptions extends AbBuildOptions, AbSettings, AbGateSettings {
  suites: BenchSuite[];
  reportDir: string;
}

/** Each build's own copy of the suite modules (why: benches/ab/abTasks.ts). */
async function suiteCopies(suites: readonly BenchSuite[], build: Build): Promise<BenchSuite[]> {
  return Promise.all(
    suites.map(async ({ name }) => {
      const module = (await import(new URL(`../suites/${name}.ts?build=${build}`, import.meta.url).href)) as Record<string, BenchSuite>;
      const suite = module[`${name}Suite`];
      if (!suite) throw new Error(`benches/suites/${name}.ts exports no ${name}Suite`);
      return suite;
    }),
  );
}

async function contextOf(build: Build, pkgDir: string, twinsDir: string | null, servers: WasmServer[]): Promise<BenchContext> {
  const { crate, wasmBytes } = await loadRawCrate(pkgDir, build);
  const server = await serveWasm(wasmBytes);
  servers.push(server);
  const twins = twinsDir ? ((await import(pathToFileURL(join(twinsDir, 'index.ts')).href)) as TwinsModule) : undefined;
  return { crate, wasmBytes, wasmUrl: server.url, noncedWasmUrl: server.noncedUrl, sizes: defaultSizes, ...(twins ? { twins } : {}) };
}

export async function runAbCheck(o: AbCheckOptions): Promise<number> {
  const started = new Date();
  const loadStart = loadavg();
  const builds = settleBuilds(o);
  for (const w of builds.warnings) o.log(`bench: warning: the builds differ in more than their code: ${w}`);
  const servers: WasmServer[] = [];
  let run: AbRun;
  let findings: GateFinding[];
  try {
    // A's twins only when they differ from this tree's: the same code twice would time nothing new.
    const contexts = {
      A: await contextOf('A', builds.A.info.pkgDir, builds.twinsDiffer ? builds.A.twinsDir : null, servers),
      B: await contextOf('B', builds.B.info.pkgDir, null, servers),
    };
    const timer = await measureTimerResolutionUs();
    const plan = lookPlan(o.minRounds, o.maxRounds);
    o.log(
      `bench: A/B check, Node ${process.version}, ${cpus().length} CPUs, load average ${loadStart.map((l) => l.toFixed(2)).join(' ')}; horizon ±${o.horizonPct}%; ${o.maxSeconds} s at most; intervals ${plan.description}`,
    );
    const suites = { A: await suiteCopies(o.suites, 'A'), B: await suiteCopies(o.suites, 'B') };
    const prepared = await prepareTasks(suites, contexts, {
      turnMs: o.turnMs,
      defaultPairTimeMs: DEFAULT_TIME_MS,
      batchTargetMs: batchTargetMs(timer, BATCH_FLOOR_MS),
      twins: builds.twinsDiffer,
      pairIds: o.pairIds,
      log: o.log,
    });
    const samplingStart = Date.now();
    const deadline = samplingStart + o.maxSeconds * 1000;
    const outcomes = await autoSample(
      prepared.flatMap((p) => (p.sampled ? [p.sampled] : [])),
      { horizonPct: o.horizonPct, minRounds: o.minRounds, maxRounds: o.maxRounds, plan, outOfTime: () => Date.now() >= deadline, log: o.log },
    );
    const finished = new Date();
    const tasks = taskResults(prepared, outcomes);
    findings = gateFindings(tasks, { horizonPct: o.horizonPct, maxRounds: o.maxRounds, maxSamplingSeconds: o.maxSeconds, acceptUnsure: o.acceptUnsure });
    run = {
      schema: 1,
      kind: 'wasm-compat-bench-ab',
      project: 'node',
      a: builds.A.info,
      b: builds.B.info,
      horizonPct: o.horizonPct,
      confidence: 0.95,
      stoppingRule: plan,
      gate: { acceptUnsure: o.acceptUnsure, exitCode: gateExitCode(findings) },
      turnMs: o.turnMs,
      minRounds: o.minRounds,
      maxRounds: o.maxRounds,
      maxSamplingSeconds: o.maxSeconds,
      twinsCompared: builds.twinsDiffer,
      environment: { runtime: `node ${process.versions.node}`, cpus: cpus().length, loadAverage: { start: loadStart, end: loadavg() } },
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      samplingMs: finished.getTime() - samplingStart,
      tasks,
      slower: slowerTasks(tasks),
    };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
  const written = writeAbReports(o.reportDir, run);
  const stored = appendToHistory(abRecord(run));
  o.log(
    `bench: A/B check in ${(run.durationMs / 1000).toFixed(1)} s (rounds ${(run.samplingMs / 1000).toFixed(1)} s); load average ${run.environment.loadAverage!.end.map((l) => l.toFixed(2)).join(' ')} at the end; wrote ${written.json}, ${written.markdown}; ${stored}`,
  );
  for (const f of findings) o.log(findingLine(f));
  o.log(exitLine(run.gate!.exitCode));
  // stdout: the table, then the verdict last, so a log's tail says it.
  console.log(renderAbText(run.tasks));
  console.log(`\n${verdictLines(run).join('\n')}`);
  return run.gate!.exitCode;
}
