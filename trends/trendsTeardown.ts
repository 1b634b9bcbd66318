// After a run, between the run's own teardown (compat.json) and the matrix's (which links
// trends.html): the run is appended to the history store and trends.html drawn from the store. A
// global teardown, so no --reporter switches it off. A store that is refused (not ours, damaged,
// newer) is named and left as it is; the run's verdicts stand as they are.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { readRun } from '../matrix/readRun.ts';
import { reportPath, reportsDir } from '../reporting/reportsFolder.ts';
import { reportRunId } from '../runner/currentRun.ts';
import { openStore } from './historyStore.ts';
import { runIdentity } from './runIdentity.ts';
import { suiteRecord } from './suiteRecord.ts';
import { historyStorePath, writeTrends } from './writeTrends.ts';

const APPENDED = { added: 'appended to', extended: 'added to its run in', present: 'already in' } as const;

export default async function trendsTeardown(): Promise<void> {
  const runId = reportRunId();
  const file = reportPath('compat.json');
  const storeFile = historyStorePath();
  if (!runId || !storeFile || !existsSync(file)) return;
  try {
    const { report } = readRun(file);
    // A compat.json this run did not write is not appended as if it were this run.
    if (report.runId !== runId) return;
    const store = openStore(storeFile);
    try {
      const build = report.subject?.build?.git;
      const appended = store.append(suiteRecord(report, runIdentity(report.subject?.path ?? process.cwd(), build ?? {})));
      const written = writeTrends(store, reportsDir());
      const show = (f: string) => relative(process.cwd(), f) || f;
      console.log(
        `[trends] ${show(written.file)} (${written.suiteRuns} runs) in ${written.ms.toFixed(0)} ms; this run ${APPENDED[appended]} ${show(store.file)}`,
      );
    } finally {
      store.close();
    }
  } catch (error) {
    console.error(`[trends] not appended: ${(error as Error).message}`);
  }
}
