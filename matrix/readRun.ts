// A run as compat.json stored it, and the runs before it: the current file and the history's
// compat-*.json, ordered by when each run was generated (not by file name or mtime, which a copy
// or an archive can change). A file that is missing, not JSON, of a version this code does not read,
// or not of its schema is an error naming the file and what is wrong with it (runner/readCompat.ts).
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CompatReport } from '../runner/compatReport.ts';
import { readCompatFile } from '../runner/readCompat.ts';

export { RunFileError } from '../runner/readCompat.ts';

export interface StoredRun {
  path: string;
  report: CompatReport;
}

export function readRun(path: string): StoredRun {
  const file = resolve(path);
  return { path: file, report: readCompatFile(file) };
}

/** The reports folder a stored compat.json belongs to: its own folder, or the one above history/. */
export function reportsFolderOf(file: string): string {
  const dir = dirname(resolve(file));
  return basename(dir) === 'history' ? dirname(dir) : dir;
}

/** Every readable run in a reports folder (compat.json and history/compat-*.json), oldest first; unreadable history files are left out. */
export function storedRuns(reportsDir: string): StoredRun[] {
  const history = join(reportsDir, 'history');
  const files = [
    join(reportsDir, 'compat.json'),
    ...(existsSync(history)
      ? readdirSync(history)
          .filter((f) => /^compat-.*\.json$/.test(f))
          .map((f) => join(history, f))
      : []),
  ];
  const runs: StoredRun[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    try {
      runs.push(readRun(file));
    } catch {
      // A damaged history entry must not stop the page: the changes compare with the runs that remain.
    }
  }
  return runs.sort((a, b) => a.report.generatedAt.localeCompare(b.report.generatedAt));
}

/** The runs generated before `run`, newest first (the one compared with is the first that has a project). */
export function runsBefore(run: StoredRun, all: StoredRun[]): StoredRun[] {
  return all.filter((r) => r.report.generatedAt < run.report.generatedAt).reverse();
}
