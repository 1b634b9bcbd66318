// Reads a finished tinybench task into the report's SideStats. tinybench's result is a union over
// the task's state; only a completed task carries latency and throughput statistics, so the state
// is narrowed before anything is read (an errored task carries its error instead).
import type { Task } from 'tinybench';
import type { SideStats } from '../report/schema.ts';

export type TaskOutcome = { ok: true; stats: SideStats } | { ok: false; error: string };

export function sideStatsOf(task: Task, label: string, batch: number, async: boolean, warnings: string[]): TaskOutcome {
  const result = task.result;
  if (result.state === 'errored') return { ok: false, error: `${task.name}: ${result.error.name}: ${result.error.message}` };
  if (result.state !== 'completed') return { ok: false, error: `${task.name}: tinybench left the task ${result.state}` };
  const { latency, throughput } = result;
  return {
    ok: true,
    stats: {
      label,
      batch,
      async,
      mean: latency.mean,
      p50: latency.p50,
      p99: latency.p99,
      min: latency.min,
      max: latency.max,
      sd: latency.sd,
      rme: latency.rme,
      samples: latency.samplesCount,
      opsPerSecond: throughput.mean,
      detectedResolutionMs: batch === 1 ? (task.detectedResolution ?? null) : null,
      warnings,
    },
  };
}
