// What the A/B page publishes on window.__wasmCompatBenchAb for benches/browser/abCheckBrowsers.ts.
import type { AbTaskResult } from '../ab/schema.ts';
import type { PageReportBase } from './benchPage.ts';

export interface AbPageReport extends PageReportBase {
  samplingMs: number | null;
  tasks: AbTaskResult[];
}

declare global {
  interface Window {
    __wasmCompatBenchAb?: AbPageReport;
  }
}
