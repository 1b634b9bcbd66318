// Every WASM_COMPAT_* variable the project reads, in one list: what it does, the values it takes,
// what holds without it, and who sets it: a person ('user') or the run itself, handing a value from
// the global setup to its workers or from one process to the child it starts ('run'). docs/settings.md
// is generated from this list (npm run docs), and tests/unit/settings.test.ts fails when a variable
// is read anywhere but not listed here, or listed but read nowhere. readSetting checks a value
// against its schema and names the setting and the value when it does not fit.
import { z } from 'zod';
import projectConfigFile from '../wasm-compat.config.ts';
import { configSchema, type RunConfig, type WasmCompatConfig } from './config.ts';
import { type Environment, environment } from './environment.ts';

export type Audience = 'user' | 'run';

export interface Setting<T = unknown> {
  env: string;
  /** The part of the suite it belongs to (the docs group by it). */
  area: 'subject' | 'run' | 'serving' | 'engines' | 'reports' | 'benchmarks' | 'lighthouse';
  what: string;
  values: string;
  /** What holds when it is unset. */
  unset: string;
  audience: Audience;
  /** Its key in wasm-compat.config.ts, where the file may set it too (the environment wins). */
  config?: keyof RunConfig;
  schema: z.ZodType<T, z.ZodTypeDef, string>;
}

const text = z.string().min(1);
const flag = z.enum(['0', '1']).transform((v) => v === '1');
const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);
/** Names without spaces, separated by commas or spaces. */
const names = z.string().transform((s) => s.split(/[\s,]+/).filter(Boolean));
const wholeNumber = z
  .string()
  .regex(/^[1-9]\d*$/, 'expected a whole number ≥ 1')
  .transform(Number);
const port = z
  .string()
  .regex(/^\d+$/, 'expected a port number')
  .transform(Number)
  .refine((n) => n > 0 && n < 65536, 'expected a port from 1 to 65535');
const url = z.string().url('expected a URL');

const setting = <T>(s: Setting<T>): Setting<T> => s;

