// The crate's #[wasm_bindgen_test] tests in a browser, with coverage: wasm-bindgen-test's
// experimental instrumentation (wasm-bindgen#4060; the runner dumps each test binary's counters as
// a .profraw at its end). Opt-in (npm run coverage -- --browser): it needs a nightly Rust (pinned:
// build/toolchain.sh's COVERAGE_NIGHTLY) with its wasm32 target and llvm-tools (for
// -Zno-profiler-runtime and the --cfg wasm-bindgen-test reads), and clang, which builds minicov's C
// profiler runtime for wasm32; scripts/setup.sh installs them.
//
// llvm-cov cannot read a wasm object's coverage mapping (LLVM 22: "no coverage data found"), so
// each module's LLVM IR (--emit=llvm-ir) is compiled again for the host by llc, which only needs
// the mapping and the function names, not code that runs: the few wasm intrinsics in it (memory.grow,
// memory.size) become plain external functions first, which x86 code generation accepts.
// The tests run in headless Chromium through the runner's own WebDriver path (chromedriver), as
// `wasm-pack test --chrome` runs them; their build lives in .cache/coverage/<crate>/browser-target.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';
import { chromedriverCandidates, findChromedriver } from '../runner/engines/chromedriver.ts';
import { compilerErrors } from '../runner/rustTests/rustTestBuild.ts';
import type { Subject } from '../subject/resolveSubject.ts';
import { childEnvironment, outsideVariable } from '../settings/environment.ts';
import { type CoverageSummary, failedTestsIn, readLcov } from './lcov.ts';
import { CoverageUnavailable, coverageCacheDir } from './nativeCoverage.ts';

/** The flags of wasm-bindgen's coverage guide, and one of ours: a cdylib crate's own .wasm (no minicov in it) links with the runtime's hook left undefined. */
const TARGET_RUSTFLAGS = '-Cinstrument-coverage -Zno-profiler-runtime --emit=llvm-ir --cfg=wasm_bindgen_unstable_test_coverage -Clink-arg=--allow-undefined';
const HOST_RUSTFLAGS = '--cfg=wasm_bindgen_unstable_test_coverage';
/** Sources that are not the crate's: the registry's, the standard library's. */
const NOT_THE_CRATE = '(\\.cargo/registry|/rustc/|\\.rustup/)';

const cargoPath = () => `${outsideVariable('HOME')}/.cargo/bin:${outsideVariable('PATH')}`;

