// What changed since the previous run: per project, against the newest earlier run in history that
// has that project (so an Appium run that joins the browser run's file compares its projects with
// their own last run). Newly failing, newly passing and newly unsupported probes and Rust tests, a
// new engine version, a project that stopped or started running, and a changed requirement of the
// subject's module. The page shows them; changes.md is the same list for CI's job summary.
import { disagreementLine, type TierDisagreement } from './tierDisagreements.ts';
import type { CompatReport, ProjectReport } from '../runner/compatReport.ts';
import { BROWSER_NAMES } from '../runner/expectations/requirements.ts';
import { engineLabel, engineName } from './engineNames.ts';
import { type CellKind, FAILING, RUST_KIND, verdictCell } from './matrixModel.ts';
import type { StoredRun } from './readRun.ts';

export type ChangeKind = 'newly-failing' | 'newly-passing' | 'newly-unsupported' | 'changed' | 'engine-version' | 'requirement' | 'project';

export const CHANGE_TITLES: Record<ChangeKind, string> = {
  'newly-failing': 'Newly failing',
  'newly-passing': 'Newly passing',
  'newly-unsupported': 'Newly unsupported',
  changed: 'Changed otherwise',
  'engine-version': 'New engine versions',
  requirement: "Changed requirements of the subject's module",
  project: 'Projects that stopped, started or are new',
};

export interface Change {
  kind: ChangeKind;
  /** The project it happened in, or null for the subject as a whole. */
  project: string | null;
  /** The engine and version as it ran now, e.g. "chromium 156.0.8078.108". */
  engine: string | null;
  /** What changed: a probe id, a Rust test, a feature, or the engine. */
  item: string;
  before: string;
  after: string;
}

export interface Changes {
  /** Per project, the run it was compared with (generatedAt), or null where none had it. */
  comparedWith: Record<string, string | null>;
  changes: Change[];
}

export interface Outcome {
  kind: CellKind;
  text: string;
  /** The engine's answer before judging: pass, fail, unsupported (a Rust test: its status). */
  actual: string;
}

/** Every probe verdict and Rust test of a project, by the name a change (and the trends page) calls it. */
export function projectOutcomes(p: ProjectReport): Map<string, Outcome> {
  const out = new Map<string, Outcome>();
  for (const v of p.probes) {
    const cell = verdictCell(v);
    out.set(v.context ? `${v.id} (${v.context})` : v.id, {
      kind: cell.kind,
      text: v.asExpected ? cell.text : `${cell.text} (expected ${v.expected})`,
      actual: v.actual,
    });
  }
  for (const t of p.rustTests ?? []) {
    out.set(`rust test ${t.target}::${t.name} (${t.mode})`, { kind: RUST_KIND[t.status], text: t.status, actual: t.status });
  }
  return out;
}

function classify(before: Outcome, after: Outcome): ChangeKind | null {
  if (before.kind === after.kind && before.text === after.text) return null;
  if (FAILING.has(after.kind) && !FAILING.has(before.kind)) return 'newly-failing';
  if (after.kind === 'pass' && before.kind !== 'pass') return 'newly-passing';
  if (after.actual === 'unsupported' && before.actual !== 'unsupported') return 'newly-unsupported';
  return 'changed';
}

const engineOf = (p: ProjectReport | undefined) => (p?.engine ? engineLabel(p.engine) : null);

function projectChanges(name: string, now: ProjectReport, before: ProjectReport): Change[] {
  const engine = engineOf(now) ?? engineOf(before);
  const at = (kind: ChangeKind, item: string, was: string, is: string): Change => ({ kind, project: name, engine, item, before: was, after: is });
  if (now.status !== before.status) {
    return [
      now.status === 'not-run'
        ? at('project', 'the project', 'ran', `not run: ${now.reason ?? 'no reason recorded'}`)
        : at('project', 'the project', `not run: ${before.reason ?? ''}`, 'ran'),
    ];
  }
  if (now.status === 'not-run') return [];
  const changes: Change[] = [];
  if (now.engine && before.engine && now.engine.version !== before.engine.version)
    changes.push(at('engine-version', engineName(now.engine), before.engine.version, now.engine.version));
  const was = projectOutcomes(before);
  for (const [item, outcome] of projectOutcomes(now)) {
    const previous = was.get(item);
    if (!previous) {
      if (FAILING.has(outcome.kind)) changes.push(at('newly-failing', item, 'not reported', outcome.text));
      continue;
    }
    const kind = classify(previous, outcome);
    if (kind) changes.push(at(kind, item, previous.text, outcome.text));
  }
  const runs = (p: ProjectReport) =>
    p.requirements
      ? p.requirements.runs
        ? 'runs the module'
        : `cannot run the module (missing ${p.requirements.missing.map((m) => m.feature).join(', ')})`
      : null;
  const [r0, r1] = [runs(before), runs(now)];
  if (r0 && r1 && r0 !== r1) changes.push(at('requirement', 'the subject module', r0, r1));
  return changes;
}

