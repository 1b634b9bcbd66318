// Rewrites reports/bench/summary.md and index.html from every run in the folder. Each file is
// written whole, then renamed over the old one: a reader never sees a half-written report.
import { join } from 'node:path';
import { archive } from '../../reporting/history.ts';
import { writeFileAtomic, writeJsonAtomic } from '../../reporting/writeWhole.ts';
import { collectReports } from './collectReports.ts';
import { renderIndexHtml } from './indexHtml.ts';
import { renderSummaryMarkdown } from './summaryMarkdown.ts';

/** Writes a run as <dir>/<name>.json, the previous one moved to <reports>/history/bench-<name>-<time>.json: the kept runs are the history. */
export function writeBenchRun(dir: string, name: string, run: unknown): void {
  const file = join(dir, `${name}.json`);
  archive(file, `bench-${name}`, '.json');
  writeJsonAtomic(file, run);
}

export function writeSummaryReports(dir: string, generatedAt = new Date().toISOString()): void {
  const collected = collectReports(dir);
  writeFileAtomic(join(dir, 'summary.md'), renderSummaryMarkdown(collected, generatedAt));
  writeFileAtomic(join(dir, 'index.html'), renderIndexHtml(collected, generatedAt));
}
