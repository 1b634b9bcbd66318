// The subject crate's #[wasm_bindgen_bench] benchmarks, per project: built once (cargo bench
// --no-run, runner/rustTests/rustTestBuild.ts), then each bench binary run in each context asked
// on the project's engine through the WebDriver bridge (runner/rustTests/runRustBenches.ts).
// Where runs live: <reports>/bench/crate/<project>.json, the previous one kept in the history.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeChoice } from '../../runner/engines/engineResolution.ts';
import type { RustTestArtifact } from '../../runner/rustTests/rustTestBuild.ts';
import { ALL_RUST_TEST_MODES, contextModes, type RustTestMode } from '../../runner/rustTests/rustTestModes.ts';
import { type BenchOptions, type RustBenchRun, runRustBenches } from '../../runner/rustTests/runRustBenches.ts';
import { archive } from '../../reporting/history.ts';
import { writeJsonAtomic } from '../../reporting/writeWhole.ts';
import { type BenchProject, withProjectDriver } from '../browser/benchProjects.ts';
import { CRATE_BENCH_SCHEMA, type CrateBenchRun } from './schema.ts';

/** The modes a bench run uses unless asked: the page's main thread, where a crate's code mostly runs and the clock is finest. */
export const DEFAULT_BENCH_MODES: readonly RustTestMode[] = ['main thread'];

/** `--modes a,b` as modes, or an error naming the one that is not a mode. */
export function benchModes(asked: string): RustTestMode[] {
  if (!asked.trim()) return [...DEFAULT_BENCH_MODES];
  const names = asked.split(',').map((m) => m.trim());
  const unknown = names.filter((m) => !ALL_RUST_TEST_MODES.includes(m as RustTestMode));
  if (unknown.length) throw new Error(`--modes: unknown mode ${unknown.join(', ')} (the modes: ${ALL_RUST_TEST_MODES.join(', ')})`);
  return names as RustTestMode[];
}

/**
 * The modes a bench binary runs in: the asked ones, unless its crate pinned it to a context
 * (wasm_bindgen_test_configure!): then the asked modes of that context, or, when none is asked,
 * that context's first mode, as `cargo bench` with the runner would run it. `none`: why it runs nowhere.
 */
export function binaryBenchModes(configure: string | null, asked: readonly RustTestMode[]): { modes: RustTestMode[]; none: string | null } {
  const chosen = contextModes(configure, asked);
  if (chosen.modes.length || configure === null) return chosen;
  const own = contextModes(configure, ALL_RUST_TEST_MODES);
  return own.modes.length ? { modes: own.modes.slice(0, 1), none: null } : own;
}

export function crateBenchDir(reportsDir: string): string {
  return join(reportsDir, 'crate');
}

export function writeCrateBenchRun(reportsDir: string, run: CrateBenchRun): string {
  const file = join(crateBenchDir(reportsDir), `${run.project}.json`);
  archive(file, `bench-crate-${run.project}`, '.json');
  writeJsonAtomic(file, run);
  return file;
}

/** Every crate bench run in the folder, each project once; a file that is not one is left out, and said. */
export function readCrateBenchRuns(reportsDir: string): CrateBenchRun[] {
  const dir = crateBenchDir(reportsDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const value = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Partial<CrateBenchRun>;
      if (value.kind === 'wasm-compat-crate-bench' && value.schema === CRATE_BENCH_SCHEMA) return [value as CrateBenchRun];
      console.warn(`bench report: left out crate/${f}: not a crate benchmark run of schema ${CRATE_BENCH_SCHEMA}`);
      return [];
    });
}

export interface CrateBenchPlan {
  runner: string;
  artifacts: RustTestArtifact[];
  modes: readonly RustTestMode[];
  options: BenchOptions;
  subject: CrateBenchRun['subject'];
}

/** One project's run of every bench binary in its modes; a missing engine is a run that says why. */
export async function benchCrateInProject(project: BenchProject, plan: CrateBenchPlan, log: (line: string) => void): Promise<CrateBenchRun> {
  const started = new Date();
  const done = (status: CrateBenchRun['status'], reason: string | null, engine: CrateBenchRun['engine'], runs: RustBenchRun[]): CrateBenchRun => {
    const finished = new Date();
    return {
      schema: CRATE_BENCH_SCHEMA,
      kind: 'wasm-compat-crate-bench',
      project: project.name,
      status,
      reason,
      engine,
      subject: plan.subject,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      runs,
    };
  };
  if (project.engineChoice.kind === 'missing') return done('not-run', describeChoice(project.engineChoice), null, []);
  log(`\n${project.name}: ${describeChoice(project.engineChoice)}${project.deviceName ? `, emulating ${project.deviceName}` : ''}`);
  try {
    // The harness URL is what a remote grid's session is told to expect; the runner serves its own pages.
    return await withProjectDriver(project, 'http://127.0.0.1/', async (driver) => {
      const runs: RustBenchRun[] = [];
      for (const artifact of plan.artifacts) {
        const { modes, none } = binaryBenchModes(artifact.configure, plan.modes);
        if (none) log(`  ${artifact.target}: not run: ${none}`);
        for (const mode of modes) {
          const run = await runRustBenches(plan.runner, artifact, driver, mode, plan.options);
          runs.push(run);
          log(`  ${artifact.target} (${mode}): ${run.status}${run.reason ? ` — ${run.reason}` : ''} (${(run.durationMs / 1000).toFixed(1)} s)`);
        }
      }
      const failed = runs.filter((r) => r.status === 'failed');
      return done(
        failed.length ? 'failed' : 'done',
        failed.length ? failed.map((r) => `${r.target} (${r.mode}): ${r.reason}`).join('; ') : null,
        { ...driver.engine },
        runs,
      );
    });
  } catch (error) {
    return done('failed', error instanceof Error ? `${error.name}: ${error.message}` : String(error), null, []);
  }
}
