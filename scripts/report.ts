// npm run report [-- <compat.json>] [--out <folder>]: writes a run's matrix (index.html,
// changes.md, features.json, junit-probes.xml, wpt/) from its stored compat.json. Without
// arguments: the reports folder's compat.json, into the reports folder. An earlier run's file
// (reports/history/compat-*.json) needs --out, so the current page is not replaced by an old one.
// npm run report -- --merge <a.json> <b.json> …: CI's per-engine compat.json files become the
// reports folder's compat.json (the previous one moves to the history), and its matrix; the merged
// run is appended to the history store.
// npm run report -- --history <store.sqlite> [--merge-history <other.sqlite> …] [--append <compat.json> …] [--alerts] [--subject <crate>] [--out <folder>]:
// trends.html (of one subject: the latest suite run's, or --subject's) from a history store that CI kept (an artifact, a cache), after merging other
// machines' stores into it and appending stored runs to it; --alerts adds alerts.md and alerts.json
// (what began failing, confident slowdowns: trends/alerts.ts) for CI to post (docs/trends.md).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeRuns } from '../matrix/mergeRuns.ts';
import { readRun, reportsFolderOf, RunFileError } from '../matrix/readRun.ts';
import { writeMatrix } from '../matrix/writeMatrix.ts';
import { archive } from '../reporting/history.ts';
import { reportPath, reportsDir } from '../reporting/reportsFolder.ts';
import { writeFileAtomic, writeJsonAtomic } from '../reporting/writeWhole.ts';
import { alerts } from '../trends/alerts.ts';
import { appendAndDraw } from '../trends/appendToHistory.ts';
import { HistoryStoreError, openStore } from '../trends/historyStore.ts';
import { suiteRecord } from '../trends/suiteRecord.ts';
import { writeTrends } from '../trends/writeTrends.ts';

const { values, positionals } = parseArgs({
  options: {
    out: { type: 'string' },
    merge: { type: 'boolean' },
    history: { type: 'string' },
    'merge-history': { type: 'string', multiple: true },
    append: { type: 'string', multiple: true },
    alerts: { type: 'boolean' },
    subject: { type: 'string' },
  },
  allowPositionals: true,
});

function history(storeFile: string): void {
  const store = openStore(storeFile);
  try {
    for (const other of values['merge-history'] ?? []) {
      const merged = store.mergeFrom(resolve(other));
      const words = Object.entries(merged.tables).map(
        ([table, t]) =>
          `${table} +${t.added}${t.present ? ` (${t.present} already there)` : ''}${t.conflicting ? `, ${t.conflicting} differing rows kept as this store had them` : ''}`,
      );
      console.log(`merged ${resolve(other)} into ${store.file}: ${words.join('; ')}`);
    }
    for (const file of values.append ?? []) console.log(`${file}: ${store.append(suiteRecord(readRun(file).report))}`);
    const out = values.out ? resolve(values.out) : reportsDir();
    const written = writeTrends(store, out, values.subject);
    console.log(
      `${written.file}: ${written.model.suiteRuns.length} suite runs, ${written.bytes.toLocaleString('en')} bytes, drawn in ${written.ms.toFixed(0)} ms`,
    );
    if (values.alerts) {
      const found = alerts(written.model, written.contents);
      writeFileAtomic(join(out, 'alerts.md'), found.markdown);
      writeJsonAtomic(join(out, 'alerts.json'), { newlyFailing: found.newlyFailing, slowdowns: found.slowdowns });
      console.log(`${join(out, 'alerts.md')}: ${found.newlyFailing.length} newly failing, ${found.slowdowns.length} confident slowdowns`);
    }
  } finally {
    store.close();
  }
}

function main(): void {
  if (values.history) {
    history(resolve(values.history));
    return;
  }
  let file = resolve(positionals[0] ?? reportPath('compat.json'));
  if (values.merge) {
    const merged = mergeRuns(positionals.map((p) => readRun(p)));
    file = reportPath('compat.json');
    archive(file, 'compat', '.json');
    writeJsonAtomic(file, merged);
    console.log(`merged ${positionals.length} runs into ${file}: ${Object.keys(merged.projects).join(', ')}`);
    const appended = appendAndDraw(suiteRecord(merged));
    if (appended) console.log(`the merged run: ${appended}`);
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
  if (!(error instanceof RunFileError) && !(error instanceof HistoryStoreError)) throw error;
  console.error(`npm run report: ${error.message}`);
  process.exit(2);
}
