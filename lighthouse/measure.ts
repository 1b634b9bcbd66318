// The runs of one page in one form factor: Lighthouse `runs` times, one at a time, each in a fresh
// Chromium; a run that throws is reported and the others still count.
import { loadavg } from 'node:os';
import type { LighthouseChromium } from './chromiumForLighthouse.ts';
import type { LighthouseServer } from './harnessServer.ts';
import type { Lhr } from './lhr.ts';
import type { FormFactor } from './lighthouseConfig.ts';
import { lighthouseRun, type LighthouseRunResult } from './lighthouseRun.ts';
import type { LighthousePage } from './pages.ts';
import { runFigures } from './summary.ts';
import { formatValue } from './summaryReport.ts';

export interface TargetRuns {
  page: LighthousePage;
  formFactor: FormFactor;
  lhrs: Lhr[];
  /** Each run's HTML report, by the Lighthouse that ran it (same order as lhrs). */
  htmlReports: string[];
  loadAverages: number[][];
  /** Runs that threw (Chromium crashed, the protocol timed out): reported, and the others still count. */
  failedRuns: string[];
}

export interface MeasureWith {
  chromium: LighthouseChromium;
  log: (line: string) => void;
}

export async function measure(
  server: LighthouseServer,
  page: LighthousePage,
  formFactor: FormFactor,
  runs: number,
  { chromium, log }: MeasureWith,
): Promise<TargetRuns> {
  const url = new URL(page.path, server.baseUrl).href;
  const target: TargetRuns = { page, formFactor, lhrs: [], htmlReports: [], loadAverages: [], failedRuns: [] };
  for (let i = 1; i <= runs; i++) {
    const load = loadavg().map((x) => Math.round(x * 100) / 100);
    let run: LighthouseRunResult;
    try {
      run = await lighthouseRun(url, formFactor, chromium);
    } catch (error) {
      target.failedRuns.push(`run ${i}: ${(error as Error).message}`);
      log(`${page.name} ${formFactor} run ${i}/${runs}: FAILED: ${(error as Error).message}`);
      continue;
    }
    target.lhrs.push(run.lhr);
    target.htmlReports.push(run.html);
    target.loadAverages.push(load);
    const f = runFigures(run.lhr);
    log(
      `${page.name} ${formFactor} run ${i}/${runs}: ${f.runtimeError ?? `performance ${f.performance === null ? '–' : Math.round(f.performance * 100)}, FCP ${formatValue(f.fcpMs, 'millisecond')}, LCP ${formatValue(f.lcpMs, 'millisecond')}, TBT ${formatValue(f.tbtMs, 'millisecond')}, CLS ${formatValue(f.cls, 'unitless')}`} (load ${load[0]})`,
    );
  }
  if (!target.lhrs.length) throw new Error(`every run failed (${target.failedRuns.join('; ')})`);
  return target;
}
