// Tasks (what each is) and their sampled rounds → the report's rows.
import type { TaskOutcome } from './autoSample.ts';
import type { AbTaskIdentity, AbTaskResult } from './schema.ts';

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function taskResults(prepared: readonly AbTaskIdentity[], outcomes: readonly TaskOutcome[]): AbTaskResult[] {
  const byKey = new Map(outcomes.map((o) => [o.key, o]));
  return prepared.map((p): AbTaskResult => {
    const o = byKey.get(p.key);
    const failed = o?.error ?? null;
    return {
      key: p.key,
      pairId: p.pairId,
      suite: p.suite,
      side: p.side,
      status: failed ? 'error' : p.status,
      error: failed ?? p.error,
      batch: p.batch,
      rounds: o?.rounds ?? [],
      aMedian: median(o?.rounds.map((r) => r.a) ?? []),
      bMedian: median(o?.rounds.map((r) => r.b) ?? []),
      ratio: o?.ci?.ratio ?? null,
      low: o?.ci?.low ?? null,
      high: o?.ci?.high ?? null,
      verdict: o && !failed ? o.verdict : null,
      stoppedBy: o?.stoppedBy ?? null,
    };
  });
}

/** The keys of the tasks the check fails on. */
export function slowerTasks(results: readonly AbTaskResult[]): string[] {
  return results.filter((t) => t.status === 'ok' && t.verdict === 'slower').map((t) => t.key);
}
