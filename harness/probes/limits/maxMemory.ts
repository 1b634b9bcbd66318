// limits.maxMemory: how much linear memory this engine hands one wasm32 memory. A memory declared
// with the largest maximum (65536 pages = 4 GiB) is grown 64 MiB at a time until it reaches 4 GiB,
// grow throws (RangeError: the engine's or the device's limit), or, past 1 GiB, a time bound passes.
// Pages are reserved, not touched, so this costs address space rather than RAM; the memory is
// dropped after. It judges what it saw: under 1 GiB (far below any engine's limit on the machines
// the suite runs on) growth is broken, not limited; and a busy machine that keeps it from reaching
// 1 GiB in time makes it say it ran out of time, not report a low number.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';

const PAGE = 65_536;
const MAX_PAGES = 65_536; // 4 GiB, the wasm32 ceiling
const STEP_PAGES = 1024; // 64 MiB
const FLOOR_PAGES = 16_384; // 1 GiB
/** Past the floor: stop after this long (a slow engine copies memory on every grow). */
const TIME_BOUND_MS = 5_000;
/** Below the floor: keep going this long, under runProbe's 30 s limit, before saying time ran out. */
const FLOOR_TIME_BOUND_MS = 25_000;
const mib = (pages: number) => (pages * PAGE) / 2 ** 20;

export default defineProbe({
  title: 'Largest linear memory granted (up to 4 GiB)',
  needsWebAssembly: true,
  async run() {
    const start = performance.now();
    let memory: WebAssembly.Memory | null;
    try {
      memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES });
    } catch (error) {
      return { status: 'fail', detail: `new WebAssembly.Memory({ initial: 1, maximum: ${MAX_PAGES} }) threw ${describeError(error)}` };
    }
    let pages = 1;
    let stoppedBecause = `reached the 4 GiB bound (${MAX_PAGES} pages)`;
    let slowestGrowMs = 0;
    let outOfTime = false;
    while (pages < MAX_PAGES) {
      const elapsed = performance.now() - start;
      if (pages >= FLOOR_PAGES ? elapsed > TIME_BOUND_MS : elapsed > FLOOR_TIME_BOUND_MS) {
        outOfTime = pages < FLOOR_PAGES;
        stoppedBecause = `time bound of ${pages >= FLOOR_PAGES ? TIME_BOUND_MS : FLOOR_TIME_BOUND_MS} ms`;
        break;
      }
      const delta = Math.min(STEP_PAGES, MAX_PAGES - pages);
      const t = performance.now();
      try {
        memory.grow(delta);
      } catch (error) {
        stoppedBecause = `grow(${delta}) at ${mib(pages)} MiB threw ${describeError(error)}`;
        break;
      }
      slowestGrowMs = Math.max(slowestGrowMs, performance.now() - t);
      pages = memory.buffer.byteLength / PAGE;
    }
    memory = null; // drop it: the reservation is released when it is collected
    const ms = performance.now() - start;
    const status = pages >= FLOOR_PAGES ? 'pass' : 'fail';
    const verdict =
      pages >= FLOOR_PAGES
        ? ''
        : outOfTime
          ? ' — ran out of time below 1 GiB: not measured (a busy machine?), not a limit'
          : ' — under 1 GiB: growth is broken, not limited';
    return {
      status,
      detail: `granted ${mib(pages)} MiB; stopped: ${stoppedBecause}; ${ms.toFixed(0)} ms${verdict}`,
      timings: { total: ms, slowestGrow: slowestGrowMs },
      data: { maxMiB: mib(pages), pages, stoppedBecause, reachedCeiling: pages === MAX_PAGES, outOfTime },
    };
  },
});