export const SETTINGS = {
  crate: setting({
    env: 'WASM_COMPAT_CRATE',
    area: 'subject',
    what: "the crate (or a wasm-pack output folder) the suite tests, relative to where the command runs; wins over wasm-compat.config.ts's `crate`",
    values: 'a folder',
    unset: "wasm-compat.config.ts's crate (the demo, crate/)",
    audience: 'user',
    schema: text,
  }),
  features: setting({
    env: 'WASM_COMPAT_FEATURES',
    area: 'subject',
    what: 'the cargo features to build the subject with',
    values: 'comma-separated feature names',
    unset: "wasm-compat.config.ts's features (with WASM_COMPAT_CRATE: none)",
    audience: 'user',
    schema: list,
  }),
  prebuilt: setting({
    env: 'WASM_COMPAT_PREBUILT',
    area: 'subject',
    what: "use the downloaded build as it is: a checkout's file times say nothing about which is newer (CI jobs that download the build)",
    values: '0 or 1',
    unset: 'the build is checked against its sources and rebuilt when stale',
    audience: 'user',
    schema: flag,
  }),
  pkg: setting({
    env: 'WASM_COMPAT_PKG',
    area: 'benchmarks',
    what: "another wasm-pack build of the demo crate for the benchmarks and the crate's unit tests to load (an optimization variant)",
    values: 'a folder',
    unset: "the demo crate's build (crate/pkg)",
    audience: 'user',
    schema: text,
  }),
  probes: setting({
    env: 'WASM_COMPAT_PROBES',
    area: 'run',
    what: "narrows every project's probes to these categories",
    values: 'comma-separated categories (environment, features, limits, loading, memory, errors, execution, serving)',
    unset: 'every category',
    audience: 'user',
    schema: text,
  }),
  skipProbes: setting({
    env: 'WASM_COMPAT_SKIP_PROBES',
    area: 'run',
    what: 'leaves these probes out of every project',
    values: 'comma-separated probe ids (<category>.<name>)',
    unset: 'none left out',
    audience: 'user',
    schema: list,
  }),
  projects: setting({
    env: 'WASM_COMPAT_PROJECTS',
    config: 'projects',
    area: 'run',
    what: 'the browser projects to run (their serving-matrix variants follow them); --project narrows further',
    values: 'project names of runner/engines/registry/, separated by commas or spaces',
    unset: 'every project',
    audience: 'user',
    schema: names,
  }),
  tiers: setting({
    env: 'WASM_COMPAT_TIERS',
    config: 'tiers',
    area: 'run',
    what: "adds projects pinned to one of an engine's WebAssembly compilers (chromium-liftoff, chromium-turbofan): the Rust tests, the environment, execution and errors probes, each held to its pin by the page's proof",
    values: 'all, or tier project names (<engine>-<tier> of runner/engines/registry/), separated by commas or spaces',
    unset: 'none: each engine with its default tiering only',
    audience: 'user',
    schema: names,
  }),
  require: setting({
    env: 'WASM_COMPAT_REQUIRE',
    config: 'require',
    area: 'run',
    what: 'projects that must have run: the run fails naming each one that did not',
    values: 'project names, separated by commas or spaces',
    unset: 'only "something ran" is required',
    audience: 'user',
    schema: names,
  }),
  rustModes: setting({
    env: 'WASM_COMPAT_RUST_MODES',
    config: 'rustModes',
    area: 'run',
    what: "the modes the subject's #[wasm_bindgen_test] tests run in",
    values:
      'comma-separated: main thread, dedicated worker, not isolated (the main thread without COOP/COEP), shared worker, service worker, dedicated worker not isolated, shared worker not isolated, service worker not isolated; or all (runner/rustTests/rustTestModes.ts)',
    unset: 'the first five: every context isolated, and the main thread without isolation',
    audience: 'user',
    schema: list,
  }),
  rustTestTimeout: setting({
    env: 'WASM_COMPAT_RUST_TEST_TIMEOUT',
    area: 'run',
    what: 'seconds before wasm-bindgen-test-runner calls a Rust test hung (its WASM_BINDGEN_TEST_TIMEOUT)',
    values: 'a whole number of seconds',
    unset: '60',
    audience: 'user',
    schema: wholeNumber,
  }),
  streamingShim: setting({
    env: 'WASM_COMPAT_STREAMING_SHIM',
    area: 'run',
    what: 'lists the read-then-compile proof (tests/specs/streamingShim.spec.ts), which npm test runs on its own',
    values: '0 or 1',
    unset: 'not listed',
    audience: 'user',
    schema: flag,
  }),
  matrix: setting({
    env: 'WASM_COMPAT_MATRIX',
    config: 'matrix',
    area: 'serving',
    what: "adds the serving matrix's projects (nginx and its isolation variants)",
    values: '0 or 1',
    unset: 'the five projects on the primary target only',
    audience: 'user',
    schema: flag,
  }),
  target: setting({
    env: 'WASM_COMPAT_TARGET',
    area: 'serving',
    what: 'which local server the five projects run against',
    values: 'preview, dev or nginx',
    unset: 'preview',
    audience: 'user',
    schema: z.enum(['preview', 'dev', 'nginx']),
  }),
  baseUrl: setting({
    env: 'WASM_COMPAT_BASE_URL',
    area: 'serving',
    what: 'a deployment to test instead of a local server (the post-deploy smoke test)',
    values: 'an http(s) URL',
    unset: 'a local server',
    audience: 'user',
    schema: url,
  }),
  isolation: setting({
    env: 'WASM_COMPAT_ISOLATION',
    area: 'serving',
    what: "how the deployment at WASM_COMPAT_BASE_URL is meant to isolate its page (checked against deploy/headerPolicy.ts's ISOLATIONS)",
    values: 'require-corp, credentialless or none',
    unset: 'require-corp',
    audience: 'user',
    schema: text,
  }),
  encodings: setting({
    env: 'WASM_COMPAT_ENCODINGS',
    area: 'serving',
    what: 'the content encodings the deployment at WASM_COMPAT_BASE_URL is meant to serve (checked by serving/checks/servingProfile.ts)',
    values: 'br,gzip, gzip or none',
    unset: 'br,gzip',
    audience: 'user',
    schema: text,
  }),
  systemBrowsers: setting({
    env: 'WASM_COMPAT_SYSTEM_BROWSERS',
    area: 'engines',
    what: "use the system's browsers even where Playwright has its own build",
    values: '0 or 1',
    unset: "Playwright's build first",
    audience: 'user',
    schema: flag,
  }),
  chromium: setting({
    env: 'WASM_COMPAT_CHROMIUM',
    area: 'engines',
    what: 'the Chromium binary to run when Playwright has no build of its own: exactly this one, headless or headed',
    values: 'a path',
    unset: '/usr/bin/chromium (headless: the chromium-headless-shell beside it, where installed), chromium-browser, google-chrome',
    audience: 'user',
    schema: text,
  }),
  firefox: setting({
    env: 'WASM_COMPAT_FIREFOX',
    area: 'engines',
    what: 'the Firefox binary to run when Playwright has no build of its own',
    values: 'a path',
    unset: '/usr/bin/firefox-esr, /usr/bin/firefox',
    audience: 'user',
    schema: text,
  }),
  webkitDriver: setting({
    env: 'WASM_COMPAT_WEBKIT_DRIVER',
    area: 'engines',
    what: "WebKitGTK's WebDriver",
    values: 'a command or path',
    unset: 'WebKitWebDriver on PATH',
    audience: 'user',
    schema: text,
  }),
  miniBrowser: setting({
    env: 'WASM_COMPAT_MINIBROWSER',
    area: 'engines',
    what: "WebKitGTK's MiniBrowser",
    values: 'a path',
    unset: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    audience: 'user',
    schema: text,
  }),
  cpuRate: setting({
    env: 'WASM_COMPAT_CPU_RATE',
    area: 'engines',
    what: "the CPU slowdown for the phone projects, instead of the machine's calibration",
    values: 'a number ≥ 1',
    unset: 'calibrated once per machine and browser (.cache/cpu-calibration.json)',
    audience: 'user',
    schema: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'expected a number')
      .transform(Number)
      .refine((n) => n >= 1, 'expected a rate ≥ 1'),
  }),
  recalibrate: setting({
    env: 'WASM_COMPAT_RECALIBRATE',
    area: 'engines',
    what: 'measure the CPU slowdown again instead of reusing the cached calibration',
    values: '0 or 1',
    unset: 'the cached calibration',
    audience: 'user',
    schema: flag,
  }),
  remoteUrl: setting({
    env: 'WASM_COMPAT_REMOTE_URL',
    area: 'engines',
    what: 'a WebDriver or Appium endpoint for the remote project (a Selenium Grid, a device farm)',
    values: 'an http(s) URL',
    unset: 'the remote project is not run',
    audience: 'user',
    schema: text,
  }),
  remoteCapabilities: setting({
    env: 'WASM_COMPAT_REMOTE_CAPABILITIES',
    area: 'engines',
    what: "the remote session's capabilities (the project remote), or several projects' under \"projects\" (a grid's browsers: grid-chromium, grid-firefox)",
    values: 'a JSON file',
    unset: 'required with WASM_COMPAT_REMOTE_URL',
    audience: 'user',
    schema: text,
  }),
  remoteEngine: setting({
    env: 'WASM_COMPAT_REMOTE_ENGINE',
    area: 'engines',
    what: "the remote browser's engine, when its browserName does not say",
    values: 'an engine of runner/engines/registry/',
    unset: "told from the capabilities' browserName",
    audience: 'user',
    schema: text,
  }),
  adb: setting({
    env: 'WASM_COMPAT_ADB',
    area: 'engines',
    what: "Android's adb, for the appium-android project",
    values: 'a command or path',
    unset: 'adb on PATH',
    audience: 'user',
    schema: text,
  }),
  chromedriver: setting({
    env: 'WASM_COMPAT_CHROMEDRIVER',
    area: 'engines',
    what: 'the chromedriver for the appium-chromium project and the browser coverage run (npm run coverage -- --browser)',
    values: 'a path',
    unset: '/usr/bin/chromedriver, /usr/lib/chromium/chromedriver',
    audience: 'user',
    schema: text,
  }),
  androidChromedriver: setting({
    env: 'WASM_COMPAT_ANDROID_CHROMEDRIVER',
    area: 'engines',
    what: "the chromedriver matching the Android device's Chrome",
    values: 'a path',
    unset: "Appium's own",
    audience: 'user',
    schema: text,
  }),
  reportsDir: setting({
    env: 'WASM_COMPAT_REPORTS_DIR',
    config: 'reportsDir',
    area: 'reports',
    what: 'where every report goes',
    values: 'a folder (relative to where the command runs)',
    unset: 'reports/',
    audience: 'user',
    schema: text,
  }),
  historyRuns: setting({
    env: 'WASM_COMPAT_HISTORY_RUNS',
    config: 'historyRuns',
    area: 'reports',
    what: 'how many earlier reports of each kind reports/history/ keeps',
    values: 'a whole number ≥ 1',
    unset: '5',
    audience: 'user',
    schema: wholeNumber,
  }),
  historyStore: setting({
    env: 'WASM_COMPAT_HISTORY_STORE',
    config: 'historyStore',
    area: 'reports',
    what: 'the SQLite file every run, benchmark, Lighthouse run and coverage measurement is appended to, and trends.html is drawn from (docs/trends.md)',
    values: "a file (relative to where the command runs), or 'off'",
    unset: 'reports/history.sqlite',
    audience: 'user',
    schema: text,
  }),
  blobReport: setting({
    env: 'WASM_COMPAT_BLOB_REPORT',
    area: 'reports',
    what: "adds Playwright's blob report (CI's per-engine jobs, merged by npm run report:merge)",
    values: '0 or 1',
    unset: 'no blob report',
    audience: 'user',
    schema: flag,
  }),
  lighthouseRuns: setting({
    env: 'WASM_COMPAT_LIGHTHOUSE_RUNS',
    area: 'lighthouse',
    what: 'Lighthouse runs per page and form factor (--runs wins)',
    values: 'a whole number ≥ 1',
    unset: "the lighthouserc's numberOfRuns, else 3",
    audience: 'user',
    schema: wholeNumber,
  }),
  lighthousePort: setting({
    env: 'WASM_COMPAT_LIGHTHOUSE_PORT',
    area: 'lighthouse',
    what: 'a fixed port for the server Lighthouse measures',
    values: 'a port',
    unset: 'a free port',
    audience: 'user',
    schema: port,
  }),
  lighthouseLock: setting({
    env: 'WASM_COMPAT_LIGHTHOUSE_LOCK',
    area: 'lighthouse',
    what: 'the machine-wide lock that keeps Lighthouse runs apart (held as <path>.lock)',
    values: 'a path',
    unset: '$TMPDIR/wasm-compat-lighthouse.lock',
    audience: 'user',
    schema: text,
  }),
  run: setting({
    env: 'WASM_COMPAT_RUN',
    area: 'run',
    what: "the run's record, from its global setup to its workers and teardown (runner/handOff.ts): its id, where each target answers, the CPU calibration",
    values: 'JSON',
    unset: 'outside a run',
    audience: 'run',
    schema: text,
  }),
  joinRun: setting({
    env: 'WASM_COMPAT_JOIN_RUN',
    area: 'run',
    what: "a run whose compat.json this run joins instead of writing its own (npm run compat's Appium run)",
    values: 'a run id',
    unset: 'the run writes its own',
    audience: 'run',
    schema: text,
  }),
  timingLockDir: setting({
    env: 'WASM_COMPAT_TIMING_LOCK_DIR',
    area: 'run',
    what: "the timing lock's folder when not the machine's (a test of the lock beside a suite that holds the real one)",
    values: 'a folder',
    unset: '$TMPDIR/wasm-compat-timing-lock',
    audience: 'run',
    schema: text,
  }),
  runJson: setting({
    env: 'WASM_COMPAT_RUN_JSON',
    area: 'run',
    what: "where npm run bench:suite has the run it times write Playwright's JSON report",
    values: 'a path',
    unset: 'no JSON report',
    audience: 'run',
    schema: text,
  }),
} satisfies Record<string, Setting<never> | Setting<unknown>>;

