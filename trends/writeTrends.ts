// Where the history store is, and trends.html drawn from it into a reports folder (written whole).
import { join, resolve } from 'node:path';
import { reportPath } from '../reporting/reportsFolder.ts';
import { writeFileAtomic } from '../reporting/writeWhole.ts';
import { type Environment, environment } from '../settings/environment.ts';
import { readSetting } from '../settings/settings.ts';
import { type HistoryStore, HistoryStoreError, type StoreContents } from './historyStore.ts';
import { renderTrends } from './renderTrends.ts';
import { type TrendsModel, trendsModel } from './trendsModel.ts';

/** The store every producer appends to: WASM_COMPAT_HISTORY_STORE (or the config's historyStore), else <reports>/history.sqlite; null when 'off'. */
export function historyStorePath(env: Environment = environment()): string | null {
  const set = readSetting('historyStore', env);
  if (set === 'off') return null;
  return set ? resolve(set) : reportPath('history.sqlite');
}

export interface TrendsWritten {
  file: string;
  bytes: number;
  ms: number;
  /** What the page drew, and the store's rows it drew it from (CI's alerts read both). */
  model: TrendsModel;
  contents: StoreContents;
}

/** trends.html of `subject`'s runs (by default the latest suite run's subject) into `outDir`. */
export function writeTrends(store: HistoryStore, outDir: string, subject?: string): TrendsWritten {
  const started = performance.now();
  const contents = store.contents();
  if (subject !== undefined && !contents.runs.some((r) => r.subject === subject))
    throw new HistoryStoreError(
      `${store.file} holds no run of ${subject} (it holds ${[...new Set(contents.runs.map((r) => r.subject ?? 'no subject'))].join(', ') || 'no runs'})`,
    );
  const model = trendsModel(contents, subject);
  const html = renderTrends(model, store.file);
  const file = join(outDir, 'trends.html');
  writeFileAtomic(file, html);
  return { file, bytes: Buffer.byteLength(html), ms: performance.now() - started, model, contents };
}
