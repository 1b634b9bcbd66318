// reports/bench/crate/<project>.json: the subject crate's own #[wasm_bindgen_bench] benchmarks as
// one project's engine ran them (npm run bench:crate), every bench binary in every context asked.
// Times are criterion's, in nanoseconds per iteration (runner/rustTests/criterionDump.ts).
import type { RustBenchRun } from '../../runner/rustTests/runRustBenches.ts';

export const CRATE_BENCH_SCHEMA = 1;

export interface CrateBenchRun {
  schema: typeof CRATE_BENCH_SCHEMA;
  kind: 'wasm-compat-crate-bench';
  /** The browser project (chromium, firefox, webkit, pixel5, iphone12). */
  project: string;
  /** done: every binary ran in every context asked (a context the engine does not offer counts, as unsupported). */
  status: 'done' | 'not-run' | 'failed';
  reason: string | null;
  /** The engine that ran them (runner/drivers/driver.ts EngineInfo). */
  engine: Record<string, unknown> | null;
  /** The crate: its name, folder, cargo features, and the runner (wasm-bindgen-test-runner) that ran it. */
  subject: { name: string; crateDir: string; features: string[]; runner: string } | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** One per bench binary and mode. */
  runs: RustBenchRun[];
}
