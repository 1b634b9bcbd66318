// compat.json as a matrix a person reads: one table per target (the primary one, then each serving
// target), a column per project that ran or was meant to, a row per probe by category (features
// split into "validates" and "computes correctly"), the subject's module requirements, the crate's
// own Rust tests and the Node-side serving checks. Every cell has a kind with its symbol and words,
// so colour is never the only signal, the probe's detail, and the Playwright test that reached it.
import type { Finding } from '../deploy/headerRules.ts';
import type { CompatReport, ProjectReport } from '../runner/compatReport.ts';
import { isUnexpectedGain, type ProbeVerdict, verdictKey, WORKER_CONTEXTS } from '../runner/expectations/verdict.ts';
import { engineName } from './engineNames.ts';
import { throttlingOf } from '../runner/throttling/applyThrottling.ts';

export type CellKind = 'pass' | 'fail' | 'unsupported-as-expected' | 'unsupported-unexpectedly' | 'info' | 'skipped' | 'not-run' | 'no-result';

export const CELL_KINDS: Record<CellKind, { symbol: string; text: string }> = {
  pass: { symbol: '✓', text: 'pass' },
  fail: { symbol: '✗', text: 'fail' },
  'unsupported-as-expected': { symbol: '–', text: 'unsupported, as expected' },
  'unsupported-unexpectedly': { symbol: '!', text: 'unsupported, unexpectedly' },
  info: { symbol: 'i', text: 'recorded' },
  skipped: { symbol: '○', text: 'ignored' },
  'not-run': { symbol: '∅', text: 'not run' },
  'no-result': { symbol: '?', text: 'no result' },
};

/** Kinds that make a run fail. */
export const FAILING: ReadonlySet<CellKind> = new Set(['fail', 'unsupported-unexpectedly']);

export interface Cell {
  kind: CellKind;
  /** The words shown beside the symbol: the kind's text, or a sharper one (e.g. "pass, not expected"). */
  text: string;
  /** What the probe saw, and what was expected where it differs. */
  detail: string;
  /** The Playwright test that reached this verdict, for a link into its HTML report. */
  testId?: string;
  /** True where the cell fails for want of a verdict of its own (a Rust test its runner never reported: the run ended first). */
  unreported?: true;
}

export interface Column {
  project: string;
  ran: boolean;
  /** Why it did not run (what was looked for and not found). */
  reason?: string;
  engine: string | null;
  version: string | null;
  /** How the engine was reached (system Chromium, WebKitGTK over WebDriver, …). */
  source: string | null;
  device: string | null;
  emulated: boolean;
  notApplied: string[];
  /** The phone's CPU and network applied (runner/throttling/), in words; null where none was. */
  throttled: string | null;
  target: string | null;
  isolation: string | null;
  /** The HTML report folder of its tests, relative to the reports folder. */
  htmlReport: string | null;
  /** The compiler its engine was pinned to (a tier project: docs/tiers.md) and the launch flags that pinned it; null: default tiering. */
  tier: { name: string; pin: string[] } | null;
}

export interface Row {
  id: string;
  label: string;
  cells: Record<string, Cell>;
}

export interface Section {
  /** What its rows are: the module's requirements, probes, Node-side serving checks, or the crate's Rust tests. */
  kind: 'requirements' | 'probes' | 'serving-checks' | 'rust-tests';
  title: string;
  rows: Row[];
}

export interface MatrixGroup {
  target: string;
  description: string;
  columns: Column[];
  sections: Section[];
}

const CATEGORY_ORDER = ['environment', 'loading', 'serving', 'features', 'execution', 'memory', 'errors', 'limits'];
const CATEGORY_TITLES: Record<string, string> = {
  environment: 'Environment',
  loading: 'Loading',
  serving: 'Serving (in the page)',
  execution: 'Execution',
  memory: 'Memory',
  errors: 'Errors',
  limits: 'Limits',
};

function column(name: string, p: ProjectReport): Column {
  return {
    project: name,
    ran: p.status === 'ran',
    ...(p.reason ? { reason: p.reason } : {}),
    engine: p.engine ? engineName(p.engine) : null,
    version: p.engine?.version ?? null,
    source: p.engine?.source ?? null,
    device: p.engine?.device ?? null,
    emulated: p.engine?.emulated ?? false,
    notApplied: p.engine?.notApplied ?? [],
    throttled: throttlingOf(p.engine?.throttling),
    target: p.target?.name ?? null,
    isolation: p.target?.isolation ?? null,
    htmlReport: p.htmlReport ?? null,
    tier: p.engine?.tier ? { name: p.engine.tier.name, pin: p.engine.tier.pin } : null,
  };
}

