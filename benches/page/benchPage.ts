// What the bench page publishes on window.__wasmCompatBench for benches/browser/runBrowserBenches.ts.
import type { BenchEnvironment, PairResult, RunOptions } from '../report/schema.ts';

/** What the bench page and the A/B page (abPage.ts) both publish. */
export interface PageReportBase {
  schema: 1;
  state: 'running' | 'done' | 'failed';
  /** Progress lines, appended as the run goes (a driver prints the new ones). */
  progress: string[];
  environment: BenchEnvironment | null;
  /** Whether each load fetched never-seen bytes (the preview server's nonce route) or one URL. */
  noncedLoads: boolean | null;
  /** Why the run failed (state 'failed'). */
  error: string | null;
  pageErrors: string[];
}

export interface BenchPageReport extends PageReportBase {
  startedAt: string;
  finishedAt: string | null;
  options: RunOptions | null;
  pairs: PairResult[];
}

declare global {
  interface Window {
    __wasmCompatBench?: BenchPageReport;
  }
}
