// A fetch's Resource Timing entry, which engines queue a little after the body is read: awaited as
// it arrives (a PerformanceObserver), not polled. `before` is how many entries the URL had before
// the fetch, so a repeated URL yields the new entry, not an old one.

/** Far above what an idle engine needs (a few ms), so a busy machine still gets it. */
export const TIMING_WAIT_MS = 10_000;

export function resourceEntryAfter(url: string, before: number): Promise<PerformanceResourceTiming | null> {
  const found = () => {
    const entries = performance.getEntriesByName(url) as PerformanceResourceTiming[];
    return entries.length > before ? (entries.at(-1) ?? null) : null;
  };
  const now = found();
  if (now || typeof PerformanceObserver === 'undefined') return Promise.resolve(now);
  return new Promise((resolve) => {
    const observer = new PerformanceObserver(() => {
      const entry = found();
      if (entry) done(entry);
    });
    const timer = setTimeout(() => done(found()), TIMING_WAIT_MS);
    const done = (value: PerformanceResourceTiming | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    observer.observe({ type: 'resource' });
  });
}

/** How many entries a URL has now: pass it to resourceEntryAfter once the fetch is done. */
export function resourceEntryCount(url: string): number {
  return performance.getEntriesByName(url).length;
}