function subjectChanges(now: CompatReport, before: CompatReport | undefined): Change[] {
  const a = before?.subject?.requirements;
  const b = now.subject?.requirements;
  if (!a || !b) return [];
  const at = (item: string, was: string, is: string): Change => ({ kind: 'requirement', project: null, engine: null, item, before: was, after: is });
  const changes: Change[] = [];
  const had = new Set(a.features.map((f) => f.feature));
  const has = new Set(b.features.map((f) => f.feature));
  for (const f of has) if (!had.has(f)) changes.push(at(f, 'not needed', 'needed'));
  for (const f of had) if (!has.has(f)) changes.push(at(f, 'needed', 'not needed'));
  for (const browser of BROWSER_NAMES) {
    const [x, y] = [a.minimum[browser]?.version, b.minimum[browser]?.version];
    if (x !== undefined && y !== undefined && x !== y) changes.push(at(`minimum ${browser}`, String(x), String(y)));
  }
  return changes;
}

/** `now` against the runs before it (newest first). */
export function compareRuns(now: CompatReport, before: StoredRun[]): Changes {
  const comparedWith: Changes['comparedWith'] = {};
  const changes: Change[] = [];
  for (const [name, project] of Object.entries(now.projects)) {
    const previous = before.find((r) => r.report.projects[name]);
    comparedWith[name] = previous?.report.generatedAt ?? null;
    if (!previous) {
      if (before.length > 0)
        changes.push({
          kind: 'project',
          project: name,
          engine: engineOf(project),
          item: 'the project',
          before: 'not in earlier runs',
          after: project.status === 'ran' ? 'ran' : `not run: ${project.reason ?? ''}`,
        });
      continue;
    }
    changes.push(...projectChanges(name, project, previous.report.projects[name]!));
  }
  changes.push(...subjectChanges(now, before[0]?.report));
  return { comparedWith, changes };
}

const order = Object.keys(CHANGE_TITLES) as ChangeKind[];

/** changes.md: headed lists, one line per change naming the item, the project and its engine. */
export function changesMarkdown(now: CompatReport, result: Changes, disagreements: readonly TierDisagreement[] = []): string {
  const lines = [`# Changes since the previous run`, ''];
  // In this run itself, whatever the runs before it: one engine's compilers disagree.
  if (disagreements.length)
    lines.push(`## Compiler tiers disagree: possible engine bugs (${disagreements.length})`, '', ...disagreements.map((d) => `- ${disagreementLine(d)}`), '');
  const compared = Object.values(result.comparedWith).filter((v): v is string => v !== null);
  lines.push(`This run: ${now.generatedAt}${now.subject ? ` (${now.subject.name} ${now.subject.version})` : ''}.`);
  if (compared.length === 0) {
    lines.push('', 'No earlier run in the history to compare with.', '');
    return lines.join('\n');
  }
  const dates = [...new Set(compared)].sort();
  lines.push(`Compared with: ${dates.join(', ')} (each project with its newest earlier run).`, '');
  if (result.changes.length === 0) {
    lines.push('No change in any probe, Rust test, engine version, project or requirement.', '');
    return lines.join('\n');
  }
  for (const kind of order) {
    const of = result.changes.filter((c) => c.kind === kind);
    if (of.length === 0) continue;
    lines.push(`## ${CHANGE_TITLES[kind]} (${of.length})`, '');
    for (const c of of) lines.push(`- ${changeLine(c)}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function changeLine(c: Change): string {
  const where = c.project ? ` in **${c.project}**${c.engine ? ` (${c.engine})` : ''}` : '';
  return `\`${c.item}\`${where}: ${c.before} → ${c.after}`;
}
