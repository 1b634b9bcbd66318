// One run from several compat.json files: CI runs each engine in its own job, and Playwright's
// shards (`--shard=i/n`, each on a machine of its own) split one project's spec files between
// them. A project in one file is taken whole; a project in several is their union: its probes'
// verdicts and its Rust tests together (one that appears twice, the later file's), its test
// counts added, and what derives from the verdicts (the summary, features.json's shape, whether
// the engine runs the module) worked out again from the union, as the run itself works it out.
// The merged run has the newest generatedAt and the subject of the first file that has one. Files
// that tested different subjects (another crate, another build of it), or one project on two
// different engines or versions, are refused by name, since their columns would not be comparable.
import { addVerdict, type CompatReport, emptyProject, type ProjectReport, verdictOrder } from '../runner/compatReport.ts';
import { projectRequirements } from '../runner/subjectReport.ts';
import { RunFileError, type StoredRun } from './readRun.ts';

export function mergeRuns(runs: StoredRun[]): CompatReport {
  if (runs.length === 0) throw new RunFileError('nothing to merge: name one or more compat.json files');
  const ordered = [...runs].sort((a, b) => a.report.generatedAt.localeCompare(b.report.generatedAt));
  const withSubject = ordered.filter((r) => r.report.subject);
  const subject = withSubject[0]?.report.subject;
  for (const r of withSubject) {
    const s = r.report.subject!;
    if (s.name !== subject!.name || s.wasm?.sha256 !== subject!.wasm?.sha256) {
      throw new RunFileError(
        `${r.path} tested ${s.name} ${s.version} (.wasm ${s.wasm?.sha256.slice(0, 12) ?? 'unknown'}), ${withSubject[0]!.path} tested ${subject!.name} ${subject!.version} (.wasm ${subject!.wasm?.sha256.slice(0, 12) ?? 'unknown'}): runs of different builds do not merge into one matrix`,
      );
    }
  }
  const parts = new Map<string, Array<{ path: string; project: ProjectReport }>>();
  for (const r of ordered)
    for (const [name, project] of Object.entries(r.report.projects)) parts.set(name, [...(parts.get(name) ?? []), { path: r.path, project }]);
  const projects: CompatReport['projects'] = {};
  for (const [name, from] of parts) projects[name] = from.length === 1 ? from[0]!.project : mergeProject(name, from, subject);
  const last = ordered[ordered.length - 1]!.report;
  return { ...last, ...(subject ? { subject } : {}), projects };
}

/** One project's parts from several files (its shards), later files last. */
function mergeProject(name: string, parts: Array<{ path: string; project: ProjectReport }>, subject: CompatReport['subject']): ProjectReport {
  const ran = parts.filter((p) => p.project.engine);
  const engine = ran[0]?.project.engine ?? null;
  for (const p of ran) {
    const other = p.project.engine!;
    if (other.engine !== engine!.engine || other.version !== engine!.version)
      throw new RunFileError(
        `project ${name} ran ${engine!.engine} ${engine!.version} in ${ran[0]!.path} and ${other.engine} ${other.version} in ${p.path}: a project's shards must run the same engine build to be one column`,
      );
  }
  const first = (pick: (p: ProjectReport) => unknown) => parts.map((p) => pick(p.project)).find((x) => x !== null && x !== undefined);
  const notRunParts = parts.filter((p) => p.project.status === 'not-run');
  const merged: ProjectReport = {
    ...emptyProject((first((p) => p.target) as ProjectReport['target']) ?? null),
    status: notRunParts.length === parts.length ? 'not-run' : 'ran',
    ...(notRunParts.length === parts.length ? { reason: notRunParts[0]!.project.reason } : {}),
    serving: (first((p) => p.serving) as ProjectReport['serving']) ?? null,
    engine,
    tests: {
      passed: parts.reduce((n, p) => n + p.project.tests.passed, 0),
      failed: parts.reduce((n, p) => n + p.project.tests.failed, 0),
      skipped: parts.reduce((n, p) => n + p.project.tests.skipped, 0),
    },
  };
  // Later files first: where two hold the same verdict (a rerun), the later one's is kept, as addVerdict keeps the first it sees.
  for (const { project } of [...parts].reverse()) for (const v of project.probes) addVerdict(merged, v);
  merged.probes.sort(verdictOrder);
  merged.requirements = subject ? projectRequirements(subject, merged.probes) : ((first((p) => p.requirements) as ProjectReport['requirements']) ?? null);
  const rustTests = new Map<string, NonNullable<ProjectReport['rustTests']>[number]>();
  const notRun = new Map<string, NonNullable<ProjectReport['probesNotRun']>[number]>();
  for (const { project } of parts) {
    for (const t of project.rustTests ?? []) rustTests.set(`${t.target}\0${t.mode}\0${t.name}`, t);
    for (const n of project.probesNotRun ?? []) notRun.set(n.id, n);
  }
  for (const v of merged.probes) notRun.delete(v.id);
  if (notRun.size) merged.probesNotRun = [...notRun.values()];
  if (rustTests.size) merged.rustTests = [...rustTests.values()];
  const htmlReport = first((p) => p.htmlReport) as string | undefined;
  if (htmlReport) merged.htmlReport = htmlReport;
  const session = first((p) => p.session) as ProjectReport['session'];
  if (session) merged.session = session;
  return merged;
}
