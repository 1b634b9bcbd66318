// An A/B check appended to the history store (trends/): one store run per check and project, each
// task an outcome (SLOWER beyond the horizon fails, as the gate does; the others pass, with the
// verdict's words), and each task's B/A ratio as a measure. The trends page and CI's alerts read a
// confident slowdown from here as they read a newly failing verdict.
import type { RunRecord } from '../../trends/historyStore.ts';
import { runIdentity } from '../../trends/runIdentity.ts';
import type { AbRun } from './schema.ts';

export function abRecord(run: AbRun): RunRecord {
  const what = run.benchmarks === 'crate' ? 'crate benchmarks' : 'pairs';
  const runId = `bench-ab ${what} ${run.project} ${run.startedAt}`;
  const slower = new Set(run.slower);
  return {
    run: {
      runId,
      kind: 'bench-ab',
      at: run.finishedAt,
      ...runIdentity(process.cwd(), { commit: run.b.commit }),
      subject: null,
      subjectVersion: null,
      wallMs: run.durationMs,
    },
    engines: [{ runId, project: run.project, engine: run.project === 'node' ? 'node' : null, version: null, status: 'ran', reason: null }],
    outcomes: run.tasks.map((t) => ({
      runId,
      project: run.project,
      item: `${what}: ${t.key}`,
      kind: slower.has(t.key) ? 'fail' : 'pass',
      text: `${t.verdict ?? t.status}${t.ratio === null ? '' : ` (B/A ${t.ratio.toFixed(3)})`}, against ${run.a.label}${run.a.commit ? ` ${run.a.commit.slice(0, 8)}` : ''}`,
    })),
    measures: run.tasks.flatMap((t) => (t.ratio === null ? [] : [{ runId, project: run.project, name: `ab.${t.key}`, value: t.ratio, unit: 'ratio' }])),
  };
}
