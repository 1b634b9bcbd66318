// npm run report [-- <compat.json>] [--out <folder>]: writes a run's matrix (index.html,
// changes.md, features.json, junit-probes.xml, wpt/) from its stored compat.json. Without
// arguments: the reports folder's compat.json, into the reports folder. An earlier run's file
// (reports/history/compat-*.json) needs --out, so the current page is not replaced by an old one.
// npm run report -- --merge <a.json> <b.json> …: CI's per-engine compat.json files become the
// reports folder's compat.json (the previous one moves to the history), and its matrix.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeRuns } from '../matrix/mergeRuns.ts';
import { readRun, reportsFolderOf, RunFileError } from '../matrix/readRun.ts';
import { writeMatrix } from '../matrix/writeMatrix.ts';
import { archive } from '../reporting/history.ts';
import { reportPath, reportsDir } from '../reporting/reportsFolder.ts';
import { writeJsonAtomic } from '../reporting/writeWhole.ts';

const { values, positionals } = parseArgs({ options: { out: { type: 'string' }, merge: { type: 'boolean' } }, allowPositionals: true });

function main(): void {
  let file = resolve(positionals[0] ?? reportPath('compat.json'));
  if (values.merge) {
    const merged = mergeRuns(positionals.map((p) => readRun(p)));
    file = reportPath('compat.json');
    archive(file, 'compat', '.json');
    writeJsonAtomic(file, merged);
    console.log(`merged ${positionals.length} runs into ${file}: ${Object.keys(merged.projects).join(', ')}`);
  }
  const current = file === reportPath('compat.json');
  if (!current && !values.out) {
    throw new RunFileError(
      `${file} is not the current run's compat.json; name the folder to write its page into with --out <folder> (writing it into the reports folder would replace the current run's page)`,
    );
  }
  const out = values.out ? resolve(values.out) : reportsDir();
  const written = writeMatrix(readRun(file), out, reportsFolderOf(file));
  for (const f of written.files) console.log(f);
  console.log(
    `index.html: ${written.indexBytes.toLocaleString('en')} bytes, written in ${written.ms.toFixed(0)} ms; ${written.changes.changes.length} changes since the previous run`,
  );
}

try {
  main();
} catch (error) {
  if (!(error instanceof RunFileError)) throw error;
  console.error(`npm run report: ${error.message}`);
  process.exit(2);
}
