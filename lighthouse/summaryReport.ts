// The run's summary: summary.json (everything, for tools and for comparing runs) and summary.md
// (the table a person reads in a CI run's artifacts). Plain functions from results to text.
import type { AssertionResult } from './assertions.ts';
import type { LighthouseRuntime } from './lighthouseRuntime.ts';
import type { LighthousePage } from './pages.ts';
import type { PageSummary, RunFigures } from './summary.ts';
import { describeSuiteThrottling, type SuiteThrottlingRecord } from './suiteThrottling.ts';
import { describeLighthouseThrottling } from './throttling.ts';

export interface MeasuredTarget extends PageSummary {
  reports: { html: string; json: string };
  /** Which run was kept (0-based), out of how many valid ones. */
  medianRun: number;
  validRuns: number;
  runs: Array<RunFigures & { loadAverage: number[] }>;
  /** Runs that threw instead of producing a result. */
  failedRuns: string[];
}

export interface FailedTarget {
  page: string;
  formFactor: string;
  error: string;
}

export interface BudgetAssertion extends AssertionResult {
  page: string;
  formFactor: string;
  /** Whether the page gates (pages.ts): a missed error on a page that does not is reported only. */
  gates: boolean;
}

export interface LighthouseSummary {
  /** 4: as 3 (the pages named and labelled, Lighthouse's throttling per result, the suite's pixel5 throttling beside it), with `lighthouse` naming the one Lighthouse, always in process, and its Node (3 had `kind` and `reason`: child or in process, and why). */
  schema: 4;
  generatedAt: string;
  /** Every target measured and no error-level budget missed on a page that gates. */
  ok: boolean;
  lighthouseVersion: string | null;
  /** Which Lighthouse ran, under which Node (lighthouseRuntime.ts). */
  lighthouse: LighthouseRuntime & { description: string };
  chromium: { binary: string; source: string; flags: string[]; userAgent: string | null };
  /** Which server served the page (nginx, vite-preview, external, or none when it could not start), and why. */
  server: { kind: string; description: string; reason: string; baseUrl: string };
  machine: { cpus: number; loadAverage: { start: number[]; end: number[] } };
  runsPerTarget: number;
  /** The pages measured, in order, with what each is. */
  pages: LighthousePage[];
  /** The suite's own throttling of its mobile project, from the last Playwright run's compat.json. */
  suiteThrottling: SuiteThrottlingRecord;
  results: MeasuredTarget[];
  failures: FailedTarget[];
  budgets: {
    files: Record<string, string>;
    /** What judged them: Lighthouse CI's assertion code, e.g. "@lhci/utils 0.15.1". */
    judgedBy: string;
    passed: boolean;
    /** Error-level budgets missed on pages that gate: these fail the run. */
    missedErrors: string[];
    /** Error-level budgets missed on pages that do not gate (the probes page): reported only. */
    missedNotGating: string[];
    missedWarnings: string[];
    /** Every assertion, met or missed. */
    assertions: BudgetAssertion[];
  };
}

