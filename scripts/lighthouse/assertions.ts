// Budgets, evaluated the way Lighthouse CI's `lhci assert` evaluates a lighthouserc's assertions
// (semantics of @lhci/utils src/assertions.js, reimplemented: @lhci/* would pull in a second
// Lighthouse). Per URL, per assertion:
//   "key": "warn" | "error" | "off"                 → minScore 0.9 (LHCI's default)
//   "key": ["error", { minScore, maxNumericValue, maxLength, aggregationMethod }]
// Keys: an audit id ("total-byte-weight"), "categories:<id>", "resource-summary:<type>:size|count".
// minScore reads the audit's score (notApplicable counts as 1, informative as 0); maxNumericValue
// its numericValue; maxLength its details' item count. Over several runs: "optimistic" (LHCI's
// default: the best run's value), "pessimistic" (the worst), "median" (per value), "median-run"
// (the value in the median run, the one whose report is kept). An audit missing from a run fails.
import type { AggregationMethod, AssertBlock, AssertConfig, AssertionEntry, AssertionLevel, AssertionOptions } from './lighthouserc.ts';
import { type Lhr, type LhrAudit, lhrUrl } from './lhr.ts';

export type AssertionName = 'minScore' | 'maxNumericValue' | 'maxLength' | 'auditRan';

export interface AssertionResult {
  url: string;
  /** The key as written in the lighthouserc, e.g. "categories:performance". */
  key: string;
  level: Exclude<AssertionLevel, 'off'>;
  name: AssertionName;
  operator: '>=' | '<=' | '==';
  expected: number;
  /** The aggregated value compared with `expected`; null when the audit gave none. */
  actual: number | null;
  /** Each run's value (null where a run had none). */
  values: Array<number | null>;
  aggregationMethod: AggregationMethod;
  /** The audit's unit ("millisecond", "byte", "unitless"), or "score". */
  unit: string;
  passed: boolean;
  /** Why there is no value, where there is none. */
  message: string | null;
}

/** What one assertion reads from one run: an audit, or a stand-in for a category or a summary row. */
type Measured = Pick<LhrAudit, 'score' | 'scoreDisplayMode' | 'numericValue' | 'numericUnit' | 'details'>;

const DEFAULT_MIN_SCORE = 0.9;
const DEFAULT_AGGREGATION: AggregationMethod = 'optimistic';

function normalize(entry: AssertionEntry | undefined): [AssertionLevel, AssertionOptions] {
  if (entry === undefined) return ['off', {}];
  if (typeof entry === 'string') return [entry, {}];
  return [entry[0], entry[1] ?? {}];
}

/** Reads what `key` names from one run; undefined when the run does not have it. */
function measure(lhr: Lhr, key: string): Measured | undefined {
  const [auditId = '', ...property] = key.split(/[.:]/).filter(Boolean);
  if (auditId === 'categories') {
    if (property.length !== 1) throw new Error(`assertion "${key}": expected categories:<category id>`);
    const category = lhr.categories[property[0]!];
    return category && { score: category.score, scoreDisplayMode: 'numeric' };
  }
  if (auditId === 'resource-summary') {
    const [resourceType, what] = property;
    if (property.length !== 2 || (what !== 'size' && what !== 'count')) throw new Error(`assertion "${key}": expected resource-summary:<type>:size|count`);
    const item = lhr.audits['resource-summary']?.details?.items?.find((i) => i.resourceType === resourceType);
    if (!item) return undefined;
    const value = what === 'size' ? (item.size ?? item.transferSize) : item.requestCount;
    return { score: null, scoreDisplayMode: 'informative', numericValue: typeof value === 'number' ? value : undefined, numericUnit: what === 'size' ? 'byte' : 'unitless' };
  }
  if (property.length) throw new Error(`assertion "${key}": only categories:… and resource-summary:… take a property`);
  return lhr.audits[auditId];
}

const VALUE_OF: Record<Exclude<AssertionName, 'auditRan'>, (m: Measured) => number | undefined> = {
  minScore: (m) => (typeof m.score === 'number' ? m.score : m.scoreDisplayMode === 'notApplicable' ? 1 : m.scoreDisplayMode === 'informative' ? 0 : undefined),
  maxNumericValue: (m) => m.numericValue,
  maxLength: (m) => m.details?.items?.length ?? 0,
};

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function aggregate(values: number[], method: AggregationMethod, name: AssertionName): number {
  if (method === 'median') {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor((sorted.length - 1) / 2);
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid]! + sorted[mid + 1]!) / 2;
  }
  // The best value for optimistic, the worst for pessimistic; median-run has a single value.
  const isMax = name.startsWith('max');
  const useMin = (method === 'optimistic' && isMax) || (method === 'pessimistic' && !isMax);
  return useMin ? Math.min(...values) : Math.max(...values);
}

