// One producer's run appended to the history store (the benchmarks, the A/B checks, Lighthouse,
// coverage): the store where the settings put it, opened, appended to, trends.html drawn again from
// it into the reports folder, and closed. It says what happened in words for the producer's log, a
// refused store included: a producer's own report stands either way.
import { reportsDir } from '../reporting/reportsFolder.ts';
import { openStore, type RunRecord } from './historyStore.ts';
import { historyStorePath, writeTrends } from './writeTrends.ts';

export function appendToHistory(record: RunRecord): string {
  const file = historyStorePath();
  if (!file) return 'history store off (WASM_COMPAT_HISTORY_STORE=off)';
  try {
    const store = openStore(file);
    try {
      const appended = store.append(record);
      const drawn = writeTrends(store, reportsDir());
      return `${appended} to the history store ${store.file}; ${drawn.file} drawn`;
    } finally {
      store.close();
    }
  } catch (error) {
    return `not appended to the history store: ${(error as Error).message}`;
  }
}
