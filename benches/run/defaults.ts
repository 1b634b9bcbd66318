// The run budget, sized for a 2-core machine: about 1 s per side of 20 pairs keeps the whole Node
// run under 2 minutes, and batched samples of 0.5 ms give a thousand-odd samples per side, enough
// for a relative margin of error under 2% when the machine is quiet (docs/benchmarks.md).
import type { RunOptions } from '../report/schema.ts';

export const DEFAULT_TIME_MS = 800;
export const DEFAULT_WARMUP_MS = 150;
export const BATCH_FLOOR_MS = 0.5;

export function defaultRunOptions(batchTargetMs: number, timeMs = DEFAULT_TIME_MS): RunOptions {
  return { timeMs, warmupTimeMs: DEFAULT_WARMUP_MS, batchTargetMs };
}
