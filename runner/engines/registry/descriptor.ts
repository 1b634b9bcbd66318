// What the suite knows about an engine or a device, as data: one file per engine or device in this
// folder (runner/engines/registry.ts reads them all). Every list of engines derives from these: the
// projects, the matrix's names, features.json, wptreport, the bench reports, remote grids' browser
// names and who can throttle. An engine's expectations stay in runner/expectations/, keyed by family.
import type { ThrottleProfile } from '../../throttling/throttlingProfile.ts';
import type { EngineChoice } from '../engineChoice.ts';
import { firstExisting } from '../findBinary.ts';

/** Playwright's three browser types: which one drives an engine, where Playwright can. */
export type PlaywrightBrowser = 'chromium' | 'firefox' | 'webkit';

/** Builds of an engine whose versions follow one numbering (WebKitGTK's 2.x apart from Safari's). */
export interface EngineFamily {
  /** The key expectations are written under (runner/expectations/) and features.json groups by. */
  key: string;
  /** How reports name it: "Chromium", "WebKitGTK". */
  name: string;
  /** Its home page, linked from features.json. */
  url: string;
}

/**
 * One of an engine's WebAssembly compilers, pinned: a project of its own (`<engine>-<name>`,
 * opt-in: WASM_COMPAT_TIERS), launched with the pin, whose page must show the pin took effect.
 */
export interface CompilerTier {
  /** The project's suffix: `chromium-liftoff`. */
  name: string;
  role: 'baseline' | 'optimizing' | 'interpreter';
  /** The compiler in the engine's own words: "Liftoff only (V8's baseline compiler)". */
  what: string;
  /** How the engine is launched pinned: browser arguments (Chromium's --js-flags), preferences (Firefox's), or its environment (JavaScriptCore's JSC_ options). */
  pin: TierPin;
  /** What the page's environment.compilerTier probe must show for the pin to count (runner/expectations/tierProof.ts). */
  proof: TierProof;
  /** Where the pin and its proof are documented. */
  source: string;
}

export interface TierPin {
  args?: string[];
  /** Firefox preferences (Playwright's firefoxUserPrefs). */
  firefoxUserPrefs?: Record<string, boolean | number | string>;
  /** Added to the environment the browser (or WebKitWebDriver, which starts it) is started with. */
  env?: Record<string, string>;
}

/** A pin in words, as compat.json and a reproduction name it: each argument, `pref=value`, `NAME=value`. */
export function pinWords(pin: TierPin): string[] {
  return [
    ...(pin.args ?? []),
    ...Object.entries(pin.firefoxUserPrefs ?? {}).map(([k, v]) => `${k}=${String(v)}`),
    ...Object.entries(pin.env ?? {}).map(([k, v]) => `${k}=${v}`),
  ];
}

/**
 * What shows that a pin took:
 * - `v8-natives`: V8's own answer (%IsLiftoffFunction, %IsTurboFanFunction) on an exported function after its first call and after many;
 * - `timing`: where the engine tells a page nothing, the probe's loop and compile times against the same loop in JavaScript
 *   (runner/expectations/tierProof.ts has the thresholds and what was seen): `baseline-code-when-warm` (after many calls the loop
 *   still runs as a baseline compiler's code), `interpreted-when-warm` (as an interpreter's), `optimizing-compile-up-front` (the
 *   module is compiled by the optimizing compiler before its first call).
 */
export type TierProof =
  | { kind: 'v8-natives'; compiler: 'liftoff' | 'turbofan' }
  | { kind: 'timing'; shows: 'baseline-code-when-warm' | 'interpreted-when-warm' | 'optimizing-compile-up-front' };

export interface EngineDescriptor {
  kind: 'engine';
  /** A project's engine and compat.json's engine.engine. */
  name: string;
  /** The Playwright browser type that drives it (its own build, else a system binary); null where Playwright cannot. */
  playwright: PlaywrightBrowser | null;
  /**
   * Finds it on this machine when Playwright has no build of it: a system browser, or 'missing'
   * naming what was looked for. Runs at config load, so it only looks at files.
   */
  findOnSystem(env: NodeJS.ProcessEnv): EngineChoice;
  /** Its families, the first the default; `familyOf` picks another from how the engine was reached. */
  families: readonly [EngineFamily, ...EngineFamily[]];
  familyOf?: (reachedAs: string) => string;
  /** wptreport's run_info.product. */
  wptProduct: string;
  /** The browserName a WebDriver client expects of it (wasm-bindgen-test-runner picks its page style by it). */
  webdriverBrowserName: string;
  /** A remote grid's browserName capability that means this engine. */
  remoteBrowserName: RegExp;
  /** Whether a page can get a phone's CPU and network (CDP's emulation: Chromium only). */
  throttles: boolean;
  /** Its desktop project: the Playwright device descriptor, its colour in the bench charts, and its place among the projects. */
  desktop: { device: string; colour: string; order: number };
  /** The compilers it can be pinned to, each a project of its own when asked (WASM_COMPAT_TIERS); none: its default tiering only. */
  tiers?: readonly CompilerTier[];
}

export interface DeviceDescriptor {
  kind: 'device';
  /** The project's name. */
  name: string;
  /** Playwright's device descriptor (`devices[...]`), emulated on `engine`. */
  device: string;
  engine: string;
  /** A phone's CPU and network, where the engine can apply them (runner/throttling/); null runs at this machine's speed. */
  throttle: ThrottleProfile | null;
  colour: string;
  /** Its place among the projects: the run starts them in this order (a long project first keeps both workers busy). */
  order: number;
}

export type Descriptor = EngineDescriptor | DeviceDescriptor;

export const defineEngine = (engine: Omit<EngineDescriptor, 'kind'>): EngineDescriptor => ({ kind: 'engine', ...engine });
export const defineDevice = (device: Omit<DeviceDescriptor, 'kind'>): DeviceDescriptor => ({ kind: 'device', ...device });

/**
 * A browser installed on the system: the first of `candidates` that exists, as `found` launches it;
 * else 'missing', naming the Playwright build and every path looked for.
 */
export function systemBrowser(
  engine: string,
  label: string,
  candidates: ReadonlyArray<string | undefined>,
  found: (binary: string) => EngineChoice,
): EngineChoice {
  const binary = firstExisting(candidates);
  if (binary) return found(binary);
  return {
    engine,
    kind: 'missing',
    reason: `${label} not found: no Playwright build (npx playwright install ${engine}) and none of ${candidates.filter(Boolean).join(', ')}`,
  };
}
