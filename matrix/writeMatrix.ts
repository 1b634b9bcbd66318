// Everything the matrix leaves in a reports folder, from one stored run: features.json,
// junit-probes.xml, wpt/<project>.json, changes.md, and index.html last (it links to the others).
// Each file is written whole; wpt/ is swapped in as one folder. These are derived from compat.json,
// which the history keeps, so `npm run report` can write any earlier run's set again.
import { tierDisagreements } from './tierDisagreements.ts';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../reporting/writeWhole.ts';
import { changesMarkdown, compareRuns, type Changes } from './changes.ts';
import { featuresJson } from './featuresJson.ts';
import { junitProbes } from './junitProbes.ts';
import { buildMatrix, summarize } from './matrixModel.ts';
import { type StoredRun, runsBefore, storedRuns } from './readRun.ts';
import { type ReportLink, renderHtml } from './renderHtml.ts';
import { wptReport } from './wptReport.ts';

/** What writeMatrix leaves in a reports folder, by name. */
export const MATRIX_FILES = ['features.json', 'junit-probes.xml', 'wpt', 'changes.md', 'index.html'] as const;

export interface MatrixWritten {
  /** Paths written, absolute. */
  files: string[];
  indexBytes: number;
  ms: number;
  changes: Changes;
}

/** The other reports, where they are in the folder the page is written to (links are relative). */
function reportLinks(outDir: string): ReportLink[] {
  const links: ReportLink[] = [];
  const add = (href: string, label: string) => existsSync(join(outDir, href)) && links.push({ href, label });
  add('playwright/index.html', 'Playwright report');
  add('playwright-appium/index.html', 'Playwright report (Appium and remote engines)');
  add('trends.html', 'Trends: every run in the history store');
  add('bench/index.html', 'Benchmark charts');
  const listed = (dir: string, pattern: RegExp) =>
    existsSync(join(outDir, dir))
      ? readdirSync(join(outDir, dir))
          .filter((f) => pattern.test(f))
          .sort()
      : [];
  for (const f of listed('lighthouse', /\.report\.html$/)) add(`lighthouse/${f}`, `Lighthouse: ${f.replace(/\.report\.html$/, '')}`);
  for (const f of listed('size', /\.(json|md)$/)) add(`size/${f}`, `Sizes: ${f}`);
  add('changes.md', 'changes.md');
  add('compat.json', 'compat.json');
  add('features.json', 'features.json (webassembly.org shape)');
  add('junit-probes.xml', 'JUnit: one testcase per probe');
  add('junit.xml', 'JUnit: Playwright tests');
  add('wpt', 'wptreport JSON per project');
  add('screenshots', 'Screenshots of this page and the harness');
  return links;
}

/** Writes the matrix of `run` into `outDir`, comparing with the runs stored in `historyFrom` (a reports folder). */
export function writeMatrix(run: StoredRun, outDir: string, historyFrom: string = outDir): MatrixWritten {
  const started = performance.now();
  const { report } = run;
  const files: string[] = [];
  const write = (name: string, data: string) => {
    writeFileAtomic(join(outDir, name), data);
    files.push(join(outDir, name));
  };

  writeJsonAtomic(join(outDir, 'features.json'), featuresJson(report));
  files.push(join(outDir, 'features.json'));
  write('junit-probes.xml', junitProbes(report));

  const staging = join(outDir, `wpt.${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  for (const project of Object.keys(report.projects)) {
    const wpt = wptReport(report, project);
    if (wpt) writeJsonAtomic(join(staging, `${project}.json`), wpt);
  }
  if (existsSync(staging)) {
    rmSync(join(outDir, 'wpt'), { recursive: true, force: true });
    renameSync(staging, join(outDir, 'wpt'));
    files.push(join(outDir, 'wpt'));
  }

  const changes = compareRuns(report, runsBefore(run, storedRuns(historyFrom)));
  const groups = buildMatrix(report);
  const disagreements = tierDisagreements(groups);
  write('changes.md', changesMarkdown(report, changes, disagreements));

  const html = renderHtml({ report, groups, summary: summarize(groups), changes, disagreements, links: reportLinks(outDir) });
  write('index.html', html);
  return { files, indexBytes: Buffer.byteLength(html), ms: performance.now() - started, changes };
}
