// The browser projects of playwright.config.ts (runner/engines/browserProjects.ts), with the
// engine resolved by runner/engines/engineResolution.ts. The serving-matrix projects
// (<project>@<target>) are left out: a server cannot change how fast an engine runs a kernel.
import type { BrowserContextOptions } from '@playwright/test';
import { browserProjectList, projectContext } from '../../runner/engines/browserProjects.ts';
import type { EngineChoice } from '../../runner/engines/engineChoice.ts';
import { resolveEngine } from '../../runner/engines/engineResolution.ts';
import type { ThrottleProfile } from '../../runner/throttling/throttlingProfile.ts';

export interface BenchProject {
  name: string;
  engineChoice: EngineChoice;
  /** The device descriptor applied (emulated projects), or null. */
  deviceName: string | null;
  context: BrowserContextOptions;
  /** A phone's CPU and network (runner/throttling/); its numbers are reported apart. */
  throttle: ThrottleProfile | null;
}

export function benchProjects(): BenchProject[] {
  return browserProjectList().map((p) => ({
    name: p.name,
    engineChoice: resolveEngine(p.engine),
    deviceName: p.emulated ? p.device : null,
    context: projectContext(p),
    throttle: p.throttle,
  }));
}
