// The worker side of serving.threads: receives a shared WebAssembly.Memory, adds to a counter with
// Atomics in a loop, then raises a done flag and wakes the page with Atomics.notify. It also says
// what it sees of isolation, since a worker's COEP comes from its own script's response headers.

interface Job {
  memory: WebAssembly.Memory;
  iterations: number;
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<Job>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = ({ data: { memory, iterations } }) => {
  const cells = new Int32Array(memory.buffer); // [0] counter, [1] done flag
  for (let i = 0; i < iterations; i++) Atomics.add(cells, 0, 1);
  Atomics.store(cells, 1, 1);
  const woken = Atomics.notify(cells, 1);
  scope.postMessage({
    done: true,
    woken,
    crossOriginIsolated: globalThis.crossOriginIsolated ?? null,
    typeofSharedArrayBuffer: typeof SharedArrayBuffer,
  });
};
