// The throttling a Lighthouse run measured under, as its result records it: the method (simulate
// scales the observed run by a model, devtools slows the browser itself, provided does neither),
// the CPU slowdown, the network figures that method applies, and the CPU benchmark Lighthouse took
// of this machine (its benchmarkIndex: higher is faster; a busy machine scores lower). Stated next
// to the suite's own pixel5 throttling (suiteThrottling.ts) so a reader sees whether the two
// "phones" are the same one.
import type { Lhr } from './lhr.ts';

export interface LighthouseThrottling {
  method: string | null;
  cpuSlowdownMultiplier: number | null;
  /** simulate: the round trip and throughput the model assumes. */
  rttMs: number | null;
  throughputKbps: number | null;
  /** devtools: what Chromium is told to apply. */
  requestLatencyMs: number | null;
  downloadThroughputKbps: number | null;
  uploadThroughputKbps: number | null;
  benchmarkIndex: number | null;
}

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function lighthouseThrottling(lhr: Lhr): LighthouseThrottling {
  const t = lhr.configSettings.throttling ?? {};
  return {
    method: lhr.configSettings.throttlingMethod ?? null,
    cpuSlowdownMultiplier: finite(t.cpuSlowdownMultiplier),
    rttMs: finite(t.rttMs),
    throughputKbps: finite(t.throughputKbps),
    requestLatencyMs: finite(t.requestLatencyMs),
    downloadThroughputKbps: finite(t.downloadThroughputKbps),
    uploadThroughputKbps: finite(t.uploadThroughputKbps),
    benchmarkIndex: finite(lhr.environment?.benchmarkIndex),
  };
}

const figure = (n: number | null, unit: string) => (n === null ? '?' : `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit}`);

/** E.g. "simulate: CPU 4× slowdown, RTT 150 ms, 1,638 Kbps". */
export function describeLighthouseThrottling(t: LighthouseThrottling): string {
  const cpu = t.cpuSlowdownMultiplier === null ? 'CPU ?' : t.cpuSlowdownMultiplier === 1 ? 'CPU not slowed' : `CPU ${t.cpuSlowdownMultiplier}× slowdown`;
  switch (t.method) {
    case 'simulate':
      return `simulate (the observed run scaled by Lighthouse's model): ${cpu}, RTT ${figure(t.rttMs, 'ms')}, ${figure(t.throughputKbps, 'Kbps')}`;
    case 'devtools':
      return `devtools (applied in Chromium): ${cpu}, request latency ${figure(t.requestLatencyMs, 'ms')}, ${figure(t.downloadThroughputKbps, 'Kbps')} down, ${figure(t.uploadThroughputKbps, 'Kbps')} up`;
    case 'provided':
      return 'provided: none applied by Lighthouse';
    default:
      return `${t.method ?? 'unknown method'}: ${cpu}`;
  }
}
