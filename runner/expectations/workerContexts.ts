// Where a probe's result in a worker may differ from the page's main thread, per engine: the
// platform's reasons, each with its source. Everywhere else a worker's result must equal the main
// thread's (runner/assertProbes.ts), as WPT expects an .any.js test to pass in every global alike.
// An engine that does not offer a worker context is named here too; elsewhere, a context that
// does not start fails the run.
import type { WorkerContext } from '../../harness/probes/probe.ts';
import type { EngineKey } from './engineKey.ts';

export interface ContextDifference {
  engines: readonly EngineKey[] | 'all';
  probe: string;
  contexts: readonly WorkerContext[];
  /** Why the results may differ, with where that is written down. */
  why: string;
}

/** None seen yet where the status differs: a shared worker that is not cross-origin isolated (Chromium 156)
 * still hands out shared memory, so threads passes there too. A difference in a probe's data, not its
 * status (limits.syncCompile's `allowed`), is its spec's check (engineBehaviour.ts). */
export const CONTEXT_DIFFERENCES: readonly ContextDifference[] = [];

/** Why `probe` may differ between the main thread and `context` in `engine`, or null when it must agree. */
export function contextDifference(engine: EngineKey, probe: string, context: WorkerContext): string | null {
  const d = CONTEXT_DIFFERENCES.find((x) => x.probe === probe && x.contexts.includes(context) && (x.engines === 'all' || x.engines.includes(engine)));
  return d?.why ?? null;
}
