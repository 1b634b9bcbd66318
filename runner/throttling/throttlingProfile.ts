// What a throttled project asks for, and what a run records of it (compat.json's engine.throttling,
// the browser benchmarks' reports). One profile today: a mid-tier phone, the Pixel 5 that DevTools'
// CPU calibration targets, on Lighthouse's mobile network. The records' shapes are compat.json's
// (compatSchema.ts).
import type { NetworkProfile } from '../compatSchema.ts';

export type { CpuThrottling, NetworkProfile, ThrottlingRecord } from '../compatSchema.ts';

export type ThrottleProfile = 'mid-tier-phone';

/** The score of Lighthouse's BenchmarkIndex on a mid-tier phone (a Pixel 5): DevTools' CPU
 * calibration targets it (chrome-devtools-frontend, front_end/panels/mobile_throttling/
 * CalibrationController.ts, `midScore`). */
export const MID_TIER_PHONE_BENCHMARK_INDEX = 1000;

/** Lighthouse's mobileSlow4G (150 ms RTT, 1.6 Mbps down, 750 kbps up) in the request-level form
 * DevTools applies it: latency × 3.75, throughput × 0.9 (lighthouse/core/config/constants.js
 * `throttling.mobileSlow4G`; tests/unit/throttling.test.ts holds these to Lighthouse's own). Copied,
 * not imported: that module pulls in Lighthouse's simulator, 0.6 s in every worker. */
export const SLOW_4G: NetworkProfile = {
  profile: 'Slow 4G',
  latencyMs: 150 * 3.75,
  downloadKbps: 1.6 * 1024 * 0.9,
  uploadKbps: 750 * 0.9,
  source: "Lighthouse's mobileSlow4G (150 ms RTT, 1.6 Mbps down, 750 kbps up), applied as DevTools applies it",
};
