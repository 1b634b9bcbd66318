// One producer's run appended to the history store (the benchmarks, Lighthouse, coverage): the
// store where the settings put it, opened, appended to and closed. It says what happened in words
// for the producer's log, a refused store included: a producer's own report stands either way.
import { openStore, type RunRecord } from './historyStore.ts';
import { historyStorePath } from './writeTrends.ts';

export function appendToHistory(record: RunRecord): string {
  const file = historyStorePath();
  if (!file) return 'history store off (WASM_COMPAT_HISTORY_STORE=off)';
  try {
    const store = openStore(file);
    try {
      return `${store.append(record)} to the history store ${store.file}`;
    } finally {
      store.close();
    }
  } catch (error) {
    return `not appended to the history store: ${(error as Error).message}`;
  }
}
