// Budgets judged by Lighthouse CI's own code: every assertion of a lighthouserc goes through
// @lhci/utils' getAllAssertionResults, the function `lhci assert` runs, so the semantics (levels,
// the default minScore 0.9, how minScore reads unscored audits, the aggregation methods, the median
// run, an audit missing from a run) are LHCI's. This module only labels LHCI's results with what the
// summary shows and they do not say: the key as written, the aggregation method that applied, the
// unit of the value. Met assertions are asked for too (includePassedAssertions), so the summary
// lists every budget. LHCI is called once per assertion because its results name the audit
// (auditId, auditProperty), not the key, the assertMatrix block or the aggregation method.
import { getAllAssertionResults, type LhciAssertionName, type LhciAssertionResult, type LhciLhr } from './lhci.ts';
import { type Lhr, lhrUrl } from './lhr.ts';
import type { AggregationMethod, AssertBlock, AssertConfig, AssertionEntry, AssertionLevel } from './lighthouserc.ts';

export interface AssertionResult {
  /** The URL LHCI grouped the runs by (their finalUrl). */
  url: string;
  /** The key as written in the lighthouserc, e.g. "categories:performance". */
  key: string;
  /** The audit's title, where LHCI found one. */
  title: string | null;
  level: Exclude<AssertionLevel, 'off'>;
  /** minScore, maxNumericValue, maxLength; auditRan when the audit is missing from a run. */
  name: LhciAssertionName;
  operator: string;
  expected: number;
  /** The aggregated value LHCI compared with `expected`; null when no run gave one. */
  actual: number | null;
  /** The values LHCI aggregated: one (the median run's) for median-run, else one per run; null where a run gave none. */
  values: Array<number | null>;
  /** As configured (the assertion's own, else its block's, else LHCI's default, optimistic). */
  aggregationMethod: AggregationMethod;
  /** The audit's unit ("millisecond", "byte", "unitless"), "score", "items" or "runs". */
  unit: string;
  passed: boolean;
  /** LHCI's explanation (why there is no value, an unknown audit), or ours where it gives none. */
  message: string | null;
}

// getStandardAssertionResults' default in @lhci/utils/src/assertions.js.
const LHCI_DEFAULT_AGGREGATION: AggregationMethod = 'optimistic';

function ownOptions(entry: AssertionEntry) {
  return Array.isArray(entry) ? (entry[1] ?? {}) : {};
}

function unitOf(name: LhciAssertionName, key: string, lhrs: readonly Lhr[]): string {
  if (name === 'minScore') return 'score';
  if (name === 'maxLength') return 'items';
  if (name === 'auditRan') return 'runs';
  const [auditId = '', ...property] = key.split(/[.:]/).filter(Boolean);
  if (auditId === 'resource-summary' && property.length) return property[1] === 'size' ? 'byte' : 'unitless';
  return lhrs.map((lhr) => lhr.audits[auditId]?.numericUnit).find(Boolean) ?? 'unitless';
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);

function explain(r: LhciAssertionResult, key: string, aggregationMethod: AggregationMethod): string | null {
  if (r.message) return r.message;
  if (r.name === 'auditRan') return `"${key}" is not in every run's Lighthouse result`;
  // LHCI reads a category's score from every run whatever the aggregation method, and for
  // median-run then takes the highest (GoogleChrome/lighthouse-ci#1064): say so where it happened.
  if (aggregationMethod === 'median-run' && r.values.length > 1)
    return `median-run: LHCI read this from all ${r.values.length} runs, not only the median run, and took the highest (lighthouse-ci#1064)`;
  return null;
}

function label(r: LhciAssertionResult, key: string, aggregationMethod: AggregationMethod, lhrs: readonly Lhr[]): AssertionResult {
  return {
    url: r.url,
    key,
    title: r.auditTitle ?? null,
    level: r.level,
    name: r.name,
    operator: r.operator,
    expected: r.expected,
    actual: finite(r.actual),
    values: r.values.map(finite),
    aggregationMethod,
    unit: unitOf(r.name, key, lhrs),
    passed: r.passed,
    message: explain(r, key, aggregationMethod),
  };
}

/** Every assertion's result (met and missed) for the given runs, as LHCI judges them. */
export function evaluateAssertions(assert: AssertConfig, lhrs: readonly Lhr[]): AssertionResult[] {
  // LHCI groups runs by, and matches matchingUrlPattern against, finalUrl, which Lighthouse may
  // leave out (deprecated since Lighthouse 10 in favour of finalDisplayedUrl).
  const runs: LhciLhr[] = lhrs.map((lhr) => ({ ...lhr, finalUrl: lhr.finalUrl ?? lhrUrl(lhr) }));
  // As in LHCI, a matrix replaces the top-level block (lighthouserc.ts refuses the two together).
  const blocks: AssertBlock[] = assert.assertMatrix ?? [assert];
  const results: AssertionResult[] = [];
  for (const block of blocks) {
    for (const [key, entry] of Object.entries(block.assertions ?? {})) {
      const aggregationMethod = ownOptions(entry).aggregationMethod ?? block.aggregationMethod ?? LHCI_DEFAULT_AGGREGATION;
      const only: AssertBlock = { assertions: { [key]: entry } };
      if (block.aggregationMethod) only.aggregationMethod = block.aggregationMethod;
      if (block.matchingUrlPattern) only.matchingUrlPattern = block.matchingUrlPattern;
      for (const r of getAllAssertionResults({ ...only, includePassedAssertions: true }, runs)) results.push(label(r, key, aggregationMethod, lhrs));
    }
  }
  return results;
}

/** Errors missed make the run fail; warnings missed are reported only. */
export function missedErrors<T extends AssertionResult>(results: readonly T[]): T[] {
  return results.filter((r) => !r.passed && r.level === 'error');
}
