// What the bench page publishes on window.__wasmCompatBench for benches/browser/runBrowserBenches.ts.
import type { BenchEnvironment, PairResult, RunOptions } from '../report/schema.ts';

export interface BenchPageReport {
  schema: 1;
  state: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  /** Progress lines, appended as the run goes (a driver prints the new ones). */
  progress: string[];
  environment: BenchEnvironment | null;
  options: RunOptions | null;
  /** Whether each load fetched never-seen bytes (the preview server's nonce route) or one URL. */
  noncedLoads: boolean | null;
  pairs: PairResult[];
  /** Why the run failed (state 'failed'). */
  error: string | null;
  pageErrors: string[];
}

declare global {
  interface Window {
    __wasmCompatBench?: BenchPageReport;
  }
}
