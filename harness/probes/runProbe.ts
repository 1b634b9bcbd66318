// Runs one probe under the contract in probe.ts: never throws, always times, and turns a missing
// WebAssembly global into a plain 'unsupported' instead of a crash.
import type { Probe, ProbeContext, ProbeResult } from './probe.ts';

/** A probe that takes longer than this is stuck (a hung worker, a promise that never settles). */
export const PROBE_TIMEOUT_MS = 30_000;

export const NO_WEBASSEMBLY =
  'WebAssembly is not available in this browser (the WebAssembly global is missing, as with iOS Lockdown Mode or an enterprise policy)';

/** Why the page does not run `probe` for this subject, or null when it runs it: a probe that needs the subject's module, where the subject builds none. */
export function whyNotRun(probe: Pick<Probe, 'needsSubjectModule'>, context: Pick<ProbeContext, 'wasmUrl' | 'subject'>): string | null {
  if (!probe.needsSubjectModule || context.wasmUrl !== null) return null;
  return `${context.subject.name} is a library crate (no cdylib): it builds no .wasm for this probe to load; its Rust tests are what runs of it`;
}

export async function runProbe(probe: Probe, context: ProbeContext, webAssemblyAvailable: boolean): Promise<ProbeResult> {
  const base = {
    id: probe.id,
    title: probe.title,
    category: probe.category,
    ...(probe.proposal ? { proposal: probe.proposal } : {}),
    ...(probe.featuresJson ? { featuresJson: probe.featuresJson } : {}),
  };
  if (probe.needsWebAssembly && !webAssemblyAvailable) {
    return { ...base, status: 'unsupported', detail: NO_WEBASSEMBLY, ms: 0 };
  }
  const start = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`probe did not finish within ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS);
    });
    const outcome = await Promise.race([probe.run(context), timeout]);
    return { ...base, ...outcome, ms: performance.now() - start };
  } catch (error) {
    return { ...base, status: 'fail', detail: `probe threw: ${describeError(error)}`, ms: performance.now() - start };
  } finally {
    clearTimeout(timer);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
