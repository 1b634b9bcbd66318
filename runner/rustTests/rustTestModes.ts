// Where the subject's #[wasm_bindgen_test] tests run: one descriptor per mode (a context that
// wasm-bindgen-test-runner offers, with or without cross-origin isolation: the variables that choose
// it), and what an engine must offer for it. A mode is a row here; the spec, the settings and the
// docs read this list. A test binary the crate pinned to a context (wasm_bindgen_test_configure!)
// ignores the variables: it runs only in the modes of its context (contextModes).
import type { WorkerContext } from '../../harness/probes/probe.ts';
import type { Driver } from '../drivers/driver.ts';
import { readSetting, SETTINGS, SettingError } from '../../settings/settings.ts';
import { type Environment, environment } from '../../settings/environment.ts';

/** Where a test runs: the runner page's main thread or one of its workers (the same workers the probes run in). */
export type RustTestContext = 'main thread' | WorkerContext;

export interface RustTestModeDescriptor {
  context: RustTestContext;
  /** The runner's variables that choose the context (for a binary the crate did not pin) and the isolation. */
  env: Record<string, string>;
  what: string;
  /** The global the context needs in the engine: where it is missing the mode is unsupported, not failed. */
  needs?: { global: string; source: string };
}

const mode = (d: RustTestModeDescriptor) => d;

/** Without COOP/COEP (WASM_BINDGEN_TEST_NO_ORIGIN_ISOLATION): no SharedArrayBuffer, no shared memory in that context. */
const NOT_ISOLATED = { WASM_BINDGEN_TEST_NO_ORIGIN_ISOLATION: '1' };

const DEDICATED_WORKER = mode({
  context: 'dedicated worker',
  env: { WASM_BINDGEN_USE_DEDICATED_WORKER: '1' },
  what: 'a dedicated worker of that page',
  needs: { global: 'Worker', source: 'https://developer.mozilla.org/en-US/docs/Web/API/Worker#browser_compatibility' },
});
const SHARED_WORKER = mode({
  context: 'shared worker',
  env: { WASM_BINDGEN_USE_SHARED_WORKER: '1' },
  what: 'a shared worker (one instance for every tab of the origin)',
  needs: { global: 'SharedWorker', source: 'https://developer.mozilla.org/en-US/docs/Web/API/SharedWorker#browser_compatibility' },
});
const SERVICE_WORKER = mode({
  context: 'service worker',
  env: { WASM_BINDGEN_USE_SERVICE_WORKER: '1' },
  what: "a service worker registered by the runner's page",
  needs: { global: 'ServiceWorkerContainer', source: 'https://developer.mozilla.org/en-US/docs/Web/API/ServiceWorker#browser_compatibility' },
});

/** A worker's mode without isolation: what a crate that spawns threads (needs SharedArrayBuffer) meets on a site without COOP/COEP. */
const withoutIsolation = (d: RustTestModeDescriptor) => mode({ ...d, env: { ...d.env, ...NOT_ISOLATED }, what: `${d.what}, served without COOP/COEP` });

export const RUST_TEST_MODES = {
  // WASM_BINDGEN_USE_BROWSER: without a variable or a configure! the runner runs a binary in Node.js.
  'main thread': mode({
    context: 'main thread',
    env: { WASM_BINDGEN_USE_BROWSER: '1' },
    what: "the runner page's main thread, cross-origin isolated (the runner's default)",
  }),
  'dedicated worker': DEDICATED_WORKER,
  'not isolated': mode({
    context: 'main thread',
    env: { WASM_BINDGEN_USE_BROWSER: '1', ...NOT_ISOLATED },
    what: 'the main thread of a page without COOP/COEP, as the serving matrix loads the probes',
  }),
  'shared worker': SHARED_WORKER,
  'service worker': SERVICE_WORKER,
  'dedicated worker not isolated': withoutIsolation(DEDICATED_WORKER),
  'shared worker not isolated': withoutIsolation(SHARED_WORKER),
  'service worker not isolated': withoutIsolation(SERVICE_WORKER),
} as const satisfies Record<string, RustTestModeDescriptor>;

export type RustTestMode = keyof typeof RUST_TEST_MODES;

export const ALL_RUST_TEST_MODES = Object.keys(RUST_TEST_MODES) as RustTestMode[];

/**
 * The modes a run uses unless asked: every context, isolated, and the main thread without isolation
 * (what most sites serve). The workers without isolation are opt-in: a crate that needs a worker
 * without isolation to differ from one with it spawns threads, and names them.
 */
export const DEFAULT_RUST_TEST_MODES: readonly RustTestMode[] = ['main thread', 'dedicated worker', 'not isolated', 'shared worker', 'service worker'];

/** The modes this run uses: the default five, unless WASM_COMPAT_RUST_MODES (or the config's rustModes) names some (`all`: every mode). */
export function rustTestModes(env: Environment = environment()): RustTestMode[] {
  const asked = readSetting('rustModes', env);
  if (!asked) return [...DEFAULT_RUST_TEST_MODES];
  if (asked.length === 1 && asked[0] === 'all') return ALL_RUST_TEST_MODES;
  const unknown = asked.filter((m) => !ALL_RUST_TEST_MODES.includes(m as RustTestMode));
  if (unknown.length)
    throw new SettingError(`${SETTINGS.rustModes.env} (or rustModes): unknown mode ${unknown.join(', ')} (the modes: ${ALL_RUST_TEST_MODES.join(', ')})`);
  return asked as RustTestMode[];
}

