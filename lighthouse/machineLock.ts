// One Lighthouse at a time on a machine. Two runs at once share the CPU, and Lighthouse's timings
// (even simulated ones, which scale the observed main-thread work) would measure each other. Within
// a process the runs are sequential; across processes (two CI jobs, a person and compat.sh) this
// lock file, holding its owner's pid, makes the second one wait. A lock whose pid is gone is stale
// and taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from '../runner/timingLock.ts';

export const LOCK_PATH = process.env.WASM_COMPAT_LIGHTHOUSE_LOCK ?? join(tmpdir(), 'wasm-compat-lighthouse.lock');
const POLL_MS = 2_000;
const WAIT_LIMIT_MS = 60 * 60_000;

function tryAcquire(path: string): number | null {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let owner = NaN;
  try {
    owner = Number(readFileSync(path, 'utf8').trim());
  } catch {
    return -1; // released between our open and read: try again
  }
  if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) return owner;
  try {
    unlinkSync(path); // stale
  } catch {
    /* somebody else removed it first */
  }
  return -1;
}

export interface MachineLock {
  release(): void;
}

export async function acquireMachineLock(log: (line: string) => void, path = LOCK_PATH): Promise<MachineLock> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  let reported: number | null = null;
  for (;;) {
    const owner = tryAcquire(path);
    if (owner === null) break;
    if (owner > 0 && owner !== reported) {
      log(`waiting: another Lighthouse run holds ${path} (pid ${owner})`);
      reported = owner;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${path} (pid ${owner}) after ${WAIT_LIMIT_MS / 60_000} min`);
    if (owner > 0) await new Promise((r) => setTimeout(r, POLL_MS));
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
      } catch {
        /* already gone */
      }
    },
  };
}
