// The browser projects: one per engine on its desktop device, and one per emulated device, from the
// engine registry (runner/engines/registry/). playwright.config.ts, the browser benchmarks and the
// bench reports all build from this list.
import { type BrowserContextOptions, devices } from '@playwright/test';
import type { ThrottleProfile } from '../throttling/throttlingProfile.ts';
import type { EngineName } from './engineChoice.ts';
import type { CompilerTier } from './registry/descriptor.ts';
import { deviceDescriptors, engineDescriptors, engineNames } from './registry.ts';

export interface BrowserProject {
  name: string;
  device: string;
  engine: EngineName;
  emulated: boolean;
  /** A phone's CPU and network, where the engine can apply them (runner/throttling/); null runs at this machine's speed. */
  throttle: ThrottleProfile | null;
  /** Its colour in the bench charts. */
  colour: string;
  /** The compiler its engine is pinned to (a tier project, opt-in), or null: the engine's default tiering. */
  tier: CompilerTier | null;
}

/** The browser projects in their order: each engine's desktop project and each device of the registry. */
export function browserProjectList(): BrowserProject[] {
  const engines = engineDescriptors();
  const desktops = engines.map((e) => ({
    name: e.name,
    device: e.desktop.device,
    engine: e.name,
    emulated: false,
    throttle: null,
    colour: e.desktop.colour,
    order: e.desktop.order,
    tier: null,
  }));
  const phones = deviceDescriptors().map((d) => {
    if (!engines.some((e) => e.name === d.engine))
      throw new Error(`device ${d.name}: no engine named ${JSON.stringify(d.engine)} in runner/engines/registry/ (known: ${engineNames().join(', ')})`);
    return { name: d.name, device: d.device, engine: d.engine, emulated: true, throttle: d.throttle, colour: d.colour, order: d.order, tier: null };
  });
  return [...desktops, ...phones].sort((a, b) => a.order - b.order).map(({ order: _order, ...project }) => project);
}

/** The projects pinned to a compiler tier: `<engine>-<tier>` on the engine's desktop device, for each tier its descriptor lists. */
export function tierProjectList(): BrowserProject[] {
  return engineDescriptors().flatMap((e) =>
    (e.tiers ?? []).map((tier) => ({
      name: `${e.name}-${tier.name}`,
      device: e.desktop.device,
      engine: e.name,
      emulated: false,
      throttle: null,
      colour: e.desktop.colour,
      tier,
    })),
  );
}

/** The browser context a project applies: its descriptor, where desktop projects keep the
 * browser's own user agent (a descriptor's UA would misreport the real version). */
export function projectContext({ device, emulated }: BrowserProject): BrowserContextOptions {
  const found = devices[device];
  if (!found) throw new Error(`Playwright has no device descriptor named ${device}`);
  const { userAgent, defaultBrowserType: _default, ...descriptor } = found;
  return { ...descriptor, ...(emulated ? { userAgent } : {}) };
}
