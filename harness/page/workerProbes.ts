// The page's side of the probe worker (page/probeWorker.ts): the same module script started as a
// dedicated worker, a shared worker and a service worker, each asked to run the selected inWorkers
// probes and to answer on a MessagePort. A context this browser does not offer, a worker that fails
// to start and one that does not answer in time each give a WorkerRun with its error, not results.
import probeWorkerUrl from './probeWorker.ts?worker&url';
import type { ProbeWorkerAnswer, ProbeWorkerProgress, ProbeWorkerReady, ProbeWorkerRequest } from './probeWorker.ts';
import { type SubjectInfo, WORKER_CONTEXTS, type WorkerContext, type WorkerRun } from '../probes/probe.ts';
import { describeError, PROBE_TIMEOUT_MS } from '../probes/runProbe.ts';

/** How long a service worker's first request may go unanswered before it is sent again. */
const RESEND_AFTER_MS = 10_000;

/** A started worker: where a request goes, and how it is stopped. */
interface StartedWorker {
  /** Where it is (for a worker that does not answer: how far it got). */
  state(): string;
  send(request: ProbeWorkerRequest, port: MessagePort): void;
  /** Rejects when the worker reports an error of its own (a script that did not load or threw). */
  failed: Promise<never>;
  stop(): Promise<void>;
}

function errorOf(event: Event): Error {
  const e = event as ErrorEvent;
  return new Error(e.message || (e.error instanceof Error ? describeError(e.error) : 'the worker script did not load or threw'));
}

async function startWorker(context: WorkerContext, progress: (stage: string) => void): Promise<StartedWorker> {
  if (context === 'dedicated worker') {
    if (typeof Worker === 'undefined') throw new Error('Worker is not offered here');
    const worker = new Worker(probeWorkerUrl, { type: 'module', name: 'wasm-compat probes' });
    let scriptRan = false;
    worker.addEventListener('message', (m) => {
      if ((m.data as ProbeWorkerReady | null)?.ready) scriptRan = true;
    });
    return {
      state: () => (scriptRan ? 'started, its script ran' : 'started, its script has not run'),
      send: (request, port) => worker.postMessage(request, [port]),
      failed: new Promise((_, reject) => worker.addEventListener('error', (e) => reject(errorOf(e)))),
      stop: async () => worker.terminate(),
    };
  }
  if (context === 'shared worker') {
    if (typeof SharedWorker === 'undefined') throw new Error('SharedWorker is not offered here');
    const worker = new SharedWorker(probeWorkerUrl, { type: 'module', name: 'wasm-compat probes' });
    worker.port.start();
    return {
      state: () => 'started',
      send: (request, port) => worker.port.postMessage(request, [port]),
      failed: new Promise((_, reject) => worker.addEventListener('error', (e) => reject(errorOf(e)))),
      stop: async () => worker.port.close(),
    };
  }
  if (!('serviceWorker' in navigator)) throw new Error('navigator.serviceWorker is not offered here (it needs a secure context)');
  // Its scope is the script's folder: it controls no page, it only answers this one.
  progress('registering the service worker');
  const registration = await navigator.serviceWorker.register(probeWorkerUrl, { type: 'module' });
  const installing = registration.installing ?? registration.waiting ?? registration.active;
  if (!installing) throw new Error('the service worker registered, but no worker came of it');
  progress(`registered; the worker is ${installing.state}`);
  if (installing.state !== 'activated') {
    await new Promise<void>((activated, reject) => {
      installing.addEventListener('statechange', () => {
        if (installing.state === 'activated') activated();
        if (installing.state === 'redundant') reject(new Error('the service worker became redundant before it activated (its script threw?)'));
      });
    });
  }
  return {
    state: () => `${installing.state}${registration.active === installing ? ', active' : ''}`,
    send: (request, port) => installing.postMessage(request, [port]),
    failed: new Promise(() => {}),
    stop: async () => void (await registration.unregister()),
  };
}

async function runIn(context: WorkerContext, request: ProbeWorkerRequest): Promise<WorkerRun> {
  const run: WorkerRun = { context, asked: request.ids, results: [], error: null };
  let worker: StartedWorker | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let resendTimer: ReturnType<typeof setTimeout> | undefined;
  let stage = 'starting';
  let reached = 'it said nothing back';
  const timeout = new Promise<never>((_, reject) => {
    // Every probe has its own limit; the worker as a whole, start-up included, gets one more than them all.
    timer = setTimeout(
      () =>
        reject(
          new Error(`no answer within ${PROBE_TIMEOUT_MS / 1000} s (${worker ? `sent the request; the worker is ${worker.state()}; ${reached}` : stage})`),
        ),
      PROBE_TIMEOUT_MS,
    );
  });
  try {
    worker = await Promise.race([startWorker(context, (s) => (stage = s)), timeout]);
    const started = worker;
    const ask = () => {
      const channel = new MessageChannel();
      const answered = new Promise<ProbeWorkerAnswer>((resolve) => {
        channel.port1.onmessage = (m) => {
          const message = m.data as ProbeWorkerAnswer | ProbeWorkerProgress;
          if ('running' in message) reached = message.running ? `running ${message.running}` : 'received the request';
          else resolve(message);
        };
      });
      started.send(request, channel.port2);
      return answered;
    };
    // A service worker that controls no page may be stopped between its activation and the request
    // (WebKitGTK 2.50 left one request unanswered once in a dozen runs here): asked again once, and said so.
    const again =
      context === 'service worker'
        ? new Promise<ProbeWorkerAnswer>((resolve) => {
            resendTimer = setTimeout(() => {
              run.resentAfterMs = RESEND_AFTER_MS;
              void ask().then(resolve);
            }, RESEND_AFTER_MS);
          })
        : new Promise<never>(() => {});
    const answer = await Promise.race([ask(), again, worker.failed, timeout]);
    if ('error' in answer) run.error = answer.error;
    else run.results = answer.results;
  } catch (error) {
    run.error = describeError(error);
  } finally {
    clearTimeout(timer);
    clearTimeout(resendTimer);
    await worker?.stop().catch(() => {});
  }
  return run;
}

/** The probes `ids` run in each worker context, one context after the other. */
export async function runProbesInWorkers(ids: string[], subject: SubjectInfo): Promise<WorkerRun[]> {
  const runs: WorkerRun[] = [];
  for (const context of WORKER_CONTEXTS) runs.push(await runIn(context, { ids, subject }));
  return runs;
}
