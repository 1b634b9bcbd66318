// Expectations are keyed by engine family (runner/engines/registry/): Playwright's WebKit build
// follows Safari's version numbers, WebKitGTK its own (2.x), so they are two keys.
import type { EngineInfo } from '../drivers/driver.ts';
import { familyKey } from '../engines/registry.ts';

/** An engine family's key: chromium, firefox, webkit, webkitgtk, or a family a new descriptor adds. */
export type EngineKey = string;

export function engineKey(engine: Pick<EngineInfo, 'engine' | 'kind'>): EngineKey {
  return familyKey(engine);
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
