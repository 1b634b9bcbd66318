// The Playwright projects, for both configs. playwright.config.ts: the five browser projects
// (chromium, firefox, webkit, pixel5, iphone12) against the primary target, and the serving
// matrix <project>@<target> restricted to the specs a server can change. playwright.appium.config.ts:
// one project per Appium or remote engine, against the primary target.
import { APPIUM_ENGINES } from './engines/appium/index.ts';
import { remoteEngines } from './engines/remote.ts';
import { type BrowserProject, browserProjectList, projectContext, tierProjectList } from './engines/browserProjects.ts';
import { resolveEngine } from './engines/engineResolution.ts';
import { projectWithBothWorkers } from './bothWorkers.ts';
import type { WorkerOptions } from './fixtures.ts';
import type { TargetPlan } from '../serving/targets/plan.ts';
import { ISOLATION_BLIND_PROBES, SERVING_CATEGORIES, SERVING_SPECS, type Target, targetRecord } from '../serving/targets/target.ts';
import { EVERY_PROBE, narrowSelection, parseCategories, type ProbeSelection } from '../harness/probes/probeSelection.ts';
import { probeFiles } from '../harness/probes/catalog.ts';
import { engineThrottles } from './throttling/applyThrottling.ts';
import { readSetting, SETTINGS, SettingError } from '../settings/settings.ts';
import { type Environment, environment } from '../settings/environment.ts';

export interface SuiteProject {
  name: string;
  testMatch?: string[];
  workers?: number;
  use: Partial<WorkerOptions> & Record<string, unknown>;
}

/**
 * What every project's page runs: WASM_COMPAT_PROBES=serving,loading names the categories (default:
 * all), WASM_COMPAT_SKIP_PROBES=loading.compileDuringDownload leaves probes out by id (a meta-test
 * that judges other probes spares the streaming pairs' seconds). An id that names no probe is an error.
 */
export function runProbeSelection(env: Environment = environment()): ProbeSelection {
  const list = readSetting('probes', env);
  const categories = list === undefined ? EVERY_PROBE.categories : parseCategories(list, SETTINGS.probes.env);
  const skip = readSetting('skipProbes', env) ?? [];
  // The probe folders are read only when a skip is asked: this runs as the config loads, in every worker.
  const ids = skip.length ? probeFiles().map((p) => p.id) : [];
  const unknown = skip.filter((id) => !ids.includes(id));
  if (unknown.length)
    throw new Error(
      `${SETTINGS.skipProbes.env}=${JSON.stringify(skip.join(','))}: no probe named ${unknown.join(', ')} (a probe id is <category>.<name>, e.g. loading.compileDuringDownload)`,
    );
  return { categories, skip };
}

/**
 * A serving matrix project's page runs only what its specs judge. How the module's bytes arrive and
 * compile (ISOLATION_BLIND_PROBES) is measured once per server and engine: not again by an
 * isolation variant, whose server sends the same bytes the same way, nor by an emulated device,
 * whose desktop engine measures them on the same target (the device's own CPU runs them on the
 * primary target).
 */
function servingSelection(target: Target, entry: BrowserProject): ProbeSelection {
  return { categories: SERVING_CATEGORIES, skip: target.isolationVariantOf || entry.emulated ? ISOLATION_BLIND_PROBES : [] };
}

/**
 * On the primary target, an emulated device whose engine applies none of the phone (no CPU slowdown,
 * no network: WebKit's iPhone 12 here) downloads and compiles the module exactly as its desktop
 * project does, the same binary at this machine's speed: those probes (ISOLATION_BLIND_PROBES, the
 * streaming pairs among them, 5 s alone on the machine) are measured once, by the desktop project.
 */
function primarySelection(entry: BrowserProject, run: ProbeSelection): ProbeSelection {
  const measuresAsDesktop = entry.emulated && !engineThrottles(entry.engine);
  return measuresAsDesktop ? narrowSelection({ categories: null, skip: ISOLATION_BLIND_PROBES }, run) : run;
}

function browserProject(entry: BrowserProject, target: Target, primary: boolean, run: ProbeSelection): SuiteProject {
  const { name, device, engine, emulated, throttle } = entry;
  return {
    name: primary ? name : `${name}@${target.name}`,
    ...(primary ? {} : { testMatch: SERVING_SPECS }),
    // One worker per project: its page is loaded once, and projects run side by side instead (a run of
    // one project gives it both: browserProjects).
    workers: 1,
    use: {
      ...projectContext(entry),
      engineChoice: resolveEngine(engine),
      deviceName: emulated ? device : null,
      throttle,
      target: targetRecord(target),
      probes: primary ? primarySelection(entry, run) : narrowSelection(servingSelection(target, entry), run),
    },
  };
}

