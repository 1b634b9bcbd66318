// The shape of wasm-compat.config.ts, the one configuration of the subject: which crate the suite
// tests, how it is built, and what the crate brings of its own (probes, the baseline of its
// requirements). `defineConfig` only types it, as Playwright's and Vite's do.

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

export function defineConfig(config: SubjectConfig): SubjectConfig {
  return config;
}
