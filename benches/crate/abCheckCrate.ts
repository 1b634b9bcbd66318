// npm run bench:crate -- --check: the A/B check of the crate's own #[wasm_bindgen_bench]
// benchmarks in each browser project, one engine at a time. A (a commit of the crate) and B (the
// working tree) are built as bench binaries (crateBenchBuilds.ts); in each engine every binary of
// both runs round by round, interleaved, in pages of their own (crateAbSampling.ts), and each
// benchmark is judged with the twins' check's statistics (benches/ab/). Unlike the twins' browser
// check, the two builds never share a page (each run is the runner's own page), so this one gates
// as the Node check does: the exit codes of benches/ab/gate.ts, over every engine. Writes
// <reports>/bench/ab-crate-<project>.json and ab.md. A missing engine is skipped, said.
//   --project chromium  --modes …  --only <filter>  --against <ref>  --against-features f  --b-features f
//   --horizon 10  --min-rounds 6  --max-rounds 60  --max-seconds 300 (per engine)  --accept-unsure  --timeout-s 600
import { appendToHistory } from '../../trends/appendToHistory.ts';
import { abRecord } from '../ab/abHistory.ts';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { describeChoice } from '../../runner/engines/engineResolution.ts';
import type { RustTestMode } from '../../runner/rustTests/rustTestModes.ts';
import { runRustBenches } from '../../runner/rustTests/runRustBenches.ts';
import { resolveSubject, SubjectError } from '../../subject/resolveSubject.ts';
import { renderAbText, verdictLines } from '../ab/abTable.ts';
import { AbBuildError } from '../ab/buildRef.ts';
import { AB_EXIT, exitLine, findingLine, type GateFinding, gateExitCode, gateFindings } from '../ab/gate.ts';
import type { AbRun } from '../ab/schema.ts';
import { lookPlan } from '../ab/stoppingRule.ts';
import { slowerTasks } from '../ab/taskResults.ts';
import { DEFAULT_HORIZON_PCT } from '../ab/verdict.ts';
import { writeAbReports } from '../ab/writeAbReports.ts';
import { type BenchProject, chooseBenchProjects, withProjectDriver } from '../browser/benchProjects.ts';
import { benchReportsDir } from '../report/runFiles.ts';
import { type BinaryPair, sampleCrateBenches } from './crateAbSampling.ts';
import { type BenchBuild, benchBuildA, benchBuildB } from './crateBenchBuilds.ts';
import { benchModes, binaryBenchModes } from './crateBenchRuns.ts';

interface CrateAbSettings {
  horizonPct: number;
  minRounds: number;
  maxRounds: number;
  maxSeconds: number;
  acceptUnsure: boolean;
  timeoutSeconds: number;
  filter?: string;
}

/** The pairs of binaries both builds have, in each mode a binary runs in; a target only one build has is said, not compared. */
function binaryPairs(A: BenchBuild, B: BenchBuild, modes: readonly RustTestMode[], log: (line: string) => void): BinaryPair[] {
  const pairs: BinaryPair[] = [];
  for (const b of B.artifacts) {
    const a = A.artifacts.find((x) => x.target === b.target);
    if (!a) {
      log(`bench:crate: ${b.target} is in B only: not compared`);
      continue;
    }
    const { modes: own, none } = binaryBenchModes(b.configure, modes);
    if (none) log(`bench:crate: ${b.target}: not compared: ${none}`);
    for (const mode of own) pairs.push({ target: b.target, mode });
  }
  for (const a of A.artifacts) if (!B.artifacts.some((b) => b.target === a.target)) log(`bench:crate: ${a.target} is in A only: not compared`);
  return pairs;
}

async function checkProject(
  project: BenchProject,
  builds: { A: BenchBuild; B: BenchBuild },
  runner: string,
  binaries: readonly BinaryPair[],
  s: CrateAbSettings,
): Promise<{ run: AbRun; findings: GateFinding[] }> {
  const started = new Date();
  const loadStart = loadavg();
  const plan = lookPlan(s.minRounds, s.maxRounds);
  const turns: number[] = [];
  // The harness URL is what a remote grid's session is told to expect; the runner serves its own pages.
  return withProjectDriver(project, 'http://127.0.0.1/', async (driver) => {
    const samplingStarted = Date.now();
    const tasks = await sampleCrateBenches(
      binaries,
      async (build, binary) => {
        const artifact = builds[build].artifacts.find((a) => a.target === binary.target)!;
        const run = await runRustBenches(runner, artifact, driver, binary.mode as RustTestMode, {
          timeoutSeconds: s.timeoutSeconds,
          ...(s.filter ? { filter: s.filter } : {}),
        });
        turns.push(run.durationMs);
        return run;
      },
      { plan, horizonPct: s.horizonPct, outOfTime: () => Date.now() - samplingStarted > s.maxSeconds * 1000, log: (line) => console.log(line) },
    );
    const finished = new Date();
    const findings = gateFindings(tasks, { horizonPct: s.horizonPct, maxRounds: s.maxRounds, maxSamplingSeconds: s.maxSeconds, acceptUnsure: s.acceptUnsure });
    const run: AbRun = {
      schema: 1,
      kind: 'wasm-compat-bench-ab',
      project: project.name,
      benchmarks: 'crate',
      a: builds.A.info,
      b: builds.B.info,
      horizonPct: s.horizonPct,
      confidence: 0.95,
      stoppingRule: plan,
      gate: { acceptUnsure: s.acceptUnsure, exitCode: gateExitCode(findings) },
      turnMs: turns.length ? turns.reduce((x, y) => x + y, 0) / turns.length : 0,
      minRounds: s.minRounds,
      maxRounds: s.maxRounds,
      maxSamplingSeconds: s.maxSeconds,
      twinsCompared: false,
      environment: {
        runtime: `${driver.engine.engine} ${driver.engine.version ?? ''}`.trim(),
        cpus: cpus().length,
        loadAverage: { start: loadStart, end: loadavg() },
      },
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      samplingMs: finished.getTime() - samplingStarted,
      tasks,
      slower: slowerTasks(tasks),
    };
    return { run, findings };
  });
}

