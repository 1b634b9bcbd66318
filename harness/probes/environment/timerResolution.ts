// environment.timerResolution: how fine performance.now() is here. Engines coarsen it against
// timing attacks (more so without cross-origin isolation), which bounds what the benchmarks and
// the timings in this report can resolve. Measured as the smallest non-zero step between
// consecutive readings in a busy loop bounded by time and by samples.
import { defineProbe } from '../probe.ts';

const MAX_SAMPLES = 2_000_000;
const MAX_LOOP_MS = 100;
const WANTED_STEPS = 200;

export default defineProbe({
  title: 'performance.now() resolution',
  needsWebAssembly: false,
  async run() {
    const counts = new Map<number, number>();
    const wallStart = Date.now(); // guards the loop even if performance.now() never moves
    let last = performance.now();
    let samples = 0;
    let steps = 0;
    while (samples < MAX_SAMPLES && steps < WANTED_STEPS && Date.now() - wallStart < MAX_LOOP_MS) {
      const now = performance.now();
      samples++;
      if (now !== last) {
        const us = Math.round((now - last) * 1e6) / 1e3; // µs, rounded to 1 ns against float noise
        counts.set(us, (counts.get(us) ?? 0) + 1);
        steps++;
        last = now;
      }
    }
    if (steps === 0) {
      return {
        status: 'pass',
        detail: `performance.now() did not move in ${MAX_LOOP_MS} ms (${samples} readings)`,
        data: { resolutionUs: null, samples, steps },
      };
    }
    const resolutionUs = Math.min(...counts.keys());
    const commonUs = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    return {
      status: 'pass',
      detail: `smallest step ${resolutionUs} µs, most common ${commonUs} µs (${steps} steps in ${samples} readings)`,
      data: { resolutionUs, commonStepUs: commonUs, samples, steps },
    };
  },
});