export type SettingKey = keyof typeof SETTINGS;
type ValueOf<K extends SettingKey> = (typeof SETTINGS)[K] extends Setting<infer T> ? T : never;

/** A setting set to a value it does not take: the message names the setting, the value and what it takes. */
export class SettingError extends Error {}

let checked: WasmCompatConfig | null = null;

/** wasm-compat.config.ts, checked once: a key it does not know, or a value of the wrong kind, is an error naming it. */
export function projectConfig(): WasmCompatConfig {
  if (checked) return checked;
  const parsed = configSchema.safeParse(projectConfigFile);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SettingError(`wasm-compat.config.ts: ${issue.path.join('.') || 'the config'}: ${issue.message}`);
  }
  checked = parsed.data as WasmCompatConfig;
  return checked;
}

/**
 * A setting's value, checked: the environment's if set (not to the empty string), else
 * wasm-compat.config.ts's for a setting the file may hold, else undefined.
 */
export function readSetting<K extends SettingKey>(
  key: K,
  env: Environment = environment(),
  config: WasmCompatConfig = projectConfig(),
): ValueOf<K> | undefined {
  const spec = SETTINGS[key] as Setting<ValueOf<K>>;
  const raw = env[spec.env];
  if (raw === undefined || raw === '') return spec.config ? (config[spec.config] as ValueOf<K> | undefined) : undefined;
  const parsed = spec.schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new SettingError(`${spec.env}=${JSON.stringify(raw)}: ${parsed.error.issues[0]?.message ?? 'not a value it takes'} (it takes ${spec.values})`);
}