export async function runCrateAbCheck(argv: string[]): Promise<number> {
  const usage = (message: string) => {
    console.error(`bench:crate: ${message}`);
    console.error(exitLine(AB_EXIT.usage));
    return AB_EXIT.usage;
  };
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        check: { type: 'boolean', default: false },
        project: { type: 'string', default: '' },
        modes: { type: 'string', default: '' },
        only: { type: 'string', default: '' },
        against: { type: 'string' },
        'against-features': { type: 'string' },
        'b-features': { type: 'string' },
        horizon: { type: 'string', default: String(DEFAULT_HORIZON_PCT) },
        'min-rounds': { type: 'string', default: '6' },
        'max-rounds': { type: 'string', default: '60' },
        'max-seconds': { type: 'string', default: '300' },
        'accept-unsure': { type: 'boolean', default: false },
        'timeout-s': { type: 'string', default: '600' },
      },
    }));
  } catch (error) {
    return usage(`${(error as Error).message} (a wasm-pack build, --against-pkg or --b-pkg, has no bench binaries: name a git ref or features)`);
  }
  const s: CrateAbSettings = {
    horizonPct: Number(values.horizon),
    minRounds: Number(values['min-rounds']),
    maxRounds: Number(values['max-rounds']),
    maxSeconds: Number(values['max-seconds']),
    acceptUnsure: values['accept-unsure'] ?? false,
    timeoutSeconds: Number(values['timeout-s']),
    ...(values.only ? { filter: values.only } : {}),
  };
  if (!(s.horizonPct > 0) || !(s.maxSeconds > 0) || !(s.timeoutSeconds > 0)) return usage('--horizon, --max-seconds and --timeout-s must be positive numbers');
  if (!Number.isInteger(s.minRounds) || s.minRounds < 2 || !Number.isInteger(s.maxRounds) || s.maxRounds < s.minRounds)
    return usage('--min-rounds must be a whole number ≥ 2 and --max-rounds one ≥ --min-rounds');
  let modes: RustTestMode[];
  try {
    modes = benchModes(values.modes ?? '');
  } catch (error) {
    return usage((error as Error).message);
  }
  let projects: BenchProject[];
  try {
    projects = chooseBenchProjects(values.project ?? '');
  } catch (error) {
    return usage((error as Error).message);
  }

  let builds: { A: BenchBuild; B: BenchBuild };
  let runner: string;
  try {
    const subject = resolveSubject();
    if (!subject.crateDir) return usage(`${subject.name} is a prebuilt wasm-pack folder: its benchmarks need its crate (point WASM_COMPAT_CRATE at the crate)`);
    const b = benchBuildB(subject, values['b-features']);
    runner = b.runner;
    const A = benchBuildA(
      subject,
      {
        ...(values.against ? { against: values.against } : {}),
        ...(values['against-features'] !== undefined ? { againstFeatures: values['against-features'] } : {}),
        ...(b.targetDir ? { targetDir: b.targetDir } : {}),
      },
      (line) => console.error(line),
    );
    builds = { A, B: b.build };
  } catch (error) {
    if (error instanceof AbBuildError || error instanceof SubjectError) return usage(`A/B check: ${error.message}`);
    throw error;
  }
  console.log(`bench:crate: A = ${builds.A.info.label} (${builds.A.info.chosenBecause}); B = ${builds.B.info.label}`);
  const binaries = binaryPairs(builds.A, builds.B, modes, (line) => console.log(line));
  if (!binaries.length) return usage('no bench binary is in both builds: nothing to compare');

  const reportDir = benchReportsDir();
  const findings: GateFinding[] = [];
  let crashed = false;
  for (const p of projects) {
    if (p.engineChoice.kind === 'missing') {
      console.log(`${p.name}: skipped — ${describeChoice(p.engineChoice)}`);
      continue;
    }
    console.log(`\n${p.name}: A/B over ${binaries.map((b) => `${b.target} (${b.mode})`).join(', ')}`);
    let checked: Awaited<ReturnType<typeof checkProject>>;
    try {
      checked = await checkProject(p, builds, runner, binaries, s);
    } catch (error) {
      crashed = true;
      console.error(`${p.name}: A/B check failed — ${(error as Error).message}`);
      continue;
    }
    const { run } = checked;
    const written = writeAbReports(reportDir, run);
    const stored = appendToHistory(abRecord(run));
    console.log(
      `${renderAbText(run.tasks)}\n${p.name}: ${verdictLines(run).join('; ')} (${(run.durationMs / 1000).toFixed(0)} s) -> ${written.json}; ${stored}`,
    );
    findings.push(...checked.findings.map((f) => ({ ...f, task: `${p.name}: ${f.task}` })));
  }
  for (const f of findings) console.error(findingLine(f));
  const code = crashed && gateExitCode(findings) === AB_EXIT.ok ? AB_EXIT.crashed : gateExitCode(findings);
  const slower = findings.filter((f) => f.kind === 'slower').map((f) => f.task);
  console.log(
    slower.length
      ? `\nSLOWER: ${slower.join(', ')}`
      : findings.length
        ? '\nnot every benchmark was decided'
        : '\nno benchmark slower beyond the horizon in any engine',
  );
  console.error(exitLine(code));
  return code;
}
