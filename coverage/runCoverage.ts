// npm run coverage [-- --browser]: the subject crate's line coverage from its native tests (cargo
// test, through cargo-llvm-cov) and, with --browser, from its #[wasm_bindgen_test] tests in
// Chromium (browserCoverage.ts), written to reports/coverage/
// with the lines only the browser tests reach, appended to the history store and drawn on
// trends.html. Exit status: 0 measured; 1 a test failed while measured (the coverage of what ran is
// still written, and the failures named) or the build failed; 2 it could not run (no crate folder,
// the tools missing), with why.
import { parseArgs } from 'node:util';
import { resolveSubject, SubjectError } from '../subject/resolveSubject.ts';
import { appendToHistory } from '../trends/appendToHistory.ts';
import { runIdentity } from '../trends/runIdentity.ts';
import { coverageRecord } from './coverageRecord.ts';
import { type CoverageReport, coverageMarkdown, writeCoverageReport } from './coverageReport.ts';
import { browserCoverage } from './browserCoverage.ts';
import { CoverageUnavailable, nativeCoverage } from './nativeCoverage.ts';

const { values: args } = parseArgs({ options: { browser: { type: 'boolean' } }, allowPositionals: false });

function refuse(message: string): never {
  console.error(`npm run coverage: ${message}`);
  process.exit(2);
}

let subject: ReturnType<typeof resolveSubject>;
try {
  subject = resolveSubject();
} catch (error) {
  if (error instanceof SubjectError) refuse(error.message);
  throw error;
}
if (!subject.crateDir) refuse(`${subject.name} is a prebuilt folder (${subject.pkgDir}): coverage needs the crate's sources`);
const crateDir = subject.crateDir;

const started = performance.now();
const report: CoverageReport = {
  kind: 'wasm-compat-coverage',
  schema: 1,
  generatedAt: new Date().toISOString(),
  subject: { name: subject.name, version: subject.version, crateDir },
  scopes: {},
  notRun: {},
};
const log = (line: string) => console.log(line);
try {
  report.scopes.native = nativeCoverage(crateDir, subject.name, subject.features);
  log(`native coverage: measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (args.browser) report.scopes.browser = browserCoverage(subject, log);
} catch (error) {
  if (error instanceof CoverageUnavailable) refuse(error.message);
  console.error(`npm run coverage: ${(error as Error).message}`);
  process.exit(1);
}
report.generatedAt = new Date().toISOString();
const dir = writeCoverageReport(report);
console.log(coverageMarkdown(report));
console.log(`coverage: ${dir}/summary.md and summary.json in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`coverage: ${appendToHistory(coverageRecord(report.generatedAt, subject, runIdentity(crateDir), report.scopes))}`);
const failed = Object.values(report.scopes).flatMap((s) => s.failedTests);
if (failed.length) {
  console.error(`npm run coverage: ${failed.length} tests failed while coverage was measured: ${failed.join(', ')}`);
  process.exit(1);
}
