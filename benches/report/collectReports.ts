// Everything benchmark runs have left in reports/bench, gathered for summary.md and index.html
// (the A/B checks' ab-*.json are ab.md's: benches/ab/writeAbReports.ts):
// the Node run, each browser project's run, the native run and the crate's own benchmarks per project.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NativeRun } from '../native/schema.ts';
import { readCrateBenchRuns } from '../crate/crateBenchRuns.ts';
import type { CrateBenchRun } from '../crate/schema.ts';
import { browserProjectList } from '../../runner/engines/browserProjects.ts';
import { readRun } from './runFiles.ts';
import type { BenchRun } from './schema.ts';

export interface CollectedReports {
  node: BenchRun | null;
  browsers: BenchRun[];
  native: NativeRun | null;
  /** The crate's #[wasm_bindgen_bench] benchmarks, one run per project (npm run bench:crate). */
  crate: CrateBenchRun[];
}

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

export function collectReports(dir: string): CollectedReports {
  const runs = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json') && f !== 'native.json' && f !== 'gate-rates.json' && !f.startsWith('ab-'))
        .map((f) => {
          try {
            return readRun(join(dir, f));
          } catch (error) {
            // A file someone put here, or a run of another version: left out, but said, so a missing engine has its reason.
            console.warn(`bench report: left out ${f}: ${(error as Error).message}`);
            return null;
          }
        })
        .filter((r): r is BenchRun => r !== null)
    : [];
  // Browser projects in playwright.config.ts order; others found on disk follow, by name.
  const order = browserProjectList().map((p) => p.name);
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
  const browsers = runs.filter((r) => r.project !== 'node').sort((a, b) => rank(a.project) - rank(b.project) || a.project.localeCompare(b.project));
  const node = runs.find((r) => r.project === 'node') ?? null;
  const native = readJson<NativeRun>(join(dir, 'native.json'));
  const crate = readCrateBenchRuns(dir).sort((a, b) => rank(a.project) - rank(b.project) || a.project.localeCompare(b.project));
  return { node, browsers, native: native?.kind === 'wasm-compat-native' ? native : null, crate };
}
