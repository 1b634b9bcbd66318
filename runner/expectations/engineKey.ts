// Expectations are keyed by engine family: Playwright's WebKit build follows Safari's version
// numbers, WebKitGTK its own (2.x), so they are two keys.
import type { EngineInfo } from '../drivers/driver.ts';

export type EngineKey = 'chromium' | 'firefox' | 'webkit' | 'webkitgtk';

const FAMILIES: readonly string[] = ['chromium', 'firefox', 'webkit'] satisfies Array<Exclude<EngineKey, 'webkitgtk'>>;

/** compat.json names engines as open strings: one this code has no expectations for is refused by name, not misread. */
export function engineKey(engine: Pick<EngineInfo, 'engine' | 'kind'>): EngineKey {
  if (engine.engine === 'webkit' && engine.kind === 'webkitgtk') return 'webkitgtk';
  if (FAMILIES.includes(engine.engine)) return engine.engine as EngineKey;
  throw new Error(`engine "${engine.engine}" (${engine.kind}) is none this wasm-compat keys expectations by (${FAMILIES.join(', ')}, webkitgtk)`);
}

/** -1, 0 or 1, comparing dotted versions numerically part by part ("2.50.6" > "2.46"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