/** A verdict's cell, failing exactly when the verdict fails the run (failsRun); a pass where unsupported was expected is an unexpected gain. */
export function verdictCell(v: ProbeVerdict & { testId?: string }): Cell {
  const testId = v.testId ? { testId: v.testId } : {};
  const expected = v.asExpected ? '' : ` Expected ${v.expected}: ${v.why}.`;
  if (isUnexpectedGain(v)) return { kind: 'fail', text: 'pass, not expected', detail: `${v.detail}${expected}`, ...testId };
  return { kind: v.status, text: CELL_KINDS[v.status].text, detail: `${v.detail}${expected}`, ...testId };
}

/** Fails a row of a feature's verdict whatever that row shows: a gain, or the run's checks of its data. */
const failsEveryRow = (v: ProbeVerdict) => isUnexpectedGain(v) || (v.checkFailures?.length ?? 0) > 0;

function validatesCell(v: ProbeVerdict & { testId?: string }): Cell {
  const base = verdictCell(v);
  if (v.validates === undefined) return base;
  if (v.validates) return { ...base, kind: failsEveryRow(v) ? 'fail' : 'pass', text: isUnexpectedGain(v) ? 'validates, not expected' : 'validates' };
  return { ...base, text: `does not validate (${base.text})` };
}

function computesCell(v: ProbeVerdict & { testId?: string }): Cell {
  const base = verdictCell(v);
  if (v.computesCorrectly === true) return { ...base, kind: failsEveryRow(v) ? 'fail' : 'pass', text: 'computes correctly' };
  if (v.computesCorrectly === false) return { ...base, kind: 'fail', text: 'wrong answer' };
  return { ...base, text: `not computed (${base.text})` };
}

const NOT_RUN = (c: Column): Cell => ({ kind: 'not-run', text: 'not run', detail: c.reason ?? 'this project did not run' });
const NO_RESULT: Cell = {
  kind: 'no-result',
  text: 'no result',
  detail: 'the project ran, but no test recorded this row (a spec that stopped early, or one this project does not run)',
};

/** Rows from every project's records, in a stable order; a cell per column. */
function rowsOf(
  columns: Column[],
  projects: Record<string, ProjectReport>,
  pick: (p: ProjectReport) => Array<{ id: string; label: string; cell: Cell }>,
): Row[] {
  const rows = new Map<string, Row>();
  for (const c of columns) {
    for (const { id, label, cell } of pick(projects[c.project]!)) {
      const row = rows.get(id) ?? { id, label, cells: {} };
      row.cells[c.project] = cell;
      rows.set(id, row);
    }
  }
  for (const row of rows.values()) for (const c of columns) row.cells[c.project] ??= c.ran ? NO_RESULT : NOT_RUN(c);
  return [...rows.values()];
}

/** A probe the page listed as not run, with its reason (a library crate's module probes): no verdict, so no status word. */
const probeNotRunCell = (n: NonNullable<ProjectReport['probesNotRun']>[number]): Cell => ({
  kind: 'not-run',
  text: 'not run',
  detail: n.reason,
  ...(n.testId ? { testId: n.testId } : {}),
});

/** A verdict's row: its probe, and the worker it ran in where it did not run on the page's main thread. */
const probeRow = (v: ProbeVerdict, suffix = '') => ({ id: `${verdictKey(v)}${suffix}`, label: v.context ? `${v.title} (in a ${v.context})` : v.title });

