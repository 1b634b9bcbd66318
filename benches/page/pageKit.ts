// What the bench page and the A/B page share: their elements and progress log, the page-error
// recorder's list (harness/page/pageStart.ts), the nonced-.wasm route check and the environment.
import type { BenchEnvironment } from '../report/schema.ts';
import { timestampProviderName } from '../run/environment.ts';

/** Browser clocks are coarser than Node's: batches of at least 1 ms (and 100 clock steps). */
export const BROWSER_BATCH_FLOOR_MS = 1;

/** What harness/page/pageStart.ts has recorded so far (and goes on recording). */
export function recordedPageErrors(): string[] {
  return (window as { __wasmCompatPageErrors?: string[] }).__wasmCompatPageErrors ?? [];
}

export interface PageParts {
  summary: HTMLElement;
  logBox: HTMLElement;
  /** Appends a line to `progress` (read by the drivers) and to the page's log. */
  log(line: string): void;
}

export function pageParts(progress: string[]): PageParts {
  const summary = document.querySelector<HTMLElement>('#summary')!;
  const logBox = document.querySelector<HTMLElement>('#log')!;
  document.querySelector('#engine')!.textContent = navigator.userAgent;
  return {
    summary,
    logBox,
    log: (line) => {
      progress.push(line);
      logBox.textContent += `${line}\n`;
    },
  };
}

/** Whether the server answers `path?nonce=N` with new .wasm bytes (the dev and preview servers do). */
export async function nonceRouteWorks(path: string): Promise<boolean> {
  try {
    const res = await fetch(new URL(`./${path}?nonce=1`, location.href), { cache: 'no-store' });
    return res.ok && res.headers.get('Content-Type') === 'application/wasm';
  } catch {
    return false;
  }
}

export function browserEnvironment(timerResolutionUs: number | null): BenchEnvironment {
  return {
    kind: 'browser',
    runtime: navigator.userAgent,
    userAgent: navigator.userAgent,
    platform: navigator.platform,
    cpus: navigator.hardwareConcurrency ?? null,
    cpuModel: null,
    loadAverage: null,
    crossOriginIsolated: globalThis.crossOriginIsolated ?? false,
    timerResolutionUs,
    timestampProvider: timestampProviderName(),
  };
}
