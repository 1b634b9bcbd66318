// The crate's native tests (`cargo test` on the host) with cargo's own instrumentation, through
// cargo-llvm-cov (rustc's -C instrument-coverage, then llvm-profdata and llvm-cov from rustup's
// llvm-tools). Its build lives in .cache/coverage/<crate>/, apart from the crate's own target folder,
// so an instrumented build never replaces the one the suite and the benchmarks use.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../reporting/projectRoot.ts';
import { hostCargoEnv } from '../subject/resolveSubject.ts';
import { type CoverageSummary, failedTestsIn, readLcov } from './lcov.ts';

export class CoverageUnavailable extends Error {}

export function coverageCacheDir(crateName: string): string {
  return join(PROJECT_ROOT, '.cache', 'coverage', crateName);
}

/** Runs the crate's native tests under coverage; throws CoverageUnavailable (why) when the tools are missing, Error when the build fails. */
export function nativeCoverage(crateDir: string, crateName: string, features: string[]): CoverageSummary {
  const dir = coverageCacheDir(crateName);
  mkdirSync(dir, { recursive: true });
  const output = join(dir, 'native.lcov');
  const env = { ...hostCargoEnv(), CARGO_TARGET_DIR: join(dir, 'native-target') };
  const probe = spawnSync('cargo', ['llvm-cov', '--version'], { env, encoding: 'utf8' });
  if (probe.status !== 0)
    throw new CoverageUnavailable(
      `cargo llvm-cov is not installed (bash scripts/setup.sh installs it: build/toolchain.sh's CARGO_LLVM_COV_VERSION): ${(probe.stderr || probe.error?.message || '').trim().split('\n')[0]}`,
    );
  // The host's target named, so a crate whose .cargo/config.toml builds for wasm32 by default
  // (common among wasm-only crates) still has its native tests measured natively.
  const host = /host: (\S+)/.exec(spawnSync('rustc', ['-vV'], { cwd: crateDir, env, encoding: 'utf8' }).stdout ?? '')?.[1];
  // --ignore-run-fail: a failing test still leaves the coverage of what ran; it is named, not hidden.
  const args = [
    'llvm-cov',
    '--lcov',
    '--ignore-run-fail',
    '--output-path',
    output,
    ...(host ? ['--target', host] : []),
    ...(features.length ? ['--features', features.join(',')] : []),
  ];
  const run = spawnSync('cargo', args, {
    cwd: crateDir,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    const said = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-12).join('\n');
    if (/llvm-tools|llvm-profdata|llvm-cov.*not found/i.test(said))
      throw new CoverageUnavailable(`rustup's llvm-tools component is missing (rustup component add llvm-tools-preview):\n${said}`);
    throw new Error(`cargo llvm-cov in ${crateDir} failed (exit ${run.status}):\n${said}`);
  }
  return { ...readLcov(output, crateDir), failedTests: failedTestsIn(`${run.stdout}\n${run.stderr}`) };
}
