// A Lighthouse run appended to the history store (trends/): each page and form factor's category
// scores (0–100) and its metrics that a team watches over time (LCP, TBT in ms; CLS), from the
// median run that summary.json keeps.
import type { MeasureRow, RunRecord } from '../trends/historyStore.ts';
import { runIdentity } from '../trends/runIdentity.ts';
import type { PageSummary } from './summary.ts';

/** The metrics kept beside the scores: what the budgets bound and the trends page draws. */
const KEPT_METRICS = { lcpMs: 'ms', tbtMs: 'ms', cls: 'cls' } as const;

/** The Chromium version in a user agent ('… HeadlessChrome/156.0.0.0 …'), or null. */
export function chromiumVersion(userAgent: string | null): string | null {
  return userAgent?.match(/Chrome\/([\d.]+)/)?.[1] ?? null;
}

export function lighthouseRecord(generatedAt: string, chromiumVersion: string | null, results: readonly PageSummary[]): RunRecord {
  const runId = `lighthouse ${generatedAt}`;
  const measures: MeasureRow[] = [];
  for (const r of results) {
    const prefix = `lighthouse.${r.page}.${r.formFactor}`;
    for (const [category, score] of Object.entries(r.scores))
      if (score !== null) measures.push({ runId, project: '', name: `${prefix}.${category}`, value: Math.round(score * 100), unit: 'score' });
    for (const [metric, unit] of Object.entries(KEPT_METRICS)) {
      const value = r.metrics[metric as keyof typeof KEPT_METRICS];
      if (value !== null) measures.push({ runId, project: '', name: `${prefix}.${metric}`, value, unit });
    }
  }
  return {
    run: { runId, kind: 'lighthouse', at: generatedAt, ...runIdentity(process.cwd()), subject: null, subjectVersion: null, wallMs: null },
    engines: [{ runId, project: 'lighthouse', engine: 'chromium', version: chromiumVersion, status: results.length ? 'ran' : 'not-run', reason: null }],
    outcomes: [],
    measures,
  };
}
