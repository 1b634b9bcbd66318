// npm run bench:report — rewrites reports/bench/summary.md and index.html from the runs already
// there (after copying in a run from elsewhere, or after changing the report code).
import { join } from 'node:path';
import { benchReportsDir } from './runFiles.ts';
import { writeSummaryReports } from './writeReports.ts';

const REPORT_DIR = benchReportsDir();

writeSummaryReports(REPORT_DIR);
console.log(`bench:report: wrote ${join(REPORT_DIR, 'summary.md')} and index.html`);
