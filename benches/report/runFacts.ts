// One line about where and how a run happened, for the summary and the page.
import { runThrottling } from './comparisons.ts';
import type { BenchRun } from './schema.ts';

export function runFacts(run: BenchRun): string {
  if (run.status !== 'done') return `${run.project}: ${run.status === 'not-run' ? 'not run' : 'failed'} — ${run.reason ?? 'no reason recorded'}`;
  const e = run.environment;
  const engine = run.engine as { engine?: string; version?: string; source?: string; device?: string | null; emulated?: boolean } | null;
  const parts = [
    engine ? `${engine.engine} ${engine.version} (${engine.source})${engine.device ? `, emulating ${engine.device}` : ''}` : e?.runtime,
    runThrottling(run),
    e?.cpuModel ? `${e.cpus} × ${e.cpuModel}` : e?.cpus ? `${e.cpus} CPUs` : null,
    e?.loadAverage ? `load average ${e.loadAverage.start[0]?.toFixed(2)} → ${e.loadAverage.end[0]?.toFixed(2)}` : null,
    e?.crossOriginIsolated !== null && e?.crossOriginIsolated !== undefined
      ? e.crossOriginIsolated
        ? 'cross-origin isolated'
        : 'NOT cross-origin isolated'
      : null,
    e?.timerResolutionUs !== null && e?.timerResolutionUs !== undefined
      ? `performance.now() step ${e.timerResolutionUs} µs`
      : 'performance.now() step not measured',
    run.options ? `batches of ≥ ${run.options.batchTargetMs} ms, ${run.options.timeMs} ms per task` : null,
    buildFacts(run.build),
    `${(run.durationMs / 1000).toFixed(1)} s, ${run.startedAt}`,
  ];
  return `${run.project}: ${parts.filter(Boolean).join('; ')}`;
}

function buildFacts(build: Record<string, unknown> | null): string | null {
  if (!build) return null;
  const optimization = build.optimization as { level?: string; flags?: string } | undefined;
  const wasm = (build.wasm as Array<{ bytes?: number }> | undefined)?.[0];
  return `crate ${String(build.mode ?? '?')} build${optimization ? `, wasm-opt ${optimization.level}` : ', no wasm-opt'}${wasm?.bytes ? `, ${wasm.bytes} bytes of .wasm` : ''}`;
}
