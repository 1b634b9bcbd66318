// A report set: the files of one report that is a folder (Lighthouse's reports, a benchmark set), replaced as one swap: every
// file goes into a staging folder first, each written whole, then the previous folder moves to the
// history and the staging folder takes its place. A reader sees the old set or the new set, never
// a mix, and an interrupted run leaves the old set untouched.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { archive } from './history.ts';
import { reportPath } from './reportsFolder.ts';
import { writeFileAtomic } from './writeWhole.ts';

export interface ReportSet {
  /** The folder the reports land in once committed. */
  readonly path: string;
  /** Writes `name` (a path inside the folder) into the staging folder. */
  write(name: string, data: string | Uint8Array): void;
  /** Archives the previous folder and puts this one in its place. */
  commit(): void;
  /** Drops the staging folder (a run that failed before writing anything useful). */
  discard(): void;
}

/** `name` is the folder under the reports folder, and the history kind (e.g. 'lighthouse'). */
export function openReportSet(name: string): ReportSet {
  const target = reportPath(name);
  const staging = `${target}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  return {
    path: target,
    write(file, data) {
      writeFileAtomic(join(staging, file), data);
    },
    commit() {
      mkdirSync(staging, { recursive: true });
      mkdirSync(dirname(target), { recursive: true });
      archive(target, name);
      renameSync(staging, target);
    },
    discard() {
      rmSync(staging, { recursive: true, force: true });
    },
  };
}
