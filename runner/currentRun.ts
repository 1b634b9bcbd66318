// A run's identity and the folder its tests leave their records in (runner/testRecord.ts). The
// global setup starts a run; the workers inherit it through the run's record (handOff.ts); the global teardown
// folds the records into compat.json and removes the folder. None of this goes through a
// reporter, so a user's `--reporter` on the command line cannot switch it off.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeJsonAtomic } from '../reporting/writeWhole.ts';
import type { CompatReport } from './compatReport.ts';
import { readCompatFile } from './readCompat.ts';
import { handedOff, handOn } from './handOff.ts';
import { type Environment, environment } from '../settings/environment.ts';
import { readSetting, SETTINGS } from '../settings/settings.ts';

/** A run that joins an earlier run's compat.json instead of writing its own (the Appium run of `npm run compat`) names that run here. */
export const JOIN_RUN_ENV = SETTINGS.joinRun.env;

export interface Run {
  id: string;
  /** Where each test's record is written as it starts and as it ends. */
  records: string;
}

const recordsOf = (id: string) => join(tmpdir(), `wasm-compat-run-${id}`);

/** Names a new run and makes its records folder; every worker started after this inherits it. */
export function startRun(): Run {
  const id = `${process.pid}-${Date.now()}`;
  handOn({ runId: id, startedAt: new Date().toISOString() });
  const run = { id, records: recordsOf(id) };
  mkdirSync(run.records, { recursive: true });
  return run;
}

/** The run this process belongs to, or null outside one (a spec run without the global setup). */
export function currentRun(env: Environment = environment()): Run | null {
  const id = handedOff(env).runId;
  return id ? { id, records: recordsOf(id) } : null;
}

/** The run whose compat.json this process writes: the one it joins, else its own; null outside a run. */
export function reportRunId(env: Environment = environment()): string | null {
  return readSetting('joinRun', env) || currentRun(env)?.id || null;
}

/** Where a run keeps what one worker learnt for the workers after it (Playwright starts a new one after each failure); null outside a run. */
function sharedFile(name: string): string | null {
  const run = currentRun();
  return run ? join(run.records, `shared-${name.replace(/[^\w.@-]/g, '_')}.json`) : null;
}

/**
 * What this process has read or written under each name. A name is written once in a run (a
 * project's engine, its page load, a mode's Rust test run), so once found it is not read again:
 * each of a crate's Rust tests asks for its mode's run, log and all, and read from the file every
 * time that was a JSON parse of the whole run per test.
 */
const kept = new Map<string, unknown>();

/** What an earlier worker of this run kept under `name`, or null. */
export function readShared<T>(name: string): T | null {
  const file = sharedFile(name);
  if (!file) return null;
  if (kept.has(file)) return kept.get(file) as T;
  if (!existsSync(file)) return null;
  const value = JSON.parse(readFileSync(file, 'utf8')) as T;
  kept.set(file, value);
  return value;
}

/** Keeps `value` under `name` for the later workers of this run (whole, so a reader never sees half); outside a run, nothing. */
export function writeShared(name: string, value: unknown): void {
  const file = sharedFile(name);
  if (!file) return;
  writeJsonAtomic(file, value);
  kept.set(file, value);
}

export function endRun(run: Run): void {
  rmSync(run.records, { recursive: true, force: true });
}

/** The file a joining run adds to: it must be the named run's, or the join is refused (the global setup checks it before the run, the teardown again before it writes). */
export function readJoinedRun(file: string, runId: string): CompatReport {
  if (!existsSync(file)) throw new Error(`${JOIN_RUN_ENV}=${runId}: there is no ${file} to join`);
  const report = readCompatFile(file);
  if (report.runId !== runId)
    throw new Error(`${JOIN_RUN_ENV}=${runId}: ${file} is from ${report.runId ? `run ${report.runId}` : 'a run that names none'}, not the run to join`);
  return report;
}
