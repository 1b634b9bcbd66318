// One run from several compat.json files: CI runs each engine in its own job, and each job leaves
// a compat.json with its own projects. The merged run has every project (a project in two files:
// the later file's), the newest generatedAt, and the subject of the first file that has one. Files
// that tested different subjects (another crate, another build of it) are refused by name, since
// their columns would not be comparable.
import type { CompatReport } from '../runner/compatReport.ts';
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
  const last = ordered[ordered.length - 1]!.report;
  return {
    ...last,
    ...(subject ? { subject } : {}),
    projects: Object.assign({}, ...ordered.map((r) => r.report.projects)) as CompatReport['projects'],
  };
}
