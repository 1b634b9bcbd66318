// One Lighthouse at a time on a machine. Two runs at once share the CPU, and Lighthouse's timings
// (even simulated ones, which scale the observed main-thread work) would measure each other. Within
// a process the runs are sequential; across processes (two CI jobs, a person and compat.sh) the lock
// makes the second one wait. proper-lockfile holds it as a folder beside LOCK_PATH (<path>.lock,
// made atomically) and keeps it fresh while held: a holder that died leaves it stale, and the next
// run takes it over once it has not been refreshed for STALE_MS. Replaces a hand-written pid file
// whose stale takeover could remove a lock another waiter had just taken.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { readSetting } from '../settings/settings.ts';

export const LOCK_PATH = readSetting('lighthouseLock') ?? join(tmpdir(), 'wasm-compat-lighthouse.lock');
const POLL_MS = 2_000;
const WAIT_LIMIT_MS = 60 * 60_000;
/** A held lock is refreshed every STALE_MS / 2; a minute leaves room for a busy event loop in a Lighthouse run. */
const STALE_MS = 60_000;

export interface MachineLock {
  release(): void;
}

export async function acquireMachineLock(log: (line: string) => void, path = LOCK_PATH): Promise<MachineLock> {
  // realpath: false: LOCK_PATH names the lock, not a file that must exist.
  const options = {
    realpath: false,
    stale: STALE_MS,
    lockfilePath: `${path}.lock`,
    onCompromised: (error: Error) => log(`the Lighthouse lock ${path}.lock was lost: ${error.message}`),
  };
  try {
    await lockfile.lock(path, { ...options, retries: 0 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    log(`waiting: another Lighthouse run holds ${path}.lock`);
    const retries = { retries: Math.ceil(WAIT_LIMIT_MS / POLL_MS), factor: 1, minTimeout: POLL_MS, maxTimeout: POLL_MS };
    try {
      await lockfile.lock(path, { ...options, retries });
    } catch (waited) {
      if ((waited as NodeJS.ErrnoException).code === 'ELOCKED') throw new Error(`gave up waiting for ${path}.lock after ${WAIT_LIMIT_MS / 60_000} min`);
      throw waited;
    }
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      // Synchronous, so that a process exiting on an error still releases it.
      lockfile.unlockSync(path, { realpath: false, lockfilePath: options.lockfilePath });
    },
  };
}
