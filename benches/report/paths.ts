// Where benchmark runs are read from and written to: <reports>/bench (reporting/reportsFolder.ts),
// and the committed baseline. The build they time: benches/benchedBuild.ts.
import { resolve } from 'node:path';
import { reportPath } from '../../reporting/reportsFolder.ts';

export const BASELINE_FILE = resolve('benches/baseline/node.json');

export function benchReportsDir(): string {
  return reportPath('bench');
}