function run(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): { status: number | null; out: string } {
  const r = spawnSync(command, args, {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: childEnvironment({ PATH: cargoPath(), ...options.env }),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
}

/** The nightly the coverage build uses: build/toolchain.sh's COVERAGE_NIGHTLY, which setup installs. */
export function coverageNightly(): string {
  const r = run('bash', ['-c', 'source build/toolchain.sh && echo "$COVERAGE_NIGHTLY"']);
  const name = r.out.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !name.startsWith('nightly')) throw new Error(`build/toolchain.sh names no COVERAGE_NIGHTLY (${r.out.trim()})`);
  return name;
}

/** The nightly's llvm-tools folder (llc, llvm-profdata, llvm-cov), or null. */
function nightlyLlvmBin(nightly: string): string | null {
  const sysroot = run('rustc', [`+${nightly}`, '--print', 'sysroot']);
  if (sysroot.status !== 0) return null;
  const host = /host: (\S+)/.exec(run('rustc', [`+${nightly}`, '-vV']).out)?.[1];
  return host ? join(sysroot.out.trim(), 'lib', 'rustlib', host, 'bin') : null;
}

/** What the browser coverage run needs and this machine lacks (empty: ready). bash scripts/setup.sh installs each. */
export function browserCoverageMissing(nightly: string): string[] {
  const missing: string[] = [];
  if (run('rustc', [`+${nightly}`, '--version']).status !== 0) missing.push(`Rust ${nightly}`);
  else {
    if (!run('rustup', ['target', 'list', '--installed', '--toolchain', nightly]).out.includes('wasm32-unknown-unknown'))
      missing.push(`${nightly}'s wasm32 target`);
    const bin = nightlyLlvmBin(nightly);
    if (!bin || !['llc', 'llvm-profdata', 'llvm-cov'].every((t) => existsSync(join(bin, t)))) missing.push(`${nightly}'s llvm-tools`);
  }
  if (run('clang', ['--version']).status !== 0) missing.push("clang, which builds minicov's profiler runtime for wasm32");
  if (!findChromedriver()) missing.push(`chromedriver (looked at ${chromedriverCandidates().join(', ')})`);
  return missing;
}

interface CoverageBuild {
  runner: string;
  executables: Array<{ target: string; wasm: string }>;
  /** The crate library's LLVM IR, where its instrumented functions' coverage mapping is. */
  libraryIr: string | null;
}

function build(subject: Subject, nightly: string, targetDir: string): CoverageBuild {
  const features = subject.features.length ? ` --features ${subject.features.join(',')}` : '';
  const script =
    'source build/wasm-bindgen-cli.sh && wasm_bindgen_cli_activate "$WANT_BINDGEN" >&2 && cd "$CRATE_DIR" && ' +
    `cargo +${nightly} test --target wasm32-unknown-unknown --no-run --tests --message-format=json -Ztarget-applies-to-host -Zhost-config${features} && ` +
    'echo "runner=$(command -v wasm-bindgen-test-runner)"';
  const r = run('bash', ['-c', script], {
    env: {
      WANT_BINDGEN: subject.wasmBindgen ?? '',
      CRATE_DIR: subject.crateDir!,
      CARGO_TARGET_DIR: targetDir,
      RUSTFLAGS: TARGET_RUSTFLAGS,
      CARGO_HOST_RUSTFLAGS: HOST_RUSTFLAGS,
    },
  });
  if (r.status !== 0) {
    const errors = compilerErrors(r.out);
    const tail = r.out
      .split('\n')
      .filter((l) => !l.startsWith('{'))
      .slice(-8);
    throw new Error(`the instrumented test build (cargo +${nightly} test --no-run) failed:\n${[...errors.slice(0, 3), ...tail].join('\n')}`);
  }
  const executables: CoverageBuild['executables'] = [];
  let libName: string | null = null;
  for (const line of r.out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const m = JSON.parse(line) as {
      reason?: string;
      executable?: string | null;
      target?: { name: string; kind: string[] };
      package_id?: string;
      manifest_path?: string;
    };
    if (m.reason !== 'compiler-artifact' || !m.target) continue;
    if (m.executable?.endsWith('.wasm')) executables.push({ target: m.target.name, wasm: m.executable });
    else if (m.manifest_path === join(subject.crateDir!, 'Cargo.toml') && m.target.kind.some((k) => k === 'lib' || k === 'cdylib' || k === 'rlib'))
      libName = m.target.name.replace(/-/g, '_');
  }
  const runner = /^runner=(.+)$/m.exec(r.out)?.[1];
  if (!runner) throw new Error(`no wasm-bindgen-test-runner ${subject.wasmBindgen ?? ''} on PATH after activating the crate's wasm-bindgen-cli`);
  return { runner, executables, libraryIr: libName ? libraryIr(join(targetDir, 'wasm32-unknown-unknown', 'debug', 'deps'), libName, executables) : null };
}

/** The library's .ll in deps/: `<lib>.ll` (a cdylib's), else the newest `<lib>-<hash>.ll` that is no test binary's. */
function libraryIr(deps: string, libName: string, executables: CoverageBuild['executables']): string | null {
  if (existsSync(join(deps, `${libName}.ll`))) return join(deps, `${libName}.ll`);
  const tests = new Set(executables.map((e) => basename(e.wasm, '.wasm')));
  const candidates = readdirSync(deps)
    .filter((f) => f.endsWith('.ll') && (f.startsWith(`${libName}-`) || f.startsWith(`lib${libName}-`)) && !tests.has(basename(f, '.ll')))
    .map((f) => join(deps, f));
  return candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0] ?? null;
}

