// Writes a run's reports as one folder swap: every file goes into a staging folder first (each file
// written whole, scripts/lib/atomicWrite.ts), then the previous reports/lighthouse moves to
// reports/history/lighthouse-<time> and the staging folder takes its place. A reader sees the old
// set or the new set, never a mix, and an interrupted run leaves the old set untouched.
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { archive, REPORTS_DIR } from '../../tests/reporters/archiveReports.ts';
import { writeFileAtomic } from '../lib/atomicWrite.ts';

export const LIGHTHOUSE_DIR = join(REPORTS_DIR, 'lighthouse');

export interface ReportFolder {
  /** Writes `name` (a path inside the folder) into the staging folder. */
  write(name: string, data: string): void;
  /** Archives the previous folder and puts this one in its place. */
  commit(): void;
  /** Drops the staging folder (a run that failed before writing anything useful). */
  discard(): void;
}

export function openReportFolder(target = LIGHTHOUSE_DIR): ReportFolder {
  const staging = `${target}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  return {
    write(name, data) {
      writeFileAtomic(join(staging, name), data);
    },
    commit() {
      archive(target, 'lighthouse');
      renameSync(staging, target);
    },
    discard() {
      rmSync(staging, { recursive: true, force: true });
    },
  };
}
