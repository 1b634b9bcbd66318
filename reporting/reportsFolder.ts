// Where every report goes: reports/ at the repository root, or WASM_COMPAT_REPORTS_DIR. Read when
// a writer asks, not when this module loads, so one process (a test, the broken-deployment run)
// can point writers elsewhere. Every writer — compat.json, the Playwright HTML reports, benchmarks,
// sizes, Lighthouse, the Appium run — takes its folder from here.
import { isAbsolute, join, resolve } from 'node:path';

import { PROJECT_ROOT as ROOT } from './projectRoot.ts';
import type { WasmCompatConfig } from '../settings/config.ts';
import { projectConfig, readSetting } from '../settings/settings.ts';
import { type Environment, environment } from '../settings/environment.ts';

/** The reports folder, absolute: WASM_COMPAT_REPORTS_DIR (relative: to the current directory), else wasm-compat.config.ts's reportsDir (to the project), else reports/. */
export function reportsDir(env: Environment = environment(), config: WasmCompatConfig = projectConfig()): string {
  // The environment's is taken from where the command runs; wasm-compat.config.ts's, from the project.
  const set = readSetting('reportsDir', env, {});
  if (set) return isAbsolute(set) ? set : resolve(set);
  return resolve(ROOT, config.reportsDir ?? 'reports');
}

/** A file or folder inside the reports folder, e.g. reportPath('bench', 'node.json'). */
export function reportPath(...parts: string[]): string {
  return join(reportsDir(), ...parts);
}