/** Each probe's worker rows right after its main-thread row, in WORKER_CONTEXTS' order; the probes in the order they came. */
function withContextsTogether(rows: Row[]): Row[] {
  const probeOf = (r: Row) => r.id.replace(/[@#].*$/, '');
  const contextRank = (r: Row) => {
    const context = /@([^#]+)/.exec(r.id)?.[1];
    return context ? (WORKER_CONTEXTS as readonly string[]).indexOf(context) + 1 : 0;
  };
  const firstSeen = [...new Set(rows.map(probeOf))];
  return [...rows].sort((a, b) => firstSeen.indexOf(probeOf(a)) - firstSeen.indexOf(probeOf(b)) || contextRank(a) - contextRank(b));
}

function probeSections(columns: Column[], projects: Record<string, ProjectReport>): Section[] {
  const categories = new Set(columns.flatMap((c) => [...projects[c.project]!.probes, ...(projects[c.project]!.probesNotRun ?? [])].map((p) => p.category)));
  const ordered = [...categories].sort((a, b) => (CATEGORY_ORDER.indexOf(a) + 1 || 99) - (CATEGORY_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const sections: Section[] = [];
  for (const category of ordered) {
    const of = (p: ProjectReport) => p.probes.filter((v) => v.category === category);
    const notRunOf = (p: ProjectReport) =>
      (p.probesNotRun ?? []).filter((n) => n.category === category).map((n) => ({ id: n.id, label: n.title, cell: probeNotRunCell(n) }));
    if (category === 'features') {
      sections.push({
        kind: 'probes',
        title: 'Features: validates',
        rows: withContextsTogether(rowsOf(columns, projects, (p) => of(p).map((v) => ({ ...probeRow(v, '#validates'), cell: validatesCell(v) })))),
      });
      const computed = withContextsTogether(
        rowsOf(columns, projects, (p) =>
          of(p)
            .filter((v) => v.computesCorrectly !== undefined)
            .map((v) => ({ ...probeRow(v, '#computes'), cell: computesCell(v) })),
        ),
      );
      if (computed.length > 0) sections.push({ kind: 'probes', title: 'Features: computes correctly (known answers)', rows: computed });
      continue;
    }
    sections.push({
      kind: 'probes',
      title: CATEGORY_TITLES[category] ?? category,
      rows: withContextsTogether(rowsOf(columns, projects, (p) => [...of(p).map((v) => ({ ...probeRow(v), cell: verdictCell(v) })), ...notRunOf(p)])),
    });
  }
  return sections;
}

function requirementSection(report: CompatReport, columns: Column[]): Section | null {
  const needs = report.subject?.requirements?.features ?? [];
  const judged = columns.filter((c) => report.projects[c.project]!.requirements);
  if (needs.length === 0 || judged.length === 0) return null;
  const name = report.subject?.name ?? 'the subject';
  const rows: Row[] = needs.map((f) => {
    const cells: Record<string, Cell> = {};
    for (const c of columns) {
      const p = report.projects[c.project]!;
      if (!c.ran) cells[c.project] = NOT_RUN(c);
      else if (!p.requirements) cells[c.project] = NO_RESULT;
      else {
        const missing = p.requirements.missing.find((m) => m.feature === f.feature);
        if (missing)
          cells[c.project] = { kind: 'fail', text: 'missing', detail: `${f.probe} reported ${missing.actual} here: ${name}'s module needs it (${f.evidence})` };
        else if (p.requirements.unjudged.includes(f.feature))
          cells[c.project] = { kind: 'no-result', text: 'not judged', detail: `no live probe stands for ${f.feature}` };
        else cells[c.project] = { kind: 'pass', text: 'supported', detail: `${f.probe} passed here; the module needs it: ${f.evidence}` };
      }
    }
    return { id: `requirement:${f.feature}`, label: f.feature, cells };
  });
  const runs: Record<string, Cell> = {};
  for (const c of columns) {
    const r = report.projects[c.project]!.requirements;
    if (!c.ran) runs[c.project] = NOT_RUN(c);
    else if (!r) runs[c.project] = NO_RESULT;
    else if (r.runs)
      runs[c.project] = {
        kind: 'pass',
        text: 'runs it',
        detail: `every feature ${name}'s module needs passed its live probe here${r.unjudged.length ? `; not judged: ${r.unjudged.join(', ')}` : ''}`,
      };
    else runs[c.project] = { kind: 'fail', text: 'cannot run it', detail: `missing here: ${r.missing.map((m) => `${m.feature} (${m.actual})`).join(', ')}` };
  }
  return {
    kind: 'requirements',
    title: `What ${name}'s module needs`,
    rows: [{ id: 'requirement:runs', label: `Runs ${name}'s module`, cells: runs }, ...rows],
  };
}

/** A Rust test's status as a cell kind: one that did not report fails like one that failed; one whose context the engine lacks is unsupported, not failed. */
export const RUST_KIND = {
  passed: 'pass',
  failed: 'fail',
  ignored: 'skipped',
  'not-reported': 'fail',
  unsupported: 'unsupported-as-expected',
} as const satisfies Record<string, CellKind>;

function rustSection(report: CompatReport, columns: Column[]): Section | null {
  if (!columns.some((c) => (report.projects[c.project]!.rustTests ?? []).length > 0)) return null;
  const rows = rowsOf(columns, report.projects, (p) =>
    (p.rustTests ?? []).map((t) => ({
      id: `rust:${t.target}::${t.name}@${t.mode}`,
      label: `${t.target}::${t.name} (${t.mode}${t.configure ? `; ${t.configure}` : ''})`,
      cell: {
        kind: RUST_KIND[t.status],
        text: t.status === 'not-reported' ? 'did not report' : t.status,
        ...(t.status === 'not-reported' ? { unreported: true as const } : {}),
        detail: t.output || t.status,
        ...(t.testId ? { testId: t.testId } : {}),
      },
    })),
  );
  rows.sort((a, b) => a.label.localeCompare(b.label));
  return { kind: 'rust-tests', title: `${report.subject?.name ?? 'The crate'}'s own tests (#[wasm_bindgen_test])`, rows };
}

function servingSection(report: CompatReport, columns: Column[]): Section | null {
  if (!columns.some((c) => report.projects[c.project]!.serving)) return null;
  return {
    kind: 'serving-checks',
    title: 'Serving (Node-side checks of the responses)',
    rows: rowsOf(columns, report.projects, (p) => {
      const byCheck = new Map<string, Finding[]>();
      for (const f of p.serving?.findings ?? []) byCheck.set(f.check, [...(byCheck.get(f.check) ?? []), f]);
      return [...byCheck].map(([check, findings]) => {
        const failed = findings.filter((f) => !f.ok);
        return {
          id: `serving-check:${check}`,
          label: check,
          cell:
            failed.length > 0
              ? {
                  kind: 'fail' as const,
                  text: `fail (${failed.length} of ${findings.length})`,
                  detail: failed.map((f) => `${f.subject}: ${f.message}`).join('; '),
                }
              : { kind: 'pass' as const, text: 'pass', detail: findings.map((f) => `${f.subject}: ${f.message}`).join('; ') },
        };
      });
    }),
  };
}

/** The matrix of a run: one group per target, the primary target first. */
export function buildMatrix(report: CompatReport): MatrixGroup[] {
  const byTarget = new Map<string, Column[]>();
  const descriptions = new Map<string, string>();
  for (const [name, p] of Object.entries(report.projects)) {
    // A project that never started has no target record; it belongs with the primary target's projects.
    const target = p.target?.name ?? report.target;
    if (p.target) descriptions.set(target, p.target.description);
    byTarget.set(target, [...(byTarget.get(target) ?? []), column(name, p)]);
  }
  const targets = [...byTarget.keys()].sort((a, b) => (a === report.target ? -1 : b === report.target ? 1 : a.localeCompare(b)));
  return targets.map((target) => {
    const columns = byTarget.get(target)!;
    const sections = [
      ...[requirementSection(report, columns)].filter((s): s is Section => s !== null),
      ...probeSections(columns, report.projects),
      ...[servingSection(report, columns), rustSection(report, columns)].filter((s): s is Section => s !== null),
    ];
    return { target, description: descriptions.get(target) ?? target, columns, sections };
  });
}

export interface MatrixSummary {
  projects: number;
  ran: number;
  notRun: Array<{ project: string; reason: string }>;
  cells: Record<CellKind, number>;
  /** Projects with a failing cell, each with how many. */
  failing: Array<{ project: string; count: number }>;
}

export function summarize(groups: MatrixGroup[]): MatrixSummary {
  const cells = Object.fromEntries(Object.keys(CELL_KINDS).map((k) => [k, 0])) as Record<CellKind, number>;
  const failing = new Map<string, number>();
  const columns = groups.flatMap((g) => g.columns);
  for (const g of groups) {
    for (const s of g.sections) {
      for (const r of s.rows) {
        for (const c of g.columns) {
          const cell = r.cells[c.project]!;
          cells[cell.kind]++;
          if (FAILING.has(cell.kind)) failing.set(c.project, (failing.get(c.project) ?? 0) + 1);
        }
      }
    }
  }
  return {
    projects: columns.length,
    ran: columns.filter((c) => c.ran).length,
    notRun: columns.filter((c) => !c.ran).map((c) => ({ project: c.project, reason: c.reason ?? 'not run' })),
    cells,
    failing: [...failing].map(([project, count]) => ({ project, count })),
  };
}
