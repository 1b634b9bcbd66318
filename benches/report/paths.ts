// Where benchmark runs are read from and written to: <reports>/bench (reporting/reportsFolder.ts),
// the committed baseline, and the crate build they time.
import { resolve } from 'node:path';
import { reportPath } from '../../reporting/reportsFolder.ts';

export const BASELINE_FILE = resolve('benches/baseline/node.json');
export const PKG_DIR = resolve(process.env.WASM_COMPAT_PKG ?? 'crate/pkg');

export function benchReportsDir(): string {
  return reportPath('bench');
}
