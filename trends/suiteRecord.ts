// A compatibility run (its compat.json) as the history store keeps it: the run (commit, branch,
// subject, wall time), each project's engine and version, every probe verdict and Rust test by the
// name the matrix's changes give it, and the module's sizes.
import { projectOutcomes } from '../matrix/changes.ts';
import type { CompatReport } from '../runner/compatReport.ts';
import type { MeasureRow, RunRecord } from './historyStore.ts';
import { type RunIdentity, runIdentity } from './runIdentity.ts';

/** The store's id of a run: its runId, or (a file written before runIds) when it was generated. */
export const suiteRunId = (report: CompatReport): string => report.runId ?? `generated-${report.generatedAt}`;

/** `identity`: where the run came from; by default the subject's checkout, its build record's commit first. */
export function suiteRecord(
  report: CompatReport,
  identity: RunIdentity = runIdentity(report.subject?.path ?? process.cwd(), report.subject?.build?.git ?? {}),
): RunRecord {
  const runId = suiteRunId(report);
  const wasm = report.subject?.wasm;
  const measures: MeasureRow[] = [];
  const whole = (name: string, value: number | undefined, unit: string) => {
    if (value !== undefined) measures.push({ runId, project: '', name, value, unit });
  };
  whole('size.wasm.raw', wasm?.bytes, 'bytes');
  whole('size.wasm.gzip', wasm?.gzip, 'bytes');
  whole('size.wasm.brotli', wasm?.brotli, 'bytes');
  const wallMs = report.startedAt ? Date.parse(report.generatedAt) - Date.parse(report.startedAt) : null;
  return {
    run: {
      runId,
      kind: 'suite',
      at: report.generatedAt,
      commit: identity.commit,
      branch: identity.branch,
      dirty: identity.dirty,
      subject: report.subject?.name ?? null,
      subjectVersion: report.subject?.version ?? null,
      machine: identity.machine,
      wallMs,
    },
    engines: Object.entries(report.projects).map(([project, p]) => ({
      runId,
      project,
      engine: p.engine?.engine ?? null,
      version: p.engine?.version ?? null,
      status: p.status,
      reason: p.reason ?? null,
    })),
    outcomes: Object.entries(report.projects).flatMap(([project, p]) =>
      [...projectOutcomes(p)].map(([item, o]) => ({ runId, project, item, kind: o.kind, text: o.text })),
    ),
    measures,
  };
}
