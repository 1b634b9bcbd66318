// LCOV tracefiles (what `cargo llvm-cov --lcov` and `llvm-cov export -format=lcov` write): per
// source file, every instrumented line with its hit count, and the function totals. Read by hand:
// the format is a few line prefixes (SF, DA, FNF, FNH, end_of_record), and the npm parsers for it
// are unmaintained or parse into a shape we would map again. A file without one record is refused.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

export interface FileCoverage {
  /** Relative to the crate's folder. */
  file: string;
  lines: { count: number; covered: number };
  functions: { count: number; covered: number };
  /** The lines some test reached, ascending. */
  coveredLines: number[];
}

export interface CoverageSummary {
  lines: { count: number; covered: number };
  functions: { count: number; covered: number };
  files: FileCoverage[];
  /** Tests that failed while coverage was measured (the coverage is still what ran): libtest's and the runner's `test <name> ... FAIL(ED)` lines. */
  failedTests: string[];
}

/** The failed tests a libtest-style output names (cargo test, wasm-bindgen-test-runner). */
export function failedTestsIn(output: string): string[] {
  return [...output.matchAll(/^test (\S+) \.\.\. FAIL(?:ED)?$/gm)].map((m) => m[1]!);
}

/** Parses a tracefile, keeping the files under `crateDir` (the crate's own sources, not its dependencies'). */
export function parseLcov(text: string, crateDir: string, source = 'the tracefile'): CoverageSummary {
  const files = new Map<string, { hits: Map<number, number>; fnf: number; fnh: number }>();
  let current: { hits: Map<number, number>; fnf: number; fnh: number } | null = null;
  let records = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('SF:')) {
      const path = relative(crateDir, line.slice(3));
      current = path.startsWith('..') || path.startsWith('/') ? null : (files.get(path) ?? { hits: new Map(), fnf: 0, fnh: 0 });
      if (current) files.set(path, current);
    } else if (line === 'end_of_record') {
      records++;
      current = null;
    } else if (current && line.startsWith('DA:')) {
      const [n, count] = line.slice(3).split(',').map(Number);
      // The same line in two records (two objects' instantiations of one function): reached if either reached it.
      if (Number.isInteger(n) && Number.isFinite(count)) current.hits.set(n!, Math.max(current.hits.get(n!) ?? 0, count!));
    } else if (current && line.startsWith('FNF:')) current.fnf = Math.max(current.fnf, Number(line.slice(4)));
    else if (current && line.startsWith('FNH:')) current.fnh = Math.max(current.fnh, Number(line.slice(4)));
  }
  if (records === 0) throw new Error(`${source} is not an LCOV tracefile: it has no end_of_record`);
  const out: FileCoverage[] = [...files.entries()]
    .map(([file, f]) => {
      const covered = [...f.hits.entries()].filter(([, c]) => c > 0).map(([n]) => n);
      return {
        file,
        lines: { count: f.hits.size, covered: covered.length },
        functions: { count: f.fnf, covered: f.fnh },
        coveredLines: covered.sort((a, b) => a - b),
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
  const total = (pick: (f: FileCoverage) => { count: number; covered: number }) =>
    out.reduce((t, f) => ({ count: t.count + pick(f).count, covered: t.covered + pick(f).covered }), { count: 0, covered: 0 });
  return { lines: total((f) => f.lines), functions: total((f) => f.functions), files: out, failedTests: [] };
}

export function readLcov(path: string, crateDir: string): CoverageSummary {
  return parseLcov(readFileSync(path, 'utf8'), crateDir, path);
}

/** Covered over count, as a percentage (100 when there is nothing to cover). */
export const percent = (c: { count: number; covered: number }): number => (c.count ? (100 * c.covered) / c.count : 100);

/** Per file, the lines `only` reached and `other` did not (the lines only the browser tests reach). */
export function linesOnlyIn(only: CoverageSummary, other: CoverageSummary): Array<{ file: string; lines: number[] }> {
  return only.files
    .map((f) => {
      const reached = new Set(other.files.find((o) => o.file === f.file)?.coveredLines ?? []);
      return { file: f.file, lines: f.coveredLines.filter((n) => !reached.has(n)) };
    })
    .filter((f) => f.lines.length > 0);
}
