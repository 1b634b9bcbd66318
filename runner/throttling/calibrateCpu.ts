// The CPU slowdown that makes this machine's Chromium run like a mid-tier phone, found as DevTools
// finds it (CalibrationController.ts): Lighthouse's BenchmarkIndex on this machine, then a bisection
// over CDP Emulation.setCPUThrottlingRate until the throttled index is close to the phone's. A
// fixed 4× (Lighthouse's preset) is a different phone on every machine; a calibrated rate is the
// same phone everywhere. Runs in a blank page of its own, before any project starts.
import type { Browser } from '@playwright/test';
import { pageFunctions } from 'lighthouse/core/lib/page-functions.js';
import { type CpuThrottling, MID_TIER_PHONE_BENCHMARK_INDEX } from './throttlingProfile.ts';

type Calibration = Omit<CpuThrottling, 'calibratedAt' | 'cached'>;

/** Close enough: within 5 % of the target, DevTools' "within 10 points" of 1000 loosened for a noisier 2-core runner. */
const TOLERANCE = 0.05;
const MAX_STEPS = 7;

export async function calibrateCpu(browser: Browser, target = MID_TIER_PHONE_BENCHMARK_INDEX): Promise<CpuThrottling> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const benchmark = `(${pageFunctions.computeBenchmarkIndex.toString()})()`;
    const score = async (rate: number): Promise<number> => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const value = (await page.evaluate(benchmark)) as unknown;
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
        throw new Error(`Lighthouse's BenchmarkIndex gave ${String(value)} at rate ${rate}`);
      return value;
    };
    await score(1); // warm-up: lets V8 optimise the benchmark before it counts
    return { ...(await bisectRate(score, target)), calibratedAt: new Date().toISOString(), cached: false };
  } finally {
    await context.close();
  }
}

/** The rate whose score comes closest to `target`, from a score function (Lighthouse's BenchmarkIndex
 * at a rate, in the browser; any monotone curve in tests). The best of the host's two runs is its
 * index: a run slowed by something else says nothing about the machine. */
export async function bisectRate(score: (rate: number) => Promise<number>, target: number): Promise<Calibration> {
  const host = Math.max(await score(1), await score(1));
  if (host <= target) {
    return {
      rate: 1,
      hostBenchmarkIndex: host,
      targetBenchmarkIndex: target,
      throttledBenchmarkIndex: host,
      method: `not slowed: this machine (index ${host.toFixed(0)}) is no faster than the phone (${target})`,
    };
  }
  // The index falls roughly as 1/rate, so twice host/target is above the answer; bisect below it.
  let lower = { rate: 1, score: host };
  const top = Math.max(2, Math.ceil((host / target) * 2));
  let upper = { rate: top, score: await score(top) };
  let best = Math.abs(lower.score - target) < Math.abs(upper.score - target) ? lower : upper;
  for (let step = 0; step < MAX_STEPS && Math.abs(best.score - target) > target * TOLERANCE; step++) {
    // CDP keeps two decimals of the rate.
    const rate = Number(((lower.rate + upper.rate) / 2).toFixed(2));
    const point = { rate, score: await score(rate) };
    if (Math.abs(point.score - target) < Math.abs(best.score - target)) best = point;
    if (point.score < target) upper = point;
    else lower = point;
  }
  return {
    rate: best.rate,
    hostBenchmarkIndex: host,
    targetBenchmarkIndex: target,
    throttledBenchmarkIndex: best.score,
    method: "bisection of CDP Emulation.setCPUThrottlingRate against Lighthouse's BenchmarkIndex, as DevTools' CPU calibration does",
  };
}
