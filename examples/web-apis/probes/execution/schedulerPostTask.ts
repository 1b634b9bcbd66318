// execution.schedulerPostTask: the Prioritized Task Scheduling API from Rust (src/scheduling.rs):
// priority order, raising a posted task's priority through its TaskController, and aborting one.
import { crateProbe } from '../../../../harness/probes/crateProbe.ts';
import { fromError, globalValue, timed, type WebApisExports } from '../_exports.ts';

const EXPECTED = 'order=uvb reprioritised=xy aborted=AbortError';

export default crateProbe<WebApisExports>({
  title: 'scheduler.postTask(): priorities, reprioritising, aborting',
  async run(crate) {
    const scheduler = globalValue('scheduler') as { postTask?: unknown } | undefined;
    const present = typeof scheduler?.postTask === 'function' && typeof globalValue('TaskController') === 'function';
    let got: string;
    let ms: number;
    try {
      [got, ms] = await timed(() => crate.postTaskOrder());
    } catch (error) {
      return fromError(error, 'postTaskOrder', present);
    }
    if (!present) return { status: 'fail', detail: 'scheduler.postTask is missing here, yet the crate posted tasks' };
    return {
      status: got === EXPECTED ? 'pass' : 'fail',
      detail: got === EXPECTED ? `tasks ran by priority, a raised task overtook, an aborted one rejected (${got})` : `got "${got}", expected "${EXPECTED}"`,
      timings: { postTaskOrder: ms },
      data: { got },
    };
  },
});
