// What a throttled project asks for, and what a run records of it (compat.json's engine.throttling,
// the browser benchmarks' reports). One profile today: a mid-tier phone, the Pixel 5 that DevTools'
// CPU calibration targets, on Lighthouse's mobile network.

export type ThrottleProfile = 'mid-tier-phone';

/** The score of Lighthouse's BenchmarkIndex on a mid-tier phone (a Pixel 5): DevTools' CPU
 * calibration targets it (chrome-devtools-frontend, front_end/panels/mobile_throttling/
 * CalibrationController.ts, `midScore`). */
export const MID_TIER_PHONE_BENCHMARK_INDEX = 1000;

export interface NetworkProfile {
  profile: string;
  /** Added to every request (CDP Network.emulateNetworkConditions `latency`). */
  latencyMs: number;
  downloadKbps: number;
  uploadKbps: number;
  source: string;
}

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

export interface CpuThrottling {
  /** CDP Emulation.setCPUThrottlingRate's rate: 1 is no slowdown. */
  rate: number;
  /** Lighthouse's BenchmarkIndex of this machine's Chromium, unthrottled. */
  hostBenchmarkIndex: number | null;
  targetBenchmarkIndex: number;
  /** The index measured at `rate`: how close the calibration came. Null where the rate was set, not calibrated. */
  throttledBenchmarkIndex: number | null;
  /** How the rate was reached, in words. */
  method: string;
  calibratedAt: string;
  /** Whether the rate came from an earlier run's calibration on this machine (.cache/cpu-calibration.json). */
  cached: boolean;
}

export interface ThrottlingRecord {
  profile: ThrottleProfile;
  /** What was applied; null where the engine could not. */
  cpu: CpuThrottling | null;
  network: NetworkProfile | null;
  /** What the profile asks for that this engine could not apply, and why (also in engine.notApplied). */
  notApplied: string[];
}