/** The registry's projects, or those WASM_COMPAT_PROJECTS (or wasm-compat.config.ts's projects) names; a name it does not know is an error naming the known ones. */
export function chosenProjects(env: Environment = environment()): BrowserProject[] {
  const all = browserProjectList();
  const asked = readSetting('projects', env);
  if (!asked) return all;
  const unknown = asked.filter((name) => !all.some((p) => p.name === name));
  if (unknown.length)
    throw new SettingError(
      `projects ${unknown.join(', ')} (WASM_COMPAT_PROJECTS or wasm-compat.config.ts): no such project; the projects: ${all.map((p) => p.name).join(', ')}`,
    );
  return all.filter((p) => asked.includes(p.name));
}

/**
 * The order Playwright starts projects in, which is not the reports' (reportRank): a throttled
 * phone's first. Its page is the run's longest (its CPU and network slowed, 15 s here against 7 s),
 * and two workers finish together only when the longest job starts first; the CPU it leaves idle
 * while throttled is the other worker's.
 */
function runOrder(projects: BrowserProject[]): BrowserProject[] {
  const throttled = (p: BrowserProject) => p.throttle !== null && engineThrottles(p.engine);
  return [...projects.filter(throttled), ...projects.filter((p) => !throttled(p))];
}

/** Where a project goes in the reports (compat.json, the matrix's columns): the registry's order, each engine's serving variants after it; others (Appium's) last, in `configured`'s order. */
export function reportRank(configured: readonly string[]): (name: string) => number {
  const registry = browserProjectList().map((p) => p.name);
  return (name) => {
    const base = registry.indexOf(name.split('@')[0]!);
    const own = configured.indexOf(name);
    return (base < 0 ? registry.length : base) * 10_000 + (own < 0 ? 9_999 : own);
  };
}

/**
 * What a project pinned to a compiler tier runs: the code a compiler compiles (the subject's Rust
 * tests, the execution and errors probes) and the environment probes, whose compilerTier proves the
 * pin; not the serving matrix, which no compiler changes.
 */
export const TIER_SPECS = ['environment.spec.ts', 'probes.spec.ts', 'rustTests.spec.ts'];
const TIER_CATEGORIES: ProbeSelection = { categories: ['environment', 'execution', 'errors'], skip: [] };

/** The tier projects WASM_COMPAT_TIERS (or the config's tiers) asks for: `all`, or names; an unknown name is an error naming the known ones. */
export function chosenTierProjects(env: Environment = environment()): BrowserProject[] {
  const all = tierProjectList();
  const asked = readSetting('tiers', env);
  if (!asked) return [];
  if (asked.length === 1 && asked[0] === 'all') return all;
  const unknown = asked.filter((name) => !all.some((p) => p.name === name));
  if (unknown.length)
    throw new SettingError(
      `${SETTINGS.tiers.env} (or tiers): no tier project ${unknown.join(', ')}; the tier projects: ${all.map((p) => p.name).join(', ') || 'none (no engine descriptor lists tiers)'}, or all`,
    );
  return all.filter((p) => asked.includes(p.name));
}

function tierProject(entry: BrowserProject, target: Target, run: ProbeSelection): SuiteProject {
  const project = browserProject(entry, target, true, run);
  return { ...project, testMatch: TIER_SPECS, use: { ...project.use, tier: entry.tier, probes: narrowSelection(TIER_CATEGORIES, run) } };
}

/** The production setup runs on every device; its variants on the desktop engines keep the run short. A run of one project gives it both workers (runner/bothWorkers.ts). */
export function browserProjects(
  { primary, matrix }: TargetPlan,
  run: ProbeSelection = runProbeSelection(),
  env: Environment = environment(),
  argv: readonly string[] = process.argv,
): SuiteProject[] {
  const projects = chosenProjects(env);
  const all = [
    ...runOrder(projects).map((d) => browserProject(d, primary, true, run)),
    ...matrix.flatMap((t) => projects.filter((d) => t.isolation === 'require-corp' || !d.emulated).map((d) => browserProject(d, t, false, run))),
    ...chosenTierProjects(env).map((d) => tierProject(d, primary, run)),
  ];
  const both = projectWithBothWorkers(all, argv, env);
  return all.map((p) => (p.name === both ? { ...p, workers: 2 } : p));
}

export function appiumProjects(target: Target): SuiteProject[] {
  const engines = [...Object.entries(APPIUM_ENGINES).map(([name, detect]) => [name, detect()] as const), ...Object.entries(remoteEngines())];
  return engines.map(([name, engineChoice]) => {
    return {
      name,
      use: { engineChoice, deviceName: 'device' in engineChoice ? engineChoice.device : null, target: targetRecord(target), probes: runProbeSelection() },
    };
  });
}
