// serving.threads: what wasm threads need from the page's serving, end to end. The page must be
// cross-origin isolated (COOP + COEP headers) to create a shared WebAssembly.Memory; a module
// Worker loaded from our origin (CSP worker-src) receives it; both sides add to one counter with
// Atomics, and the page waits for the worker's Atomics.notify (Atomics.waitAsync where it exists,
// else polling, bounded). 'unsupported' when isolation or shared memory is missing, or when the
// engine refuses to send shared memory to a worker (DataCloneError): no wasm threads then either.
import { defineProbe } from '../probe.ts';
import { describeError } from '../runProbe.ts';

const ITERATIONS = 100_000;
const TIMEOUT_MS = 10_000;

type WaitAsync = (a: Int32Array, i: number, v: number, t: number) => { async: boolean; value: Promise<string> | string };

/** Waits until cells[1] becomes 1, or the deadline. Resolves with how it was waited for. */
async function waitForDone(cells: Int32Array, deadline: number): Promise<string | null> {
  const waitAsync = (Atomics as { waitAsync?: WaitAsync }).waitAsync?.bind(Atomics);
  while (Atomics.load(cells, 1) === 0 && performance.now() < deadline) {
    if (waitAsync) await waitAsync(cells, 1, 0, deadline - performance.now()).value;
    else await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Atomics.load(cells, 1) === 1 ? (waitAsync ? 'Atomics.waitAsync' : 'polling') : null;
}

export default defineProbe({
  title: 'Shared memory and Atomics with a Worker',
  needsWebAssembly: true,
  async run() {
    if (!globalThis.crossOriginIsolated)
      return { status: 'unsupported', detail: 'the page is not cross-origin isolated (COOP/COEP headers missing), so shared memory is off' };
    let memory: WebAssembly.Memory;
    try {
      memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    } catch (error) {
      return { status: 'unsupported', detail: `shared WebAssembly.Memory cannot be created: ${describeError(error)}` };
    }
    const cells = new Int32Array(memory.buffer); // [0] counter, [1] done flag
    const start = performance.now();
    let worker: Worker;
    try {
      worker = new Worker(new URL('./_threadsWorker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      return { status: 'fail', detail: `the module Worker could not be created: ${describeError(error)}` };
    }
    try {
      // The worker's own report, or why it failed (a load error, a messageerror on receipt).
      const reply = new Promise<Record<string, unknown>>((resolve) => {
        worker.onmessage = (event: MessageEvent<Record<string, unknown>>) => resolve(event.data);
        worker.onerror = (event) => resolve({ failed: `worker error: ${event.message || 'the script did not load'}` });
        worker.onmessageerror = () => resolve({ failed: 'the worker could not receive the shared memory (messageerror)' });
      });
      try {
        worker.postMessage({ memory, iterations: ITERATIONS });
      } catch (error) {
        // WebKitGTK 2.50: isolated, shared memory created, yet cloning it (or its buffer) throws.
        const refused = error instanceof DOMException && error.name === 'DataCloneError';
        return {
          status: refused ? 'unsupported' : 'fail',
          detail: `the shared memory cannot be sent to a Worker: postMessage threw ${describeError(error)}`,
          data: { postMessageError: describeError(error) },
        };
      }
      for (let i = 0; i < ITERATIONS; i++) Atomics.add(cells, 0, 1);
      const failed = reply.then((r) => (typeof r.failed === 'string' ? r.failed : new Promise<never>(() => {})));
      const woken = await Promise.race([waitForDone(cells, start + TIMEOUT_MS), failed]);
      const ms = performance.now() - start;
      const total = Atomics.load(cells, 0);
      if (woken !== 'Atomics.waitAsync' && woken !== 'polling') {
        return { status: 'fail', detail: `no result from the worker: ${woken ?? `timed out after ${TIMEOUT_MS} ms`} (counter ${total})`, data: { total } };
      }
      const workerView = await Promise.race([reply, new Promise<null>((resolve) => setTimeout(() => resolve(null), 1_000))]);
      const ok = total === 2 * ITERATIONS;
      return {
        status: ok ? 'pass' : 'fail',
        detail: `counter ${total} of ${2 * ITERATIONS} (page + worker, Atomics.add), woken by ${woken}, in ${ms.toFixed(1)} ms`,
        timings: { roundTrip: ms },
        data: { total, expected: 2 * ITERATIONS, woken, worker: workerView },
      };
    } finally {
      worker.terminate();
    }
  },
});
