// Where benchmark runs are read from and written to: <reports>/bench (reporting/reportsFolder.ts).
// The build they time: benches/benchedBuild.ts.
import { reportPath } from '../../reporting/reportsFolder.ts';

export function benchReportsDir(): string {
  return reportPath('bench');
}
