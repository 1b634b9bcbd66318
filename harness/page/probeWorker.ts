// The probe worker: one module script that the page starts as a dedicated, a shared and a service
// worker (page/workerProbes.ts), and asks to run the probes that mean the same off the main thread
// (ProbeDefinition.inWorkers), as WPT runs an .any.js test in every global. Whatever kind of worker
// it is, a request arrives with a MessagePort, and the results go back on that port.
import { GENERIC_PROBES } from '../probes/genericProbes.ts';
import type { ProbeContext, ProbeResult, SubjectInfo } from '../probes/probe.ts';
import { describeError, runProbe } from '../probes/runProbe.ts';

/** What the page asks of a probe worker (page/workerProbes.ts sends it). */
export interface ProbeWorkerRequest {
  ids: string[];
  subject: SubjectInfo;
}

/** What a dedicated probe worker posts to its page once its script has run (a start-up that never got this far is told apart from a request that went unanswered). */
export interface ProbeWorkerReady {
  ready: true;
}

/** What a probe worker says on the request's port before its answer: the request arrived (null), then each probe as it starts. */
export interface ProbeWorkerProgress {
  running: string | null;
}

/** How often a worker running probes is woken while it waits (see answer()). */
const KEEP_AWAKE_EVERY_MS = 50;

/** What a probe worker answers on the request's port. */
export type ProbeWorkerAnswer = { results: ProbeResult[] } | { error: string };

async function answer(request: ProbeWorkerRequest, port: MessagePort | undefined): Promise<void> {
  if (!port) return;
  port.postMessage({ running: null } satisfies ProbeWorkerProgress);
  // WebKitGTK 2.50 sometimes leaves a worker's WebAssembly.instantiate unsettled until another event
  // wakes the worker (stress-tested here, 2026-12-07: about one page load in 20 had a probe that never
  // answered; with this timer, each such stall ended at its next tick). The probes judge the features,
  // not that wake-up (docs/harness.md, Probes in workers).
  const awake = setInterval(() => {}, KEEP_AWAKE_EVERY_MS);
  try {
    const unknown = request.ids.filter((id) => !GENERIC_PROBES.some((p) => p.id === id && p.inWorkers));
    if (unknown.length) throw new Error(`not probes this worker runs: ${unknown.join(', ')}`);
    // No glue here: a worker probe tests the engine, not the subject (inWorkers probes need no module).
    const context: ProbeContext = {
      subject: request.subject,
      wasmUrl: null,
      crate: null,
      crateError: 'not loaded in a worker',
      glueImports: null,
      rawExports: null,
    };
    const webAssembly = typeof WebAssembly === 'object' && WebAssembly !== null;
    const results: ProbeResult[] = [];
    for (const probe of GENERIC_PROBES.filter((p) => request.ids.includes(p.id))) {
      port.postMessage({ running: probe.id } satisfies ProbeWorkerProgress);
      results.push(await runProbe(probe, context, webAssembly));
    }
    port.postMessage({ results } satisfies ProbeWorkerAnswer);
  } catch (error) {
    port.postMessage({ error: describeError(error) } satisfies ProbeWorkerAnswer);
  } finally {
    clearInterval(awake);
  }
}

// The three globals deliver a request three ways; each hands over the port the answer goes to.
const scope = globalThis as unknown as EventTarget & { constructor: { name: string } };
if (scope.constructor.name === 'SharedWorkerGlobalScope') {
  scope.addEventListener('connect', (event) => {
    const port = (event as MessageEvent).ports[0]!;
    port.addEventListener('message', (m) => void answer(m.data as ProbeWorkerRequest, m.ports[0]));
    port.start();
  });
} else {
  // A service worker left by an earlier load of the page is replaced at once, not after its clients close.
  scope.addEventListener('install', () => void (scope as unknown as { skipWaiting?(): Promise<void> }).skipWaiting?.());
  scope.addEventListener('message', (event) => {
    const m = event as MessageEvent;
    const done = answer(m.data as ProbeWorkerRequest, m.ports[0]);
    // A service worker may be stopped while idle: its event stays open until the answer is sent.
    if ('waitUntil' in m) (m as unknown as { waitUntil(p: Promise<unknown>): void }).waitUntil(done);
  });
}
if (scope.constructor.name === 'DedicatedWorkerGlobalScope') (scope as unknown as { postMessage(m: ProbeWorkerReady): void }).postMessage({ ready: true });
