// One run appended to the history store (the suite's teardown, npm run report -- --merge, the
// benchmarks, the A/B checks, Lighthouse, coverage): the store where the settings put it, opened,
// appended to, trends.html drawn again from it into the reports folder, and closed.
import { reportsDir } from '../reporting/reportsFolder.ts';
import { openStore, type RunRecord } from './historyStore.ts';
import { historyStorePath, writeTrends } from './writeTrends.ts';

const APPENDED = { added: 'appended to', extended: 'its rows the run lacked added to', present: 'already in' } as const;

/** What happened, in words; null when the store is off. A refused store throws its HistoryStoreError. */
export function appendAndDraw(record: RunRecord): string | null {
  const file = historyStorePath();
  if (!file) return null;
  const store = openStore(file);
  try {
    const appended = store.append(record);
    const drawn = writeTrends(store, reportsDir());
    return `${APPENDED[appended]} the history store ${store.file}; ${drawn.file} drawn from ${drawn.model.suiteRuns.length} suite runs in ${drawn.ms.toFixed(0)} ms`;
  } finally {
    store.close();
  }
}

/** appendAndDraw for a producer whose own report stands whatever the store does: a refused store is said in words, not thrown. */
export function appendToHistory(record: RunRecord): string {
  try {
    return appendAndDraw(record) ?? 'history store off (WASM_COMPAT_HISTORY_STORE=off)';
  } catch (error) {
    return `not appended to the history store: ${(error as Error).message}`;
  }
}