/**
 * wasm_bindgen_test_configure!'s choices, as the byte it leaves in a test binary's
 * `__wasm_bindgen_test_unstable` section (wasm-bindgen-test 0.3.80), in the order
 * wasm-bindgen-test-runner 0.2.130 looks for them. `context: null`: not a browser's.
 */
export const CONFIGURED_CONTEXTS = [
  { byte: 0x01, configure: 'run_in_browser', context: 'main thread' },
  { byte: 0x02, configure: 'run_in_dedicated_worker', context: 'dedicated worker' },
  { byte: 0x03, configure: 'run_in_shared_worker', context: 'shared worker' },
  { byte: 0x04, configure: 'run_in_service_worker', context: 'service worker' },
  { byte: 0x05, configure: 'run_in_node_experimental', context: null },
  { byte: 0x06, configure: 'run_in_emscripten', context: null },
] as const satisfies ReadonlyArray<{ byte: number; configure: string; context: RustTestContext | null }>;

export type ConfiguredContext = (typeof CONFIGURED_CONTEXTS)[number];

/** The context a test binary's crate pinned it to, as the runner reads it, or null when it pinned none. */
export function configuredContext(module: WebAssembly.Module): ConfiguredContext | null {
  const bytes = WebAssembly.Module.customSections(module, '__wasm_bindgen_test_unstable').flatMap((s) => [...new Uint8Array(s)]);
  if (bytes.length === 0) return null;
  const found = CONFIGURED_CONTEXTS.find((c) => bytes.includes(c.byte));
  if (!found)
    throw new Error(`__wasm_bindgen_test_unstable holds ${bytes.join(', ')}: no wasm_bindgen_test_configure! this suite knows (wasm-bindgen-test 0.3.80)`);
  return found;
}

/**
 * The modes a test binary runs in, of those asked: all of them when its crate pinned no context;
 * else only the asked modes of that context (the runner ignores the others' variables, so they
 * would run it where it is pinned under another mode's name). `none`: why it runs in none.
 */
export function contextModes(configure: string | null, asked: readonly RustTestMode[]): { modes: RustTestMode[]; none: string | null } {
  if (configure === null) return { modes: [...asked], none: null };
  const pinned = CONFIGURED_CONTEXTS.find((c) => c.configure === configure);
  if (!pinned) throw new Error(`unknown wasm_bindgen_test_configure!(${configure})`);
  const pin = `the crate pins these tests with wasm_bindgen_test_configure!(${configure})`;
  if (pinned.context === null) return { modes: [], none: `${pin}: not a browser's context (cargo test runs them)` };
  const modes = asked.filter((m) => RUST_TEST_MODES[m].context === pinned.context);
  const own = ALL_RUST_TEST_MODES.filter((m) => RUST_TEST_MODES[m].context === pinned.context);
  return {
    modes,
    none: modes.length ? null : `${pin} to the ${pinned.context} (mode ${own.join(' or ')}), which ${SETTINGS.rustModes.env} (${asked.join(', ')}) leaves out`,
  };
}

/**
 * The modes that run what the peer runs (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test`, one
 * invocation): a binary the crate did not pin on the page's main thread, a pinned one in its own
 * context, each once (its context's first mode). For timing the suite beside the peer on the same work.
 */
export function peerModes(configures: ReadonlyArray<string | null>): RustTestMode[] {
  const modes = configures.map((configure) => (configure === null ? 'main thread' : contextModes(configure, ALL_RUST_TEST_MODES).modes[0]));
  return ALL_RUST_TEST_MODES.filter((m) => modes.includes(m));
}

/** A mode's descriptor, as the interface (the table's literal types leave `needs` off the modes without it). */
const descriptor = (m: RustTestMode): RustTestModeDescriptor => RUST_TEST_MODES[m];

/** Per engine session: the answer is the engine's, the same for every test binary that asks. */
const offeredBy = new WeakMap<Driver, Promise<Map<RustTestMode, string>>>();

/**
 * Why the engine cannot run `modes`' contexts, per mode (absent: it can). Asked once per driver, for
 * every mode that needs a global, in a page of the origin the tests run on: some globals
 * (ServiceWorkerContainer) exist only in a secure context, which about:blank is not.
 */
export async function unofferedModes(driver: Driver, modes: readonly RustTestMode[], origin: string): Promise<Map<RustTestMode, string>> {
  if (!modes.some((m) => descriptor(m).needs)) return new Map();
  let asked = offeredBy.get(driver);
  if (!asked) {
    asked = unofferedByEngine(driver, origin);
    offeredBy.set(driver, asked);
  }
  const unoffered = await asked;
  return new Map([...unoffered].filter(([m]) => modes.includes(m)));
}

async function unofferedByEngine(driver: Driver, origin: string): Promise<Map<RustTestMode, string>> {
  const needing = ALL_RUST_TEST_MODES.filter((m) => descriptor(m).needs);
  await driver.open(new URL('build-info.json', origin).href);
  const present = await driver.evaluate(
    (names: string[]) => names.map((n) => typeof (globalThis as Record<string, unknown>)[n] === 'function'),
    needing.map((m) => descriptor(m).needs!.global),
  );
  const missing = new Map<RustTestMode, string>();
  needing.forEach((m, i) => {
    if (present[i]) return;
    const { global, source } = descriptor(m).needs!;
    missing.set(
      m,
      `unsupported: ${driver.engine.engine} ${driver.engine.version} offers no ${global} (checked in a page of ${new URL(origin).origin}; ${source})`,
    );
  });
  return missing;
}
