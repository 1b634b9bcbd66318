// Where benchmark runs live and how one is read or written: <reports>/bench
// (reporting/reportsFolder.ts), one JSON file per run, the previous one kept in
// <reports>/history/ as bench-<name>-<time>.json. The build they time: benches/benchedBuild.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { archive } from '../../reporting/history.ts';
import { reportPath } from '../../reporting/reportsFolder.ts';
import { writeJsonAtomic } from '../../reporting/writeWhole.ts';
import type { BenchRun } from './schema.ts';

export function benchReportsDir(): string {
  return reportPath('bench');
}

/** A run written by a runner; a file that is not one is refused, naming it. */
export function readRun(path: string): BenchRun {
  const run = JSON.parse(readFileSync(path, 'utf8')) as BenchRun;
  if (run.kind !== 'wasm-compat-bench' || run.schema !== 1) throw new Error(`${path} is not a wasm-compat benchmark run (schema 1)`);
  return run;
}

export function readRunIfPresent(path: string): BenchRun | null {
  return existsSync(path) ? readRun(path) : null;
}

/** Writes a run as <dir>/<name>.json, whole, the previous one moved to the history first. */
export function writeBenchRun(dir: string, name: string, run: unknown): void {
  const file = join(dir, `${name}.json`);
  archive(file, `bench-${name}`, '.json');
  writeJsonAtomic(file, run);
}