function check(
  base: Pick<AssertionResult, 'url' | 'key' | 'level' | 'aggregationMethod'>,
  measured: Measured[],
  name: Exclude<AssertionName, 'auditRan'>,
  expected: number,
): AssertionResult {
  const raw = measured.map(VALUE_OF[name]);
  const values = raw.map((v) => (isFiniteNumber(v) ? v : null));
  const finite = values.filter(isFiniteNumber);
  const operator = name === 'minScore' ? '>=' : '<=';
  const unit = name === 'minScore' ? 'score' : name === 'maxLength' ? 'items' : (measured.find((m) => m.numericUnit)?.numericUnit ?? 'unitless');
  const result = { ...base, name, operator, expected, values, unit } as const;
  const pessimistic = base.aggregationMethod === 'pessimistic';
  if (!finite.length || (pessimistic && finite.length !== values.length)) {
    const message = raw.some((v) => v === undefined) ? `the audit gave no value for ${name}` : 'the audit gave no finite value';
    return { ...result, actual: null, passed: false, message };
  }
  const actual = aggregate(finite, base.aggregationMethod, name);
  return { ...result, actual, passed: operator === '>=' ? actual >= expected : actual <= expected, message: null };
}

function assertOne(url: string, key: string, entry: AssertionEntry, block: AssertBlock, lhrs: Lhr[], pickMedian: (lhrs: Lhr[]) => Lhr): AssertionResult[] {
  const [level, options] = normalize(entry);
  if (level === 'off') return [];
  const aggregationMethod = options.aggregationMethod ?? block.aggregationMethod ?? DEFAULT_AGGREGATION;
  const runs = aggregationMethod === 'median-run' ? [pickMedian(lhrs)] : lhrs;
  const base = { url, key, level, aggregationMethod };
  const measured = runs.map((lhr) => measure(lhr, key));
  if (measured.some((m) => m === undefined)) {
    const values = measured.map((m) => (m === undefined ? 0 : 1));
    return [{ ...base, name: 'auditRan', operator: '==', expected: 1, actual: 0, values, unit: 'runs', passed: false, message: `"${key}" is not in the Lighthouse result (unknown audit or category, or it did not run)` }];
  }
  const found = measured as Measured[];
  const results: AssertionResult[] = [];
  if (options.maxLength !== undefined) results.push(check(base, found, 'maxLength', options.maxLength));
  if (options.maxNumericValue !== undefined) results.push(check(base, found, 'maxNumericValue', options.maxNumericValue));
  const minScore = options.minScore ?? (results.length ? undefined : DEFAULT_MIN_SCORE);
  if (minScore !== undefined) results.push(check(base, found, 'minScore', minScore));
  return results;
}

/**
 * Every assertion's result (met and missed) for the given runs, grouped by URL as LHCI groups them.
 * `pickMedian` chooses the median run among one URL's runs (medianRun.ts in production).
 */
export function evaluateAssertions(assert: AssertConfig, lhrs: readonly Lhr[], pickMedian: (lhrs: Lhr[]) => Lhr): AssertionResult[] {
  const blocks: AssertBlock[] = assert.assertMatrix ?? [assert];
  const byUrl = new Map<string, Lhr[]>();
  for (const lhr of lhrs) byUrl.set(lhrUrl(lhr), [...(byUrl.get(lhrUrl(lhr)) ?? []), lhr]);
  const results: AssertionResult[] = [];
  for (const [url, runs] of byUrl) {
    for (const block of blocks) {
      if (block.matchingUrlPattern && !new RegExp(block.matchingUrlPattern).test(url)) continue;
      for (const [key, entry] of Object.entries(block.assertions ?? {})) results.push(...assertOne(url, key, entry, block, runs, pickMedian));
    }
  }
  return results;
}

/** Errors missed make the run fail; warnings missed are reported only. */
export function missedErrors(results: readonly AssertionResult[]): AssertionResult[] {
  return results.filter((r) => !r.passed && r.level === 'error');
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return 'no value';
  switch (unit) {
    case 'millisecond':
      return `${Math.round(value)} ms`;
    case 'byte':
      return `${Math.round(value)} B (${(value / 1024).toFixed(1)} KiB)`;
    case 'score':
      return value.toFixed(2);
    case 'items':
    case 'runs':
      return String(value);
    default:
      return String(Math.round(value * 1000) / 1000);
  }
}

/** One line naming the budget, what was measured and whether it held, e.g.
 * "missed error: categories:performance minScore: 0.82 < 0.90 (index, mobile)". */
export function describeAssertion(r: AssertionResult, where: string): string {
  const verdict = r.passed ? `met ${r.level}` : `missed ${r.level}`;
  const failedOperator = r.operator === '>=' ? '<' : r.operator === '<=' ? '>' : '!=';
  const comparison = `${formatValue(r.actual, r.unit)} ${r.passed ? r.operator : failedOperator} ${formatValue(r.expected, r.unit)}`;
  return `${verdict}: ${r.key} ${r.name}: ${comparison}${r.message ? ` — ${r.message}` : ''} (${where}, ${r.aggregationMethod})`;
}
