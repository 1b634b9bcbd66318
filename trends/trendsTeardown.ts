// After a run, between the run's own teardown (compat.json) and the matrix's (which links
// trends.html): the run is appended to the history store and trends.html drawn from the store. A
// global teardown, so no --reporter switches it off. A store that is refused (not ours, damaged,
// newer) is named and left as it is; the run's verdicts stand as they are.
import { existsSync } from 'node:fs';
import { readRun } from '../matrix/readRun.ts';
import { reportPath } from '../reporting/reportsFolder.ts';
import { reportRunId } from '../runner/currentRun.ts';
import { appendAndDraw } from './appendToHistory.ts';
import { suiteRecord } from './suiteRecord.ts';

export default async function trendsTeardown(): Promise<void> {
  const runId = reportRunId();
  const file = reportPath('compat.json');
  if (!runId || !existsSync(file)) return;
  try {
    const { report } = readRun(file);
    // A compat.json this run did not write is not appended as if it were this run.
    if (report.runId !== runId) return;
    const appended = appendAndDraw(suiteRecord(report));
    if (appended) console.log(`[trends] this run ${appended}`);
  } catch (error) {
    console.error(`[trends] not appended: ${(error as Error).message}`);
  }
}
