// One cargo target folder for every crate the subject and matrix tests build (the Rust-tests fixture,
// the example crate, and the crates made in a scratch folder), so that a dependency they share
// compiles once in an npm test, not once per crate: wasm-bindgen and its macros in release,
// wasm-bindgen-test and js-sys in debug. The crates made here take the fixture's Cargo.lock, so that
// they resolve the same versions (a lock names versions, not what the crate depends on: cargo drops
// what a crate does not use).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../reporting/projectRoot.ts';
import { environment, setInEnvironment } from '../../settings/environment.ts';

export const SUBJECT_TESTS_TARGET = join(PROJECT_ROOT, '.cache', 'subject-tests-target');

const FIXTURE_LOCK = join(PROJECT_ROOT, 'tests', 'fixtures', 'rust-tests-crate', 'Cargo.lock');

/** Gives a crate made in a scratch folder the fixture's lock. */
export function useFixtureLock(crateDir: string): void {
  copyFileSync(FIXTURE_LOCK, join(crateDir, 'Cargo.lock'));
}

/** Runs `fn` with this process's cargo calls (the subject build, the Rust test build) in the shared folder. */
export async function inSharedTarget<T>(fn: () => T | Promise<T>): Promise<T> {
  const saved = environment().CARGO_TARGET_DIR;
  setInEnvironment('CARGO_TARGET_DIR', SUBJECT_TESTS_TARGET);
  try {
    return await fn();
  } finally {
    setInEnvironment('CARGO_TARGET_DIR', saved);
  }
}
