// The timing probes (the streaming pairs, the memory growth, the timer) measure what this machine's
// cores do, so while a page runs its probes no other browser of the suite may be working: not the
// other worker's, nor another run's (the meta-tests run the suite twice at once). A readers–writer
// lock across every run on the machine, as plain files in one folder under the system's temporary
// folder: a page running its timed probes holds it alone (runAlone; the page runs the rest of its
// probes first, shared, and holds the timed ones back until it has the lock); whatever else works a browser hard
// (an engine starting, a Rust test run) holds it beside the others' (runShared). A waiting page load
// goes first: shared holders that come after it wait, so it cannot starve. mkdir is atomic; a holder
// whose process has died is cleared by the next one to wait on it. Outside a run (no global setup)
// both run at once. Holds are per piece of work, not per process: a worker whose Rust runs and page
// load overlap holds shared twice, and its page's timed probes wait for both, as they wait for
// another process's.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSelected } from '../harness/probes/probeSelection.ts';
import type { ProbeCategory, ProbeSelection } from '../harness/probes/probe.ts';
import { currentRun } from './currentRun.ts';
import { type ExpectationContext, expectedProbe, type Rule } from './expectations/probes.ts';
import { readSetting, SETTINGS } from '../settings/settings.ts';

const POLL_MS = 25;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let next = 0;
/** How long this process has waited for the lock, in ms: npm run bench:suite shows it per project (runner/testRecord.ts carries it). */
let waitedMs = 0;

export function lockWaitMs(): number {
  return waitedMs;
}
/**
 * What the work running now already holds: a nested shared hold runs at once (waiting while holding
 * would deadlock against a page load waiting for it), and so does shared work inside a page's own
 * alone hold. Per async flow, so that another piece of work of the same process still waits.
 */
const held = new AsyncLocalStorage<'shared' | 'alone'>();

interface LockFiles {
  /** A folder, present while a page load holds or waits for the lock; it holds a file named after its process. */
  alone: string;
  /** One file per shared holder, `<pid>-<n>`. */
  shared: string;
}

/** The lock's folder, when not the machine's one (a test of the lock, beside a suite that holds the real one). */
export const TIMING_LOCK_ENV = SETTINGS.timingLockDir.env;

function lockFiles(): LockFiles | null {
  if (!currentRun()) return null;
  // One folder for the machine, so that runs side by side take turns too.
  const dir = readSetting('timingLockDir') ?? join(tmpdir(), 'wasm-compat-timing-lock');
  const files = { alone: join(dir, 'alone'), shared: join(dir, 'shared') };
  mkdirSync(files.shared, { recursive: true });
  return files;
}

/** Whether a process is still there (a lock's holder; EPERM: there, but another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const pidOf = (name: string) => Number(name.split('-')[0]);

/** Every shared holder (this process's other work too); those of a process that died are removed. */
function sharedHolders(files: LockFiles): string[] {
  const holders = readdirSync(files.shared);
  for (const dead of holders.filter((f) => !processAlive(pidOf(f)))) rmSync(join(files.shared, dead), { force: true });
  return holders.filter((f) => processAlive(pidOf(f)));
}

/** The process that holds (or waits for) the lock alone, this one included; a dead one's hold is cleared. */
function aloneHolder(files: LockFiles): number | null {
  let owners: string[];
  try {
    owners = readdirSync(files.alone);
  } catch {
    return null;
  }
  const owner = owners.map(Number).find((pid) => Number.isInteger(pid));
  if (owner === undefined) return null;
  if (owner === process.pid || processAlive(owner)) return owner;
  rmSync(files.alone, { recursive: true, force: true });
  return null;
}

/** Runs `work` while no other worker's browser works: for a page that runs the timing probes. */
export async function runAlone<T>(work: () => Promise<T>): Promise<T> {
  // Waiting for another worker while holding a shared hold that it waits for would never end.
  if (held.getStore() === 'shared') throw new Error('timingLock: runAlone inside runShared: take the timed work out of the shared section');
  const files = lockFiles();
  if (!files || held.getStore() === 'alone') return work();
  const asked = performance.now();
  for (;;) {
    try {
      mkdirSync(files.alone);
      writeFileSync(join(files.alone, String(process.pid)), '');
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      aloneHolder(files);
      await sleep(POLL_MS);
    }
  }
  try {
    while (sharedHolders(files).length > 0) await sleep(POLL_MS);
    waitedMs += performance.now() - asked;
    return await held.run('alone', work);
  } finally {
    rmSync(files.alone, { recursive: true, force: true });
  }
}

/** Runs `work` beside the other workers' shared work, but never while another worker's page runs its probes. */
export async function runShared<T>(work: () => Promise<T>): Promise<T> {
  const files = lockFiles();
  if (!files || held.getStore()) return work();
  const mine = join(files.shared, `${process.pid}-${next++}`);
  const asked = performance.now();
  for (;;) {
    writeFileSync(mine, '');
    if (aloneHolder(files) === null) break;
    // A page load holds the lock or waits for it: step aside until it is done.
    rmSync(mine, { force: true });
    while (aloneHolder(files) !== null) await sleep(POLL_MS);
  }
  waitedMs += performance.now() - asked;
  try {
    return await held.run('shared', work);
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Probes whose verdict depends on how free this machine's cores are: the streaming pairs' shares. */
export const TIMED_PROBES = ['loading.compileDuringDownload'];

/**
 * The probes of a page load that must run alone: the timed ones it runs that its engine's
 * expectation judges. The page holds them back to run last (its URL's `hold`), so that the rest of
 * the load runs beside the other worker's shared work and only these seconds are alone. Where the
 * expectation only records the outcome (V8's streaming, docs/streaming.md), none: the whole load
 * runs shared, never beside a probe that runs alone.
 */
export function probesToRunAlone(selection: ProbeSelection, ctx: ExpectationContext, subjectRules: Record<string, Rule> = {}): string[] {
  return TIMED_PROBES.filter(
    (id) => isSelected(selection, { id, category: id.split('.')[0] as ProbeCategory }) && expectedProbe(id, ctx, subjectRules).status !== 'recorded',
  );
}
