// npm run bench:check — compares reports/bench/node.json (or the run given) with the committed
// baseline without running anything; exits 1 naming each task that regressed.
// (`npm run bench -- --check` does the same right after a run.)
//   tsx benches/node/checkRegression.ts [run.json] [--baseline file] [--threshold pct]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareRuns, DEFAULT_THRESHOLD_PCT, formatRegressionReport } from '../regression.ts';
import { BASELINE_FILE, benchReportsDir } from '../report/paths.ts';
import { readRun } from '../report/readRun.ts';

const REPORT_DIR = benchReportsDir();

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { baseline: { type: 'string', default: BASELINE_FILE }, threshold: { type: 'string', default: String(DEFAULT_THRESHOLD_PCT) } },
});
const report = compareRuns(readRun(values.baseline), readRun(positionals[0] ?? join(REPORT_DIR, 'node.json')), Number(values.threshold));
console.log(formatRegressionReport(report).join('\n'));
process.exit(report.regressions.length ? 1 : 0);
