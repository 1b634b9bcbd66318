// Where benchmark runs live and how one is read or written: <reports>/bench
// (reporting/reportsFolder.ts), one JSON file per run, the previous one kept in
// <reports>/history/ as bench-<name>-<time>.json. The build they time: benches/benchedBuild.ts.
// Every reader reads through readRun, which hands back the current shape (BENCH_RUN_SCHEMA) for a
// kept run of an older version too: the one place an old file's names are mapped.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { archive } from '../../reporting/history.ts';
import { reportPath } from '../../reporting/reportsFolder.ts';
import { writeJsonAtomic } from '../../reporting/writeWhole.ts';
import { BENCH_RUN_SCHEMA, type BenchRun, type PairResult, type SideStats } from './schema.ts';

export function benchReportsDir(): string {
  return reportPath('bench');
}

/** The versions readRun reads: the one written, and 1, whose pairs it renames (pairFromSchema1). */
const READABLE = [1, BENCH_RUN_SCHEMA];

/** A pair as schema 1 wrote it: its sides named `subject` and `baseline`. */
type Schema1Pair = Omit<PairResult, 'measured' | 'reference'> & { subject: SideStats | null; baseline: SideStats | null };

/** A schema 1 pair under the current names: `subject` → `measured`, `baseline` → `reference`. */
function pairFromSchema1({ subject, baseline, ...pair }: Schema1Pair): PairResult {
  return { ...pair, measured: subject, reference: baseline };
}

/**
 * A run written by a runner, in the current shape whatever version wrote it; a file that is not a
 * run, or a run of a version this code does not read, is refused, naming the file (and the version).
 */
export function readRun(path: string): BenchRun {
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const file = (value ?? {}) as { kind?: unknown; schema?: unknown };
  if (file.kind !== 'wasm-compat-bench') throw new Error(`${path} is not a wasm-compat benchmark run`);
  if (file.schema === BENCH_RUN_SCHEMA) return value as BenchRun;
  if (file.schema === 1) {
    const old = value as Omit<BenchRun, 'schema' | 'pairs'> & { pairs: Schema1Pair[] };
    return { ...old, schema: BENCH_RUN_SCHEMA, pairs: old.pairs.map(pairFromSchema1) };
  }
  throw new Error(
    `${path}: benchmark run schema version ${JSON.stringify(file.schema) ?? 'missing'} is not one this wasm-compat reads (${READABLE.join(', ')}); run the benchmarks again with this version, or read it with the wasm-compat that wrote it`,
  );
}

export function readRunIfPresent(path: string): BenchRun | null {
  return existsSync(path) ? readRun(path) : null;
}

/** Writes a run as <dir>/<name>.json, whole, the previous one moved to the history first. */
export function writeBenchRun(dir: string, name: string, run: unknown): void {
  const file = join(dir, `${name}.json`);
  archive(file, `bench-${name}`, '.json');
  writeJsonAtomic(file, run);
}
