// The page's worker runs (HarnessReport.workers), judged: each result against its engine's
// expectation and its spec's checks, as on the main thread, and against the main thread's own
// result: where runner/expectations/workerContexts.ts records no platform reason to differ, another
// status in a worker is a failure that names both. A worker that gave no results fails each probe
// it was asked for, with its reason.
import type { ProbeCategory, ProbeResult, WorkerContext, WorkerRun } from '../harness/probes/probe.ts';
import type { EngineKey } from './expectations/engineKey.ts';
import type { ProbeExpectation } from './expectations/probes.ts';
import { type ProbeVerdict, verdict } from './expectations/verdict.ts';
import { contextDifference } from './expectations/workerContexts.ts';

export interface WorkerJudge {
  engine: EngineKey;
  expectation(result: ProbeResult): ProbeExpectation;
  /** The spec's checks of a result's data in this context: each string is a failure. */
  checks(result: ProbeResult, context: WorkerContext): string[];
}

/** The verdicts of one category's probes in every worker run, and what the runs left out. */
export function judgeWorkerRuns(
  runs: readonly WorkerRun[],
  category: ProbeCategory,
  mainThread: readonly ProbeResult[],
  judge: WorkerJudge,
): { verdicts: ProbeVerdict[]; missing: string[] } {
  const verdicts: ProbeVerdict[] = [];
  const missing: string[] = [];
  for (const run of runs) {
    const asked = run.asked.filter((id) => id.startsWith(`${category}.`));
    if (run.error !== null) {
      for (const id of asked) {
        const main = mainThread.find((r) => r.id === id);
        const result: ProbeResult = {
          id,
          title: main?.title ?? id,
          category,
          status: 'fail',
          detail: `the ${run.context} gave no results: ${run.error}`,
          ms: 0,
        };
        verdicts.push(verdict(result, judge.expectation(result), [], run.context));
      }
      continue;
    }
    for (const id of asked) if (!run.results.some((r) => r.id === id)) missing.push(`${id} (${run.context})`);
    for (const result of run.results.filter((r) => r.category === category)) {
      const main = mainThread.find((r) => r.id === result.id);
      const disagrees =
        main && main.status !== result.status && contextDifference(judge.engine, result.id, run.context) === null
          ? [
              `it reported ${result.status} in the ${run.context} and ${main.status} on the page's main thread (${main.detail}); no platform reason to differ is recorded (runner/expectations/workerContexts.ts)`,
            ]
          : [];
      verdicts.push(verdict(result, judge.expectation(result), [...judge.checks(result, run.context), ...disagrees], run.context));
    }
  }
  return { verdicts, missing };
}
