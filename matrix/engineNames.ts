// How the matrix names an engine: by family as the expectations key it (WebKitGTK apart from
// WebKit, whose versions follow Safari's), as the engine's descriptor names it (runner/engines/registry/).
import type { EngineInfo } from '../runner/drivers/driver.ts';
import { engineFamily } from '../runner/engines/registry.ts';
import { engineKey } from '../runner/expectations/engineKey.ts';

/** "Chromium 156.0.8078.108", "WebKitGTK 2.50.6". */
export function engineLabel(engine: Pick<EngineInfo, 'engine' | 'kind' | 'version'>): string {
  return `${engineFamily(engineKey(engine)).name} ${engine.version}`;
}

/** "Chromium", "WebKitGTK". */
export function engineName(engine: Pick<EngineInfo, 'engine' | 'kind'>): string {
  return engineFamily(engineKey(engine)).name;
}
