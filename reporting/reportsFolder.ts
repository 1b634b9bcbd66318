// Where every report goes: reports/ at the repository root, or WASM_COMPAT_REPORTS_DIR. Read when
// a writer asks, not when this module loads, so one process (a test, the broken-deployment run)
// can point writers elsewhere. Every writer — compat.json, the Playwright HTML reports, benchmarks,
// sizes, Lighthouse, the Appium run — takes its folder from here.
import { isAbsolute, join, resolve } from 'node:path';

import { PROJECT_ROOT as ROOT } from './projectRoot.ts';
import { readSetting } from '../settings/settings.ts';

/** The reports folder, absolute. A relative WASM_COMPAT_REPORTS_DIR is taken from the current directory. */
export function reportsDir(env: NodeJS.ProcessEnv = process.env): string {
  const set = readSetting('reportsDir', env);
  if (set) return isAbsolute(set) ? set : resolve(set);
  return join(ROOT, 'reports');
}

/** A file or folder inside the reports folder, e.g. reportPath('bench', 'node.json'). */
export function reportPath(...parts: string[]): string {
  return join(reportsDir(), ...parts);
}
