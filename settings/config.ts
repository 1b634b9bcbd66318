// The shape of wasm-compat.config.ts, the project's one configuration file: which crate the suite
// tests and how it is built (the subject), and how a run goes (its projects, the Rust test modes,
// the serving matrix, the projects that must run, where reports go and how many are kept). The
// environment's WASM_COMPAT_* settings override it (settings.ts). `defineConfig` only types it, as
// Playwright's and Vite's do; configSchema checks what the file holds and names a bad key.
import { z } from 'zod';

export type WasmPackTarget = 'bundler' | 'web';

export interface SubjectConfig {
  /**
   * The subject: a Cargo crate's folder (a workspace member is fine) that wasm-pack builds, or a
   * prebuilt wasm-pack output folder (package.json, <name>.js, <name>_bg.wasm). Relative to this
   * file. WASM_COMPAT_CRATE overrides it from the shell. Default: 'crate' (the demo).
   */
  crate?: string;
  /** wasm-pack --target. The page loads 'bundler' output through vite-plugin-wasm and 'web' output through its init(). Default 'bundler'. */
  target?: WasmPackTarget;
  /** Cargo features to build with. */
  features?: string[];
  /**
   * The crate's own probes: a folder of <category>/<name>.ts files under the Probe contract
   * (harness/probes/probe.ts), and an optional expectations.ts. Default: <crate>/probes when it exists.
   */
  probes?: string;
  /** The committed record of what the module needs (npm run requirements -- --write). Default: <crate>/wasm-requirements.json. */
  requirementsBaseline?: string;
}

export interface RunConfig {
  /** The browser projects to run (names from runner/engines/registry/); WASM_COMPAT_PROJECTS overrides. Default: every one. */
  projects?: string[];
  /** The modes the Rust tests run in; WASM_COMPAT_RUST_MODES overrides. Default: main thread, dedicated worker, not isolated. */
  rustModes?: string[];
  /** Projects pinned to a compiler tier to add ('all', or names such as chromium-liftoff); WASM_COMPAT_TIERS overrides. Default: none. */
  tiers?: string[];
  /** Add the nginx serving matrix's projects; WASM_COMPAT_MATRIX overrides. Default: false. */
  matrix?: boolean;
  /** Projects that must have run, or the run fails naming them; WASM_COMPAT_REQUIRE overrides. */
  require?: string[];
  /** Where every report goes, relative to this file; WASM_COMPAT_REPORTS_DIR overrides. Default: 'reports'. */
  reportsDir?: string;
  /** How many earlier reports of each kind to keep; WASM_COMPAT_HISTORY_RUNS overrides. Default: 5. */
  historyRuns?: number;
  /** The history store's file, or 'off'; WASM_COMPAT_HISTORY_STORE overrides. Default: reports/history.sqlite. */
  historyStore?: string;
}

export type WasmCompatConfig = SubjectConfig & RunConfig;

const names = z.array(z.string().min(1));

/** What the file may hold: a key it does not know, or a value of the wrong kind, is an error naming it. */
export const configSchema = z
  .object({
    crate: z.string().min(1),
    target: z.enum(['bundler', 'web']),
    features: names,
    probes: z.string().min(1),
    requirementsBaseline: z.string().min(1),
    projects: names.min(1),
    rustModes: names.min(1),
    tiers: names.min(1),
    matrix: z.boolean(),
    require: names,
    reportsDir: z.string().min(1),
    historyRuns: z.number().int().min(1),
    historyStore: z.string().min(1),
  })
  .partial()
  .strict();

export function defineConfig(config: WasmCompatConfig): WasmCompatConfig {
  return config;
}
