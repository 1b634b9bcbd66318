// The rules every feature probe follows, so each feature file holds only its detector, its module
// and its known answer. Detection and computation are reported apart because validation alone gives
// false positives: iOS 16.4 validated SIMD yet computed wrong results until iOS 17.
import type { ProbeDefinition, ProbeOutcome } from './probe.ts';
import { describeError } from './runProbe.ts';

/** What a computation with the feature gave, against what it must give. */
export interface KnownAnswer {
  what: string;
  got: unknown;
  expected: unknown;
  data?: Record<string, unknown>;
}

/** The feature is there but cannot be exercised in this context (e.g. no cross-origin isolation). */
export interface Unavailable {
  unavailable: string;
  data?: Record<string, unknown>;
}

export interface FeatureSpec {
  title: string;
  /** As webassembly.org/features names it. */
  proposal: string;
  /** Its key in webassembly.org's features.json; omitted where it has none. */
  featuresJson?: string;
  /** Does this engine take the feature: a module using it validates, or its JS API is present. */
  detect: () => Promise<boolean>;
  /** The detail word for a positive detect; 'validates' unless the feature is a JS API. */
  detected?: string;
  /** The detail line when detect is negative. */
  absent: string;
  /** A computation with the feature; omitted where none exists beyond detect (say why in `noComputation`). */
  knownAnswer?: () => Promise<KnownAnswer | Unavailable>;
  noComputation?: string;
  /** Why it runs on the page only (it needs a document or frame); absent, it runs in the workers too (ProbeDefinition.inWorkers). */
  pageOnly?: string;
}

export function featureProbe(spec: FeatureSpec): ProbeDefinition {
  return {
    title: spec.title,
    proposal: spec.proposal,
    ...(spec.featuresJson ? { featuresJson: spec.featuresJson } : {}),
    needsWebAssembly: true,
    inWorkers: spec.pageOnly === undefined,
    run: () => runFeature(spec),
  };
}

export async function runFeature(spec: FeatureSpec): Promise<ProbeOutcome> {
  const detected = spec.detected ?? 'validates';
  let present: boolean;
  try {
    present = await spec.detect();
  } catch (error) {
    // Only a clean "no" means the feature is missing; a detector that throws is broken, and says so.
    return { status: 'fail', validates: false, computesCorrectly: null, detail: `the detector threw ${describeError(error)} instead of answering yes or no` };
  }
  if (!present) return { status: 'unsupported', validates: false, computesCorrectly: null, detail: spec.absent };
  if (!spec.knownAnswer) {
    return { status: 'pass', validates: true, computesCorrectly: null, detail: `${detected}; ${spec.noComputation ?? 'no computation beyond the detector'}` };
  }
  let answer: KnownAnswer | Unavailable;
  try {
    answer = await spec.knownAnswer();
  } catch (error) {
    return { status: 'fail', validates: true, computesCorrectly: false, detail: `${detected}, but the known-answer run failed: ${describeError(error)}` };
  }
  if ('unavailable' in answer) {
    return { status: 'unsupported', validates: true, computesCorrectly: null, detail: `${detected}, but ${answer.unavailable}`, data: answer.data ?? {} };
  }
  const got = show(answer.got);
  const expected = show(answer.expected);
  const correct = got === expected;
  return {
    status: correct ? 'pass' : 'fail',
    validates: true,
    computesCorrectly: correct,
    detail: `${detected}; ${answer.what} = ${got} (expected ${expected})`,
    data: { ...answer.data, got, expected },
  };
}

/** A stable text form for comparing and reporting answers (BigInt and arrays included; JSON cannot). */
export function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return String(value);
}

/** Instantiates bytes and hands back the exports typed as the probe declares them. */
export async function instantiate<T>(bytes: Uint8Array<ArrayBuffer>, imports: WebAssembly.Imports = {}): Promise<T> {
  const { instance } = await WebAssembly.instantiate(bytes, imports);
  return instance.exports as unknown as T;
}

/** A detector from a module: does this engine's WebAssembly.validate accept it? */
export const validates = (bytes: Uint8Array<ArrayBuffer>) => async (): Promise<boolean> => WebAssembly.validate(bytes);
