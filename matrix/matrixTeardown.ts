// After a run, the matrix page and its formats (writeMatrix.ts) from the compat.json the run has
// just written: the second global teardown of both Playwright configs, after runner/globalTeardown.ts,
// so that `--reporter` on the command line cannot switch it off. A compat.json that is not this
// run's (the run ended before writing one) is not drawn as if it were: the matrix files it would
// leave behind are removed, and `npm run report` can draw any run the history keeps.
import { existsSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { reportPath, reportsDir } from '../reporting/reportsFolder.ts';
import { reportRunId } from '../runner/currentRun.ts';
import { readRun } from './readRun.ts';
import { MATRIX_FILES, writeMatrix } from './writeMatrix.ts';

/** The matrix page and its formats, which must not stand beside a compat.json that is not theirs. */
function removeMatrixFiles(): void {
  for (const name of MATRIX_FILES) rmSync(reportPath(name), { recursive: true, force: true });
}

export default async function matrixTeardown(): Promise<void> {
  const runId = reportRunId();
  const file = reportPath('compat.json');
  // A run that stopped before it began (its global setup failed) has moved the last compat.json to
  // the history; the page drawn from it must not stay beside nothing, as if it were this run's.
  if (!runId) {
    if (!existsSync(file)) removeMatrixFiles();
    return;
  }
  try {
    const run = existsSync(file) ? readRun(file) : null;
    if (run?.report.runId !== runId) {
      removeMatrixFiles();
      console.error(`[matrix] not written: this run wrote no ${relative(process.cwd(), file) || file}`);
      return;
    }
    const written = writeMatrix(run, reportsDir());
    const index = relative(process.cwd(), reportPath('index.html')) || reportPath('index.html');
    const failing = written.changes.changes.filter((c) => c.kind === 'newly-failing').length;
    console.log(
      `[matrix] ${index} (${(written.indexBytes / 1024).toFixed(0)} KiB) in ${written.ms.toFixed(0)} ms; ${written.changes.changes.length} changes since the previous run${failing ? `, ${failing} newly failing` : ''}`,
    );
  } catch (error) {
    // The run's result stands as it is; the matrix says why it is missing.
    console.error(`[matrix] not written: ${(error as Error).message}`);
  }
}
