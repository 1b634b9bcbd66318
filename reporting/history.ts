// Earlier runs' reports are kept, not overwritten: before a writer replaces a report (a file or a
// whole folder), the previous one moves to <reports>/history/<kind>-<time><ext>. The last
// HISTORY_LIMIT of each kind are kept.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { reportPath } from './reportsFolder.ts';

export const HISTORY_LIMIT = 5;

export function historyDir(): string {
  return reportPath('history');
}

function stamp(path: string): string {
  return statSync(path).mtime.toISOString().replace(/[:.]/g, '-');
}

/** Moves `path` into the history as `<kind>-<mtime><ext>` and prunes old entries of that kind. */
export function archive(path: string, kind: string, ext = ''): void {
  if (!existsSync(path)) return;
  const dir = historyDir();
  mkdirSync(dir, { recursive: true });
  renameSync(path, join(dir, `${kind}-${stamp(path)}${ext}`));
  const entries = readdirSync(dir)
    .filter((f) => f.startsWith(`${kind}-`))
    .sort();
  for (const old of entries.slice(0, Math.max(0, entries.length - HISTORY_LIMIT))) rmSync(join(dir, old), { recursive: true, force: true });
}
