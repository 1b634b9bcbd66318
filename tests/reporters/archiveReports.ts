// Global setup: before a run replaces reports/playwright, the previous one moves to
// reports/history/, so an earlier run's report is kept, never overwritten half-way. Keeps the last
// HISTORY_LIMIT runs of each kind.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { FullConfig } from '@playwright/test';

/** Where reports go: reports/, or WASM_COMPAT_REPORTS_DIR (the broken-deployment tests run the suite
 * into a folder of their own, so the real reports and their history stay untouched). */
export const REPORTS_DIR = process.env.WASM_COMPAT_REPORTS_DIR || 'reports';
export const HISTORY_DIR = join(REPORTS_DIR, 'history');
export const HISTORY_LIMIT = 5;

function stamp(path: string): string {
  return statSync(path).mtime.toISOString().replace(/[:.]/g, '-');
}

/** Moves `path` into reports/history as `<kind>-<mtime><ext>` and prunes old entries of that kind. */
export function archive(path: string, kind: string, ext = ''): void {
  if (!existsSync(path)) return;
  mkdirSync(HISTORY_DIR, { recursive: true });
  renameSync(path, join(HISTORY_DIR, `${kind}-${stamp(path)}${ext}`));
  const entries = readdirSync(HISTORY_DIR)
    .filter((f) => f.startsWith(`${kind}-`))
    .sort();
  for (const old of entries.slice(0, Math.max(0, entries.length - HISTORY_LIMIT))) rmSync(join(HISTORY_DIR, old), { recursive: true, force: true });
}

/** Archives the HTML report folder the run's config names (reports/playwright, reports/playwright-appium). */
export default function globalSetup(config: FullConfig): void {
  const html = config.reporter.find(([name]) => name === 'html');
  const folder = (html?.[1] as { outputFolder?: string } | undefined)?.outputFolder ?? join(REPORTS_DIR, 'playwright');
  // The HTML reporter resolves its folder against the config file's directory; so does this.
  archive(config.configFile ? resolve(dirname(config.configFile), folder) : folder, basename(folder));
}
