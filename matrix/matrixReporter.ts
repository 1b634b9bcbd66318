// The Playwright reporter that writes the matrix (writeMatrix.ts) from the compat.json the compat
// reporter has just written. Listed after it, and after the HTML and JUnit reporters, in both
// Playwright configs: Playwright ends reporters in order, so every file the page links to exists.
// A matrix that cannot be written says why and leaves the run's result as it is.
import type { Reporter } from '@playwright/test/reporter';
import { relative } from 'node:path';
import { reportPath, reportsDir } from '../reporting/reportsFolder.ts';
import { readRun } from './readRun.ts';
import { writeMatrix } from './writeMatrix.ts';

export default class MatrixReporter implements Reporter {
  onEnd(): void {
    try {
      const written = writeMatrix(readRun(reportPath('compat.json')), reportsDir());
      const index = relative(process.cwd(), reportPath('index.html')) || reportPath('index.html');
      const failing = written.changes.changes.filter((c) => c.kind === 'newly-failing').length;
      console.log(`[matrix] ${index} (${(written.indexBytes / 1024).toFixed(0)} KiB) in ${written.ms.toFixed(0)} ms; ${written.changes.changes.length} changes since the previous run${failing ? `, ${failing} newly failing` : ''}`);
    } catch (error) {
      console.error(`[matrix] not written: ${(error as Error).message}`);
    }
  }

  printsToStdio(): boolean {
    return false;
  }
}