const score = (s: number | null | undefined) => (s === null || s === undefined ? '–' : String(Math.round(s * 100)));
const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v).toLocaleString('en-US')} ms`);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

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
 * "missed error: categories:performance minScore: 0.82 < 0.90 (index, mobile, median-run)". */
export function describeAssertion(r: AssertionResult, where: string): string {
  const verdict = r.passed ? `met ${r.level}` : `missed ${r.level}`;
  const failedOperator = r.operator === '>=' ? '<' : r.operator === '<=' ? '>' : `not ${r.operator}`;
  const comparison = `${formatValue(r.actual, r.unit)} ${r.passed ? r.operator : failedOperator} ${formatValue(r.expected, r.unit)}`;
  return `${verdict}: ${r.key} ${r.name}: ${comparison}${r.message ? ` — ${r.message}` : ''} (${where}, ${r.aggregationMethod})`;
}

export function budgetWhere(a: BudgetAssertion): string {
  return `${a.page}, ${a.formFactor}`;
}

function wasmCell(t: MeasuredTarget): string {
  if (!t.wasm) return 'no .wasm';
  const w = t.wasm;
  const extra = w.requests > 1 ? `; fetched ${w.requests}×, ${kib(w.totalTransferBytes)} on the wire in all` : '';
  return `${kib(w.transferBytes)} ${w.encoding} (${kib(w.resourceBytes)} decoded${extra})`;
}

export function summaryMarkdown(s: LighthouseSummary): string {
  const lines: string[] = [];
  lines.push(`# Lighthouse: ${s.pages.map((p) => p.name).join(' and ')}`, '');
  const held = s.budgets.missedNotGating.length
    ? 'Every budget that gates holds (error-level misses on a page that does not gate are reported below).'
    : 'All budgets hold.';
  lines.push(`${s.ok ? held : s.failures.length ? 'Not every target was measured.' : 'A budget was missed.'} ${s.generatedAt}`, '');
  lines.push(`- ${s.lighthouse.description}; on ${s.chromium.userAgent ?? s.chromium.binary} (${s.chromium.source}: ${s.chromium.binary})`);
  lines.push(`- Server: **${s.server.kind}** at ${s.server.baseUrl}: ${s.server.description} (${s.server.reason})`);
  lines.push(
    `- ${s.runsPerTarget} run(s) per page and form factor; the median run is kept (Lighthouse CI's representative run, the one median-run budgets read): ${s.results.map((t) => `${t.page} ${t.formFactor} run ${t.medianRun + 1} of ${t.runs.length}`).join(', ')}`,
  );
  lines.push(
    `- Load average (1/5/15 min) on ${s.machine.cpus} CPUs: ${load(s.machine.loadAverage.start)} at the start, ${load(s.machine.loadAverage.end)} at the end`,
    '',
  );
  lines.push(...pageLines(s.pages), '');
  lines.push('| page | form factor | perf | a11y | best pr. | SEO | FCP | LCP | TBT | CLS | SI | total bytes | .wasm transfer |');
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|');
  for (const t of s.results) {
    const m = t.metrics;
    lines.push(
      `| ${t.page} | ${t.formFactor} | ${score(t.scores.performance)} | ${score(t.scores.accessibility)} | ${score(t.scores['best-practices'])} | ${score(t.scores.seo)} | ${ms(m.fcpMs)} | ${ms(m.lcpMs)} | ${ms(m.tbtMs)} | ${m.cls === null ? '–' : m.cls.toFixed(3)} | ${ms(m.speedIndexMs)} | ${t.totalByteWeight === null ? '–' : kib(t.totalByteWeight)} | ${wasmCell(t)} |`,
    );
  }
  lines.push('', `Reports (median run): ${s.results.map((t) => `[${t.page} ${t.formFactor}](${t.reports.html})`).join(', ')}`);
  lines.push('', ...throttlingLines(s));
  if (s.failures.length) {
    lines.push('', '## Not measured', '');
    for (const f of s.failures) lines.push(`- ${f.page}, ${f.formFactor}: ${f.error}`);
  }
  const notes = s.results.flatMap((t) => [...t.failedRuns, ...t.runWarnings, ...t.auditErrors].map((w) => `- ${t.page}, ${t.formFactor}: ${w}`));
  if (notes.length) lines.push('', '## Lighthouse warnings and audit errors', '', ...[...new Set(notes)]);

  lines.push(
    '',
    `## Budgets (${Object.entries(s.budgets.files)
      .map(([ff, f]) => `${ff}: \`${f}\``)
      .join(', ')}; judged by ${s.budgets.judgedBy})`,
    '',
  );
  lines.push('| page | form factor | budget | level | measured | limit | |');
  lines.push('|---|---|---|---|--:|--:|---|');
  for (const a of s.budgets.assertions) {
    const verdict = a.passed ? 'met' : a.level === 'warn' ? 'missed (warn)' : a.gates ? '**missed**' : 'missed (reported: the page does not gate)';
    lines.push(
      `| ${a.page} | ${a.formFactor} | \`${a.key}\` ${a.name} | ${a.level} | ${formatValue(a.actual, a.unit)} | ${a.operator} ${formatValue(a.expected, a.unit)} | ${verdict} |`,
    );
  }
  const metNotes = s.budgets.assertions.filter((a) => a.passed && a.message).map((a) => `- ${describeAssertion(a, budgetWhere(a))}`);
  if (metNotes.length) lines.push('', ...metNotes);
  if (s.budgets.missedErrors.length) lines.push('', ...s.budgets.missedErrors.map((m) => `- ${m}`));
  if (s.budgets.missedNotGating.length) lines.push('', ...s.budgets.missedNotGating.map((m) => `- ${m} (reported only: the page does not gate)`));
  if (s.budgets.missedWarnings.length) lines.push('', ...s.budgets.missedWarnings.map((m) => `- ${m}`));
  return `${lines.join('\n')}\n`;
}

/** Which page is which: a page's name, its path and what it is. */
export function pageLines(pages: readonly LighthousePage[]): string[] {
  return pages.map((p) => `- **${p.name}** (\`/${p.path}\`): ${p.label}`);
}

/** Lighthouse's throttling per form factor (with its benchmark of this machine per result), the suite's pixel5 beside the mobile one. */
export function throttlingLines(s: Pick<LighthouseSummary, 'results' | 'suiteThrottling'>): string[] {
  const lines = ["## Throttling: Lighthouse's and the suite's", ''];
  for (const formFactor of [...new Set(s.results.map((t) => t.formFactor))]) {
    const targets = s.results.filter((t) => t.formFactor === formFactor);
    const settings = [...new Set(targets.map((t) => describeLighthouseThrottling(t.throttling)))].join(' / ');
    const benchmarks = targets
      .map((t) => `${t.page} ${t.throttling.benchmarkIndex === null ? '?' : Math.round(t.throttling.benchmarkIndex).toLocaleString('en-US')}`)
      .join(', ');
    lines.push(`- Lighthouse ${formFactor}: ${settings}; Lighthouse's benchmark index of this machine (median run): ${benchmarks}`);
    if (formFactor === 'mobile') lines.push(`- Beside it, ${describeSuiteThrottling(s.suiteThrottling)}`);
  }
  if (!s.results.some((t) => t.formFactor === 'mobile')) lines.push(`- ${describeSuiteThrottling(s.suiteThrottling)}`);
  return lines;
}

/** Missed budgets of one level; error-level ones on the pages that gate, or (`gating: false`) on those that do not. */
export function missedLines(assertions: readonly BudgetAssertion[], level: 'error' | 'warn', gating = true): string[] {
  return assertions.filter((a) => !a.passed && a.level === level && (level === 'warn' || a.gates === gating)).map((a) => describeAssertion(a, budgetWhere(a)));
}
