// The one judgement of a probe: what it saw, against what its engine should do, and the run's own
// checks of its data. Computed once (runner/assertProbes.ts); the Playwright test, compat.json, the
// matrix, JUnit and wptreport all read this record and nothing else, so they cannot disagree.
import type { ProbeResult, WorkerContext } from '../../harness/probes/probe.ts';
import type { CompatStatus, ProbeVerdict } from '../compatSchema.ts';
import type { ProbeExpectation } from './probes.ts';

/** The worker contexts a verdict may carry (the page's, harness/probes/probe.ts), for the readers of verdicts. */
export { WORKER_CONTEXTS, type WorkerContext } from '../../harness/probes/probe.ts';

/** A verdict's shape is compat.json's (compatSchema.ts). */
export type { CompatStatus, ProbeVerdict } from '../compatSchema.ts';

/** Whether the run fails on this verdict: the one rule every output applies. */
export const failsRun = (v: Pick<ProbeVerdict, 'asExpected'>): boolean => !v.asExpected;

/** A pass where 'unsupported' was expected: it fails the run so that the expectation gets updated. */
export const isUnexpectedGain = (v: Pick<ProbeVerdict, 'status' | 'asExpected'>): boolean => v.status === 'pass' && !v.asExpected;

/** A verdict's identity within a project: its probe, and its context where that is a worker (one probe runs in several). */
export const verdictKey = (v: Pick<ProbeVerdict, 'id' | 'context'>): string => (v.context ? `${v.id}@${v.context}` : v.id);

/** `context`: the worker it ran in (absent: the page's main thread). */
export function verdict(result: ProbeResult, expectation: ProbeExpectation, checkFailures: string[] = [], context?: WorkerContext): ProbeVerdict {
  const base = {
    id: result.id,
    ...(context ? { context } : {}),
    title: result.title,
    category: result.category,
    expected: expectation.status,
    why: expectation.why,
    actual: result.status,
    detail: result.detail,
    ms: result.ms,
    ...(result.validates !== undefined ? { validates: result.validates } : {}),
    ...(result.computesCorrectly !== undefined ? { computesCorrectly: result.computesCorrectly } : {}),
    ...(result.featuresJson ? { featuresJson: result.featuresJson } : {}),
  };
  // The run's check of the data outranks the probe's own word, whatever that was (pass, info,
  // unsupported) and whatever the engine was expected to do.
  if (checkFailures.length > 0)
    return { ...base, status: 'fail', asExpected: false, checkFailures, detail: `${result.detail}; judged by the run: ${checkFailures.join('; ')}` };
  // A fact recorded (environment.runtime), or a result this engine's expectation only records, has nothing to meet.
  if (result.status === 'info' || expectation.status === 'recorded') return { ...base, status: 'info', asExpected: true };
  let status: CompatStatus;
  if (result.status === 'fail') status = 'fail';
  else if (result.status === 'unsupported') status = expectation.status === 'unsupported' ? 'unsupported-as-expected' : 'unsupported-unexpectedly';
  else status = 'pass';
  return { ...base, status, asExpected: result.status === expectation.status };
}

/** The one line a failing verdict shows in the run, naming the engine it ran in. */
export function describeVerdict(v: ProbeVerdict, engine: string): string {
  const gain = isUnexpectedGain(v) ? ' — an unexpected gain: update runner/expectations/ with its source' : '';
  const checks = v.checkFailures ? `; the run's checks of its data failed: ${v.checkFailures.join('; ')}` : '';
  return `${v.id}${v.context ? ` (${v.context})` : ''} in ${engine}: ${v.status}; expected ${v.expected} (${v.why}); it reported ${v.actual}: ${v.detail}${checks}${gain}`;
}
