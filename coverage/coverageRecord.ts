// A coverage run as the history store keeps it: each scope's line and function coverage (percent)
// of the crate as a whole. Per-file figures stay in reports/coverage/ (coverageReport.ts).
import type { MeasureRow, RunRecord } from '../trends/historyStore.ts';
import type { RunIdentity } from '../trends/runIdentity.ts';
import { type CoverageSummary, percent } from './lcov.ts';

/** Where the tests ran: the host (`cargo test`) or a browser (#[wasm_bindgen_test], nightly's instrumentation). */
export type CoverageScope = 'native' | 'browser';

export function coverageRecord(
  at: string,
  subject: { name: string; version: string },
  identity: RunIdentity,
  scopes: Partial<Record<CoverageScope, CoverageSummary>>,
): RunRecord {
  const runId = `coverage ${at}`;
  const measures: MeasureRow[] = [];
  for (const [scope, s] of Object.entries(scopes)) {
    measures.push({ runId, project: '', name: `coverage.lines.${scope}`, value: percent(s.lines), unit: 'percent' });
    measures.push({ runId, project: '', name: `coverage.functions.${scope}`, value: percent(s.functions), unit: 'percent' });
  }
  return {
    run: { runId, kind: 'coverage', at, ...identity, subject: subject.name, subjectVersion: subject.version, wallMs: null },
    engines: [],
    // A test that failed while coverage was measured: the coverage is of what ran, and this says so.
    outcomes: Object.entries(scopes).flatMap(([scope, s]) =>
      s.failedTests.map((name) => ({ runId, project: scope, item: `test ${name}`, kind: 'fail', text: 'failed while coverage was measured' })),
    ),
    measures,
  };
}
