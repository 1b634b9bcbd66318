// The browser projects of playwright.config.ts (runner/engines/browserProjects.ts), with the
// engine resolved by runner/engines/engineResolution.ts, and the projects pinned to a compiler tier
// (chromium-liftoff, …: docs/tiers.md), run only when named. The serving-matrix projects
// (<project>@<target>) are left out: a server cannot change how fast an engine runs a kernel.
import { type BrowserContextOptions, chromium, firefox, webkit } from '@playwright/test';
import type { Driver } from '../../runner/drivers/driver.ts';
import { type BrowserProject, browserProjectList, projectContext, tierProjectList } from '../../runner/engines/browserProjects.ts';
import type { EngineChoice } from '../../runner/engines/engineChoice.ts';
import { describeChoice, resolveEngine } from '../../runner/engines/engineResolution.ts';
import { launchDriver } from '../../runner/engines/launchDriver.ts';
import type { CompilerTier } from '../../runner/engines/registry/descriptor.ts';
import type { ThrottleProfile } from '../../runner/throttling/throttlingProfile.ts';

export interface BenchProject {
  name: string;
  engineChoice: EngineChoice;
  /** The device descriptor applied (emulated projects), or null. */
  deviceName: string | null;
  context: BrowserContextOptions;
  /** A phone's CPU and network (runner/throttling/); its numbers are reported apart. */
  throttle: ThrottleProfile | null;
  /** The compiler the engine is pinned to, or null: its default tiering. */
  tier: CompilerTier | null;
}

const benchProject = (p: BrowserProject): BenchProject => ({
  name: p.name,
  engineChoice: resolveEngine(p.engine),
  deviceName: p.emulated ? p.device : null,
  context: projectContext(p),
  throttle: p.throttle,
  tier: p.tier,
});

/** Every project a benchmark can run in: the browser projects, then the tier projects. */
export function benchProjects(): BenchProject[] {
  return [...browserProjectList(), ...tierProjectList()].map(benchProject);
}

/**
 * The projects `--project` names (comma-separated), or, when it names none, every browser project
 * at its engine's default tiering; a name that is no project is an error naming the projects.
 */
export function chooseBenchProjects(wanted: string): BenchProject[] {
  const all = benchProjects();
  const names = wanted
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !all.some((p) => p.name === n));
  if (unknown.length) throw new Error(`no project named ${unknown.join(', ')}; projects are ${all.map((p) => p.name).join(', ')}`);
  return names.length ? all.filter((p) => names.includes(p.name)) : all.filter((p) => p.tier === null);
}

/**
 * A project's engine, launched as the project is (its device, throttle and compiler pin), for `use`;
 * closed after, whatever happens. `harnessUrl`: what a remote grid's session is told to expect.
 */
export async function withProjectDriver<T>(project: BenchProject, harnessUrl: string, use: (driver: Driver) => Promise<T>): Promise<T> {
  const { name, engineChoice: choice, deviceName, context, throttle, tier } = project;
  if (choice.kind === 'missing') throw new Error(`${name}: ${describeChoice(choice)}`);
  const { driver, shutdown } = await launchDriver(name, choice, { name: deviceName, context, throttle, tier }, { chromium, firefox, webkit }, harnessUrl);
  try {
    return await use(driver);
  } finally {
    await driver.close().catch(() => undefined);
    await shutdown();
  }
}
