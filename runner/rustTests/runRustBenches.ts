// The subject's #[wasm_bindgen_bench] benchmarks in one engine and context: the real
// wasm-bindgen-test-runner with --bench drives the project's browser through the WebDriver bridge,
// as for the tests (runRustTests.ts), and writes criterion's measurements to the file
// WASM_BINDGEN_BENCH_RESULT names: a new, empty one each run, so no earlier run is imported as
// criterion's baseline (a change is judged by the A/B check, both builds on one machine at once,
// not against a file from another time: benches/crate/abCheckCrate.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from '../drivers/driver.ts';
import { type CriterionBenchmark, readCriterionDump } from './criterionDump.ts';
import type { RustTestArtifact } from './rustTestBuild.ts';
import { RUST_TEST_MODES, type RustTestContext, type RustTestMode, unofferedModes } from './rustTestModes.ts';
import { runnerEnvironment, schemaMismatch, spawnRunner } from './runRustTests.ts';
import { startWebDriverBridge } from './webdriverBridge.ts';

/** Runs of a binary whose runner passed without writing its benchmark result, before the run fails. */
export const DUMP_ATTEMPTS = 3;

export interface RustBenchRun {
  /** The cargo bench target ('checksum' for benches/checksum.rs). */
  target: string;
  mode: RustTestMode;
  context: RustTestContext;
  /** The crate's wasm_bindgen_test_configure!(…) for this binary, or null. */
  configure: string | null;
  /** done: the runner ran every benchmark function to its end; unsupported: the engine offers no such context. */
  status: 'done' | 'failed' | 'unsupported';
  reason: string | null;
  benchmarks: CriterionBenchmark[];
  /** The #[wasm_bindgen_bench] functions that failed (a panic, an exception), as the runner lists them. */
  failed: string[];
  /** The runner's whole output: criterion's lines, what the benchmarks printed. */
  log: string;
  exitCode: number | null;
  durationMs: number;
}

/** The names under the runner's closing `failures:` list (libtest's shape, which wasm-bindgen-test keeps under --bench). */
export function failedFunctions(log: string): string[] {
  const lists = log.split(/^failures:\s*$/m);
  if (lists.length < 3) return [];
  return lists
    .at(-1)!
    .split('\n')
    .map((l) => /^ {4}(\S+)\s*$/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined);
}

export interface BenchOptions {
  timeoutSeconds: number;
  /** The runner's filter: only the #[wasm_bindgen_bench] functions whose names contain it. */
  filter?: string;
}

/** Runs one bench binary once in `mode` on the driver's engine. */
export async function runRustBenches(
  runner: string,
  artifact: Pick<RustTestArtifact, 'target' | 'wasm' | 'configure'>,
  driver: Driver,
  mode: RustTestMode,
  options: BenchOptions,
): Promise<RustBenchRun> {
  const started = Date.now();
  const base = { target: artifact.target, mode, context: RUST_TEST_MODES[mode].context, configure: artifact.configure };
  const bridge = await startWebDriverBridge(driver);
  const folder = mkdtempSync(join(tmpdir(), 'wasm-compat-bench-result-'));
  try {
    // A page of the bridge's origin (loopback, a secure context: service workers exist there) answers whether the context is offered.
    const unoffered = (await unofferedModes(driver, [mode], bridge.url)).get(mode);
    if (unoffered)
      return { ...base, status: 'unsupported', reason: unoffered, benchmarks: [], failed: [], log: '', exitCode: null, durationMs: Date.now() - started };
    const result = join(folder, 'wbg_benchmark.json');
    const env = runnerEnvironment(mode, bridge.url, options.timeoutSeconds, { WASM_BINDGEN_BENCH_RESULT: result });
    const args = [artifact.wasm, '--bench', ...(options.filter ? [options.filter] : [])];
    // The runner (0.2.130) can print its results and exit before the page's POST of criterion's
    // dump has reached it: the run passed, and WASM_BINDGEN_BENCH_RESULT was never written (seen
    // here in about one run in four of a busy A/B check, 2026-12-07). Such a run is run again; after
    // DUMP_ATTEMPTS it fails, named, rather than passing with its benchmarks missing.
    let run = await spawnRunner(runner, args, env);
    let attempts = 1;
    // Criterion printed a measurement ("time: [low point high]"), so there was something to dump.
    const passedWithoutDump = () => run.exitCode === 0 && /^test result: ok/m.test(run.log) && /\btime:\s+\[/.test(run.log) && !existsSync(result);
    while (passedWithoutDump() && attempts < DUMP_ATTEMPTS) {
      run = await spawnRunner(runner, args, env);
      attempts++;
    }
    const { exitCode } = run;
    const log = `${attempts > 1 ? `[wasm-compat] run ${attempts} times: the runner passed without writing its benchmark result ${attempts - 1} times\n` : ''}${run.log}`;
    const lostDump = passedWithoutDump();
    const benchmarks = existsSync(result) ? readCriterionDump(readFileSync(result, 'utf8'), `the benchmark result of ${artifact.target} (${mode})`) : [];
    const failed = failedFunctions(log);
    const summary = /^test result: .*$/m.exec(log)?.[0] ?? null;
    const ok = exitCode === 0 && summary?.startsWith('test result: ok') === true && !lostDump;
    const reason = ok
      ? null
      : lostDump
        ? `the runner passed but wrote no benchmark result (WASM_BINDGEN_BENCH_RESULT) in ${attempts} runs: its page's dump did not reach it before it exited`
        : (schemaMismatch(log) ??
          (failed.length
            ? `${failed.join(', ')} failed (${summary})`
            : summary
              ? `${summary} (exit ${exitCode ?? 'none'})`
              : `the runner stopped without a summary (exit ${exitCode ?? 'none'}; WASM_BINDGEN_TEST_TIMEOUT was ${options.timeoutSeconds} s)`));
    return { ...base, status: ok ? 'done' : 'failed', reason, benchmarks, failed, log, exitCode, durationMs: Date.now() - started };
  } finally {
    await bridge.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
