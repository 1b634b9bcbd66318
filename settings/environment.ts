// The process environment, reached through this module only, so that every variable the suite
// reads is on a list: its own WASM_COMPAT_* settings (settings.ts, read through readSetting) and
// the few it reads but does not own (below: set by CI, Playwright, cargo, the shell or its own build
// scripts). Functions that take an environment still take one as a parameter, so a test can hand
// them a plain object instead of changing the process's; `environment()` is their default.
// tests/unit/settings.test.ts fails when `process.env` appears outside this folder, or when a
// variable below is no longer read.

export type Environment = NodeJS.ProcessEnv;

/** Variables the suite reads but does not own, and why it reads each (docs/settings.md lists them). */
export const OUTSIDE_VARIABLES = {
  CI: 'set by CI services: the configs forbid `test.only` and report a line per test instead of a list',
  HOME: "the user's home: cargo commands run with `$HOME/.cargo/bin` first on PATH, as the build scripts put rustup's proxies",
  PATH: 'where commands are found: system browsers and drivers (`which`), cargo, wasm-pack',
  CARGO_TARGET_DIR: "cargo's build folder, when set: the native benchmarks read criterion's results from it",
  CRITERION_HOME: "criterion's results folder, when set: the native benchmarks read it first",
  NODE_COMPILE_CACHE:
    "Node's code cache on disk: the global setup points Playwright's workers at .cache/node-compile unless it is set, and npm test every process of its run",
  TEST_WORKER_INDEX: "set by Playwright in its workers: the Rust tests' build reports its progress once, from the main process",
  SKIP_VALIDATION: 'set by build/build.sh callers: the size optimizer leaves out its validation (scripts/sizes.ts, which measures size only)',
  SKIP_COMPRESSION: 'set by build/build.sh callers: no precompressed .gz/.br beside the .wasm',
  LIGHTHOUSE_DEBUG: 'any value: a Lighthouse failure prints its stack, not just its message',
  GITHUB_HEAD_REF: "set by GitHub Actions on a pull request: its branch, which the history store records (a PR's checkout is a detached merge commit)",
  GITHUB_REF_NAME: 'set by GitHub Actions: the branch or tag the workflow runs on, which the history store records',
  RUNNER_NAME: "set by GitHub Actions: the runner's name, which the history store records as the machine",
} as const satisfies Record<string, string>;

export type OutsideVariable = keyof typeof OUTSIDE_VARIABLES;

/** This process's environment: the default of every function that takes one. */
export function environment(): Environment {
  return process.env;
}

/** A variable the suite reads but does not own (OUTSIDE_VARIABLES); undefined when unset. */
export function outsideVariable(name: OutsideVariable, env: Environment = process.env): string | undefined {
  return env[name];
}

/** The environment for a child process: this one's, with `changes` on top (undefined removes a variable). */
export function childEnvironment(changes: Record<string, string | undefined> = {}): Environment {
  const env: Environment = { ...process.env };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/**
 * Sets (or, with undefined, removes) a variable in this process, for what reads it later in this
 * process or in a process it starts without an environment of its own: Playwright's workers inherit
 * the global setup's, and Appium reads APPIUM_HOME when it loads its drivers.
 */
export function setInEnvironment(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
