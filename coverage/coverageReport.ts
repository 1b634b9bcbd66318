// reports/coverage/: what the coverage run measured, per scope and per source file, as summary.json
// (for machines) and summary.md (for a CI job summary). Each written whole; the previous pair moves
// to the history first, as every report's does.
import { join } from 'node:path';
import { archive } from '../reporting/history.ts';
import { reportPath } from '../reporting/reportsFolder.ts';
import { writeFileAtomic, writeJsonAtomic } from '../reporting/writeWhole.ts';
import type { CoverageScope } from './coverageRecord.ts';
import { type CoverageSummary, linesOnlyIn, percent } from './lcov.ts';

export interface CoverageReport {
  kind: 'wasm-compat-coverage';
  schema: 1;
  generatedAt: string;
  subject: { name: string; version: string; crateDir: string };
  scopes: Partial<Record<CoverageScope, CoverageSummary>>;
  /** Scopes asked for that could not run, with why. */
  notRun: Partial<Record<CoverageScope, string>>;
}

/** 3, 4, 5, 9 → "3–5, 9". */
function ranges(lines: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    out.push(j > i ? `${lines[i]}–${lines[j]}` : `${lines[i]}`);
    i = j;
  }
  return out.join(', ');
}

const pct = (c: { count: number; covered: number }) => `${percent(c).toFixed(1)}% (${c.covered}/${c.count})`;

export function coverageMarkdown(report: CoverageReport): string {
  const scopes = Object.keys(report.scopes) as CoverageScope[];
  const files = [...new Set(scopes.flatMap((s) => report.scopes[s]!.files.map((f) => f.file)))].sort();
  const lines = [
    `# Line coverage of ${report.subject.name} ${report.subject.version}`,
    '',
    ...scopes.map((s) => `- ${s}: lines ${pct(report.scopes[s]!.lines)}, functions ${pct(report.scopes[s]!.functions)}`),
    ...Object.entries(report.notRun).map(([s, why]) => `- ${s}: not run: ${why}`),
    ...scopes.flatMap((s) =>
      report.scopes[s]!.failedTests.length
        ? [
            `- ${s}: ${report.scopes[s]!.failedTests.length} tests failed while measured (their coverage is of what ran): ${report.scopes[s]!.failedTests.join(', ')}`,
          ]
        : [],
    ),
    '',
    `| file | ${scopes.join(' | ')} |`,
    `|---|${scopes.map(() => '---:').join('|')}|`,
    ...files.map(
      (f) =>
        `| ${f} | ${scopes
          .map((s) => report.scopes[s]!.files.find((x) => x.file === f))
          .map((x) => (x ? pct(x.lines) : '—'))
          .join(' | ')} |`,
    ),
  ];
  const { native, browser } = report.scopes;
  if (native && browser) {
    const only = linesOnlyIn(browser, native);
    lines.push('', '## Lines only the browser tests reach', '');
    if (!only.length) lines.push('None: the native tests reach every line the browser tests reach.');
    for (const f of only) lines.push(`- ${f.file}: ${ranges(f.lines)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function writeCoverageReport(report: CoverageReport): string {
  const dir = reportPath('coverage');
  archive(join(dir, 'summary.json'), 'coverage', '.json');
  writeJsonAtomic(join(dir, 'summary.json'), report);
  writeFileAtomic(join(dir, 'summary.md'), coverageMarkdown(report));
  return dir;
}
