// Rewrites reports/bench/summary.md and index.html from every run in the folder. Each file is
// written whole, then renamed over the old one: a reader never sees a half-written report.
import { join } from 'node:path';
import { writeFileAtomic } from '../../reporting/writeWhole.ts';
import { collectReports } from './collectReports.ts';
import { renderIndexHtml } from './indexHtml.ts';
import { renderSummaryMarkdown } from './summaryMarkdown.ts';

export function writeSummaryReports(dir: string, generatedAt = new Date().toISOString()): void {
  const collected = collectReports(dir);
  writeFileAtomic(join(dir, 'summary.md'), renderSummaryMarkdown(collected, generatedAt));
  writeFileAtomic(join(dir, 'index.html'), renderIndexHtml(collected, generatedAt));
}
