// execution.structuredClone: a graph with a cycle, a shared Uint8Array, a Map of a Date, a BigInt,
// a RangeError and a 1000-deep chain, cloned from Rust (src/clone.rs); every property must hold in
// every engine. Then the deepest chain each engine clones, recorded as data: the engines' limits
// differ by orders of magnitude (the README's table), which matters to a crate that clones trees.
import { crateProbe } from '../../../../harness/probes/crateProbe.ts';
import { errorText, fromError, globalValue, timed, type WebApisExports } from '../_exports.ts';

const DEPTH = 1000;
const DEPTH_LIMIT = 100_000;

export default crateProbe<WebApisExports>({
  title: 'structuredClone() of a tricky graph, and how deep it goes',
  async run(crate) {
    const present = typeof globalValue('structuredClone') === 'function';
    const wrong: string[] = [];
    try {
      const report = crate.structuredCloneGraph(DEPTH);
      const checks = {
        distinct: report.distinct,
        cycle: report.cycle,
        sharedIdentity: report.sharedIdentity,
        bytes: report.bytes,
        mapDate: report.mapDate,
        bigint: report.bigint,
        errorType: report.errorType,
        refusesFunction: report.refusesFunction,
      };
      const depth = report.depth;
      report.free();
      for (const [name, held] of Object.entries(checks)) if (!held) wrong.push(name);
      if (depth !== DEPTH) wrong.push(`depth ${depth} of ${DEPTH}`);
    } catch (error) {
      return fromError(error, 'structuredCloneGraph', present);
    }
    if (!present) return { status: 'fail', detail: 'structuredClone is missing here, yet the crate cloned with it' };
    // A limit measurement that fails must not hide the verdict above.
    let maxDepth: number | string;
    let ms = 0;
    try {
      [maxDepth, ms] = await timed(() => crate.structuredCloneMaxDepth(DEPTH_LIMIT));
    } catch (error) {
      maxDepth = `not measured: ${errorText(error)}`;
    }
    const deepest = typeof maxDepth === 'number' ? (maxDepth >= DEPTH_LIMIT ? `at least ${DEPTH_LIMIT}` : String(maxDepth)) : maxDepth;
    return {
      status: wrong.length === 0 ? 'pass' : 'fail',
      detail: wrong.length === 0 ? `all 9 properties held; deepest clonable chain here: ${deepest} objects` : `did not hold: ${wrong.join(', ')}`,
      timings: { maxDepthSearch: ms },
      data: { maxDepth, depthLimit: DEPTH_LIMIT, wrong },
    };
  },
});
