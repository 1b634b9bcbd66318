// The subject's wasm-bindgen-test builds: its #[wasm_bindgen_test] tests (`cargo test --no-run
// --tests --target wasm32-unknown-unknown`) and its #[wasm_bindgen_bench] benchmarks (`cargo bench
// --no-run`, the bench profile: release), each once per run (cargo's own cache makes every later
// call a no-op), with the same wasm32 toolchain route as the subject's build. The artifacts are the
// .wasm files that hold them; their names are read from the exports the macros leave (__wbgt_<name>
// for a test, __wbgb_<name> for a benchmark), and the context the crate pinned each binary to from
// the section its wasm_bindgen_test_configure! leaves.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readShared, writeShared } from '../currentRun.ts';
import { resolveSubject, type Subject, SubjectError } from '../../subject/resolveSubject.ts';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { childEnvironment, outsideVariable } from '../../settings/environment.ts';
import { configuredContext } from './rustTestModes.ts';

/** What a binary holds: tests (`#[wasm_bindgen_test]`) or benchmarks (`#[wasm_bindgen_bench]`, run with --bench). */
export type RustBinaryKind = 'tests' | 'benches';

/** The export prefix each macro leaves (wasm-bindgen-test 0.3.80), and the cargo command that builds its binaries. */
const KINDS = {
  tests: { prefix: '__wbgt_', cargo: 'cargo test --no-run --tests', macro: '#[wasm_bindgen_test]' },
  benches: { prefix: '__wbgb_', cargo: 'cargo bench --no-run', macro: '#[wasm_bindgen_bench]' },
} as const satisfies Record<RustBinaryKind, { prefix: string; cargo: string; macro: string }>;

export interface RustTestArtifact {
  /** The cargo target it was built from ('web' for tests/web.rs). */
  target: string;
  wasm: string;
  /**
   * The tests it holds, as the runner names them (the path below the target: `nested::in_a_module`);
   * in a bench build, its #[wasm_bindgen_bench] functions (the runner's "tests" under --bench).
   */
  tests: Array<{ name: string; ignored: boolean }>;
  /** The crate's wasm_bindgen_test_configure!(…) for this binary (run_in_browser, …), or null: it pins the context. */
  configure: string | null;
}

export interface RustTestBuild {
  artifacts: RustTestArtifact[];
  /** The wasm-bindgen-test-runner of exactly the crate's wasm-bindgen version. */
  runner: string;
}

/**
 * What a test .wasm holds: its wasm-bindgen tests (or benchmarks), from its exports (`__wbgt_`, or
 * `__wbgb_`, + `$` for an #[ignore]d one + `_<target>::<path>`, wasm-bindgen-test 0.3.80; the
 * runner prints `<path>`), and the context its crate pinned it to.
 */
export function readTestBinary(wasm: string, target: string, kind: RustBinaryKind = 'tests'): Omit<RustTestArtifact, 'target' | 'wasm'> {
  const module = new WebAssembly.Module(readFileSync(wasm));
  const exported = new RegExp(`^${KINDS[kind].prefix}(\\$?)_(.*)$`);
  const tests = WebAssembly.Module.exports(module)
    .map((e) => exported.exec(e.name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[2]!.startsWith(`${target}::`) ? m[2]!.slice(target.length + 2) : m[2]!, ignored: m[1] === '$' }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { tests, configure: configuredContext(module)?.configure ?? null };
}

/** The compiler's errors in cargo's --message-format=json output (on stdout), each rendered as it would print. */
export function compilerErrors(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { reason?: string; message?: { level?: string; rendered?: string } })
    .filter((m) => m.reason === 'compiler-message' && m.message?.level === 'error')
    .map((m) => m.message!.rendered!.trimEnd());
}

/** Runs a shell line with the wasm32 toolchain and the crate's wasm-bindgen-cli first in PATH. */
function withToolchain(subject: Subject, line: string, extra: Record<string, string> = {}): string {
  const script = `source build/toolchain.sh && source build/wasm-bindgen-cli.sh && wasm_toolchain_activate && wasm_bindgen_cli_activate "$WANT_BINDGEN" >&2 && ${line}`;
  return execFileSync('bash', ['-c', script], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnvironment({ WANT_BINDGEN: subject.wasmBindgen ?? '', CRATE_DIR: subject.crateDir ?? '', ...WITHOUT_DEBUGINFO, ...extra }),
  });
}

/**
 * The test build without DWARF: wasm-bindgen-test-runner (0.2.130, no --keep-debug) drops it from
 * what it serves, and reading it cost each runner start 0.85 s here (the demo's test binary: 14 MB
 * with it, 2.1 MB without; 1.21 s against 0.37 s a start, 2026-12-06), once per mode and project.
 * The name section stays, so panics and stack traces read as before.
 */