/** An LLVM IR file compiled for the host, for its coverage mapping alone. */
function hostObject(llvmBin: string, ir: string, out: string): string {
  const renamed = `${out}.ll`;
  writeFileSync(renamed, readFileSync(ir, 'utf8').replace(/@llvm\.wasm\.([\w.]+)/g, '@__wasm_intrinsic_$1'));
  const r = run(join(llvmBin, 'llc'), ['-mtriple=x86_64-unknown-linux-gnu', '-filetype=obj', renamed, '-o', out]);
  rmSync(renamed, { force: true });
  if (r.status !== 0) throw new Error(`llc could not compile ${ir} for its coverage mapping:\n${r.out.split('\n').slice(0, 4).join('\n')}`);
  return out;
}

/** Runs the crate's browser tests under coverage; throws CoverageUnavailable (what is missing) or Error (a failed build, a binary that did not run). */
export function browserCoverage(subject: Subject, log: (line: string) => void): CoverageSummary {
  const nightly = coverageNightly();
  const missing = browserCoverageMissing(nightly);
  if (missing.length) throw new CoverageUnavailable(`browser coverage needs ${missing.join('; ')}: bash scripts/setup.sh installs them`);
  const llvmBin = nightlyLlvmBin(nightly)!;
  const dir = coverageCacheDir(subject.name);
  const work = join(dir, 'browser');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const started = performance.now();
  const built = build(subject, nightly, join(dir, 'browser-target'));
  log(`browser coverage: ${built.executables.length} test binaries built (${nightly}, instrumented) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const chromedriver = findChromedriver()!;
  const failedTests: string[] = [];
  for (const e of built.executables) {
    const r = run(built.runner, [e.wasm], {
      cwd: subject.crateDir!,
      env: {
        LLVM_PROFILE_FILE: join(work, `${e.target}-%m_%p.profraw`),
        CHROMEDRIVER: chromedriver,
        WASM_BINDGEN_USE_BROWSER: '1',
        WASM_BINDGEN_TEST_TIMEOUT: '120',
      },
    });
    const result = /test result: .*/.exec(r.out)?.[0] ?? r.out.trim().split('\n').at(-1);
    log(`browser coverage: ${e.target}: ${result}`);
    // A failing test still leaves its binary's counters (the runner dumps them at its end): named, and measured.
    const failed = failedTestsIn(r.out).map((name) => `${e.target}::${name}`);
    if (r.status !== 0 && failed.length === 0)
      throw new Error(`${e.target}'s tests did not run in Chromium under coverage:\n${r.out.trim().split('\n').slice(-12).join('\n')}`);
    failedTests.push(...failed);
  }
  const profraws = readdirSync(work).filter((f) => f.endsWith('.profraw'));
  if (!profraws.length) throw new Error(`the runner wrote no .profraw into ${work}: was the build instrumented (wasm-bindgen-test's coverage cfg)?`);
  const profdata = join(work, 'browser.profdata');
  const merged = run(join(llvmBin, 'llvm-profdata'), ['merge', '-sparse', ...profraws.map((f) => join(work, f)), '-o', profdata]);
  if (merged.status !== 0) throw new Error(`llvm-profdata merge failed:\n${merged.out}`);
  const irs = [...built.executables.map((e) => e.wasm.replace(/\.wasm$/, '.ll')), ...(built.libraryIr ? [built.libraryIr] : [])].filter((f) => existsSync(f));
  const objects = irs.map((ir, i) => hostObject(llvmBin, ir, join(work, `${i}-${basename(ir, '.ll')}.o`)));
  const lcov = join(work, 'browser.lcov');
  const exported = execFileSync(
    join(llvmBin, 'llvm-cov'),
    [
      'export',
      '-format=lcov',
      `-instr-profile=${profdata}`,
      `-ignore-filename-regex=${NOT_THE_CRATE}`,
      objects[0]!,
      ...objects.slice(1).flatMap((o) => ['-object', o]),
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  writeFileSync(lcov, exported);
  return { ...readLcov(lcov, subject.crateDir!), failedTests };
}
