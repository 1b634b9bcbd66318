// Benchmark runs appended to the history store (trends/), one store run per invocation: each
// project's run (npm run bench, bench:browsers, bench:crate) adds its engine and its measures to it,
// so the trends page draws each project's line over the invocations. What is kept: each pair's
// WASM-over-JavaScript speedup (ratio), and each #[wasm_bindgen_bench] function's typical time per
// iteration (criterion's, in nanoseconds).
import type { CrateBenchRun } from '../crate/schema.ts';
import type { MeasureRow, RunRecord } from '../../trends/historyStore.ts';
import { type RunIdentity, runIdentity } from '../../trends/runIdentity.ts';
import type { BenchRun } from './schema.ts';

interface Invocation {
  /** The store's id of the invocation, e.g. 'bench:browsers 2026-12-07T10:00:00.000Z'. */
  id: string;
  kind: 'bench' | 'crate-bench';
}

/** A new invocation's identity: its command and when it began. */
export function benchInvocation(command: string, kind: Invocation['kind'], startedAt = new Date()): Invocation {
  return { id: `${command} ${startedAt.toISOString()}`, kind };
}

const versionOf = (engine: Record<string, unknown> | null) => (typeof engine?.version === 'string' ? engine.version : null);
const engineOf = (engine: Record<string, unknown> | null) => (typeof engine?.engine === 'string' ? engine.engine : null);

/** One project's run within an invocation: its engine, and what it measured. */
function projectRecord(
  invocation: Invocation,
  run: { project: string; finishedAt: string; status: string; reason: string | null; engine: Record<string, unknown> | null },
  identity: RunIdentity,
  subject: { name: string | null; version: string | null },
  measures: MeasureRow[],
): RunRecord {
  return {
    run: { runId: invocation.id, kind: invocation.kind, at: run.finishedAt, ...identity, subject: subject.name, subjectVersion: subject.version, wallMs: null },
    engines: [
      {
        runId: invocation.id,
        project: run.project,
        engine: engineOf(run.engine) ?? run.project,
        version: versionOf(run.engine),
        status: run.status,
        reason: run.reason,
      },
    ],
    outcomes: [],
    measures,
  };
}

export function benchRecord(invocation: Invocation, run: BenchRun): RunRecord {
  const build = (run.build ?? {}) as { crate?: { name?: string; version?: string; dir?: string }; git?: { commit: string | null; dirty: boolean | null } };
  const measures: MeasureRow[] = run.pairs.flatMap((p) =>
    p.status === 'ok' && p.speedup ? [{ runId: invocation.id, project: run.project, name: `speedup.${p.id}`, value: p.speedup.value, unit: 'ratio' }] : [],
  );
  const subject = { name: build.crate?.name ?? null, version: build.crate?.version ?? null };
  return projectRecord(invocation, run, runIdentity(build.crate?.dir ?? process.cwd(), build.git ?? {}), subject, measures);
}

export function crateBenchRecord(invocation: Invocation, run: CrateBenchRun): RunRecord {
  const measures: MeasureRow[] = run.runs.flatMap((r) =>
    r.benchmarks.map((b) => ({
      runId: invocation.id,
      project: run.project,
      name: `crate-bench.${r.target}.${b.id}${r.mode === 'main thread' ? '' : ` (${r.mode})`}`,
      value: b.typical.point,
      unit: 'ns',
    })),
  );
  return projectRecord(invocation, run, runIdentity(run.subject?.crateDir ?? process.cwd()), { name: run.subject?.name ?? null, version: null }, measures);
}
