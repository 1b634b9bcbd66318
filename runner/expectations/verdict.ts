// Compares what a probe saw with what its engine should do, in the four statuses of compat.json.
import type { ProbeResult } from '../../harness/probes/probe.ts';
import type { ProbeExpectation } from './probes.ts';

export type CompatStatus = 'pass' | 'fail' | 'unsupported-as-expected' | 'unsupported-unexpectedly' | 'info';

export interface ProbeVerdict {
  id: string;
  title: string;
  category: string;
  status: CompatStatus;
  /** True when the result matches the expectation; false fails the spec. */
  asExpected: boolean;
  expected: ProbeExpectation['status'];
  why: string;
  actual: ProbeResult['status'];
  detail: string;
  ms: number;
  validates?: boolean;
  computesCorrectly?: boolean | null;
  /** A feature probe's name in webassembly.org's features.json, when it has one. */
  featuresJson?: string;
}

export function verdict(result: ProbeResult, expectation: ProbeExpectation): ProbeVerdict {
  const base = {
    id: result.id,
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
  // A fact recorded (environment.runtime), or a result this engine's expectation only records, has nothing to meet.
  if (result.status === 'info' || expectation.status === 'recorded') return { ...base, status: 'info', asExpected: true };
  let status: CompatStatus;
  if (result.status === 'fail') status = 'fail';
  else if (result.status === 'unsupported') status = expectation.status === 'unsupported' ? 'unsupported-as-expected' : 'unsupported-unexpectedly';
  else status = 'pass';
  // A pass where 'unsupported' was expected is an unexpected gain: reported, so the table gets updated.
  return { ...base, status, asExpected: result.status === expectation.status };
}
