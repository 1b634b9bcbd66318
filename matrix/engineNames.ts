// How the matrix names an engine: by family as the expectations key it (WebKitGTK apart from
// WebKit, whose versions follow Safari's), with the family's home page.
import type { EngineInfo } from '../runner/drivers/driver.ts';
import { engineKey, type EngineKey } from '../runner/expectations/engineKey.ts';

export const ENGINES: Record<EngineKey, { name: string; url: string }> = {
  chromium: { name: 'Chromium', url: 'https://www.chromium.org/' },
  firefox: { name: 'Firefox', url: 'https://www.mozilla.org/firefox/' },
  webkit: { name: 'WebKit', url: 'https://webkit.org/' },
  webkitgtk: { name: 'WebKitGTK', url: 'https://webkitgtk.org/' },
};

/** "Chromium 156.0.8078.108", "WebKitGTK 2.50.6". */
export function engineLabel(engine: Pick<EngineInfo, 'engine' | 'kind' | 'version'>): string {
  return `${ENGINES[engineKey(engine)].name} ${engine.version}`;
}

/** "Chromium", "WebKitGTK". */
export function engineName(engine: Pick<EngineInfo, 'engine' | 'kind'>): string {
  return ENGINES[engineKey(engine)].name;
}
