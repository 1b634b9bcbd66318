// Earlier runs' reports are kept, not overwritten: before a writer replaces a report (a file or a
// whole folder), the previous one moves to <reports>/history/<kind>-<time><ext>. The last
// HISTORY_LIMIT of each kind are kept (WASM_COMPAT_HISTORY_RUNS=N keeps N), pruned by count.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { reportPath } from './reportsFolder.ts';
import { readSetting } from '../settings/settings.ts';
import { type Environment, environment } from '../settings/environment.ts';

export const HISTORY_LIMIT = 5;
/** How many earlier reports of each kind to keep: HISTORY_LIMIT, or WASM_COMPAT_HISTORY_RUNS (a whole number ≥ 1). */
export function historyLimit(env: Environment = environment()): number {
  return readSetting('historyRuns', env) ?? HISTORY_LIMIT;
}

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
  for (const old of entries.slice(0, Math.max(0, entries.length - historyLimit()))) rmSync(join(dir, old), { recursive: true, force: true });
}