const WITHOUT_DEBUGINFO = { CARGO_PROFILE_DEV_DEBUG: '0', CARGO_PROFILE_TEST_DEBUG: '0' };

/** This process's builds, by kind, crate and features. */
const built = new Map<string, RustTestBuild>();

/**
 * The subject's test (or bench) build. `targetDir`: cargo's target folder, when not the crate's own
 * (the A/B check builds another commit of the crate into the working tree's, so its dependencies
 * are compiled once).
 */
export function buildRustTests(subject: Subject, kind: RustBinaryKind = 'tests', options: { targetDir?: string } = {}): RustTestBuild {
  if (!subject.crateDir)
    throw new SubjectError(`${subject.name} is a prebuilt wasm-pack folder: its Rust ${kind} need its crate (point WASM_COMPAT_CRATE at the crate)`);
  const key = `${kind}\0${subject.crateDir}\0${subject.features.join(',')}\0${options.targetDir ?? ''}`;
  const done = built.get(key);
  if (done) return done;
  // Every worker loads the specs, and Playwright starts a new one after each failure: within a run
  // the build is asked once and its answer kept in the run's folder for the workers after.
  const shared = `rust-tests-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
  const earlier = readShared<RustTestBuild>(shared);
  if (earlier) {
    built.set(key, earlier);
    return earlier;
  }
  let out: string;
  try {
    const features = subject.features.length ? ` --features ${subject.features.join(',')}` : '';
    out = withToolchain(
      subject,
      `cd "$CRATE_DIR" && ${KINDS[kind].cargo} --target wasm32-unknown-unknown --message-format=json --quiet${features} && echo "runner=$(command -v wasm-bindgen-test-runner)"`,
      options.targetDir ? { CARGO_TARGET_DIR: options.targetDir } : {},
    );
  } catch (error) {
    const rendered = compilerErrors(String((error as { stdout?: unknown }).stdout ?? ''));
    const tail = String((error as { stderr?: unknown }).stderr ?? '')
      .trim()
      .split('\n')
      .slice(-3);
    const shown = [...rendered.join('\n').split('\n').slice(0, 20), ...tail].join('\n');
    throw new SubjectError(`${subject.name}: ${KINDS[kind].cargo} --target wasm32-unknown-unknown failed:\n${shown}`);
  }
  const artifacts: RustTestArtifact[] = [];
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const message = JSON.parse(line) as { reason?: string; executable?: string | null; target?: { name: string } };
    if (message.reason !== 'compiler-artifact' || !message.executable?.endsWith('.wasm')) continue;
    const binary = readTestBinary(message.executable, message.target!.name, kind);
    if (binary.tests.length > 0) artifacts.push({ target: message.target!.name, wasm: message.executable, ...binary });
  }
  // The same shell that built the tests put the crate's wasm-bindgen-cli first in PATH: its runner is the one.
  const runner = /^runner=(.+)$/m.exec(out)?.[1];
  if (!runner)
    throw new SubjectError(`${subject.name}: no wasm-bindgen-test-runner ${subject.wasmBindgen ?? ''} on PATH after activating the crate's wasm-bindgen-cli`);
  const build = { artifacts, runner };
  built.set(key, build);
  writeShared(shared, build);
  return build;
}

export interface RustTestSuite {
  artifacts: RustTestArtifact[];
  runner: string;
  /** Why there are no Rust tests to run, when there are none. */
  none: string | null;
}

/** The subject's Rust tests for this process: built (or found current) once, and listed. */
export function rustTestSuite(subject: Subject = resolveSubject()): RustTestSuite {
  // Spec files load in the main process first, then in every worker: only the first one speaks.
  const say = outsideVariable('TEST_WORKER_INDEX') === undefined && built.size === 0 ? (line: string) => console.log(`[rust tests] ${line}`) : () => {};
  if (!subject.crateDir) {
    const none = `${subject.name} is a prebuilt wasm-pack folder: its Rust tests need its crate`;
    say(none);
    return { artifacts: [], runner: '', none };
  }
  say(`cargo test --no-run --target wasm32-unknown-unknown in ${subject.crateDir} (a first build compiles the dependencies)...`);
  const started = Date.now();
  const build = buildRustTests(subject);
  const none =
    build.artifacts.length > 0
      ? null
      : `${subject.name} has no #[wasm_bindgen_test] tests: add wasm-bindgen-test to its [dev-dependencies] and tests marked #[wasm_bindgen_test] under tests/`;
  const count = build.artifacts.reduce((n, a) => n + a.tests.length, 0);
  say(
    none ??
      `${count} tests in ${build.artifacts.map((a) => a.target).join(', ')}, built in ${((Date.now() - started) / 1000).toFixed(1)} s; runner ${build.runner}`,
  );
  return { ...build, none };
}
