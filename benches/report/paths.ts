// Where benchmark reports live, relative to the repository root (the npm scripts run from there).
import { resolve } from 'node:path';

export const REPORT_DIR = resolve(process.env.WASM_COMPAT_BENCH_REPORTS ?? 'reports/bench');
export const BASELINE_FILE = resolve('benches/baseline/node.json');
export const PKG_DIR = resolve(process.env.WASM_COMPAT_PKG ?? 'crate/pkg');
