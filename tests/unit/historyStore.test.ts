// The history store (trends/historyStore.ts) on real SQLite files: runs appended once however often
// they are offered; two machines' stores merged with no row lost or doubled; appends from two
// processes at once all kept; and every file that is not a store of ours (damaged, truncated,
// another program's database, not SQLite at all, a newer schema) refused by name and left
// byte-for-byte as it was.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { HistoryStoreError, openStore, type RunRecord } from '../../trends/historyStore.ts';
import type { RunIdentity } from '../../trends/runIdentity.ts';
import { suiteRecord } from '../../trends/suiteRecord.ts';
import { storedRun } from '../trends/storedRuns.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wasm-compat-store-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const identity = (machine: string): RunIdentity => ({ commit: 'abc1234', branch: 'main', dirty: false, machine });
const record = (n: number, machine: string): RunRecord => suiteRecord(storedRun(n, machine), identity(machine));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const rowsOf = (r: RunRecord) => ({ runs: 1, engines: r.engines.length, outcomes: r.outcomes.length, measures: r.measures.length });
const sum = (rs: RunRecord[]) =>
  rs
    .map(rowsOf)
    .reduce((a, b) => ({ runs: a.runs + b.runs, engines: a.engines + b.engines, outcomes: a.outcomes + b.outcomes, measures: a.measures + b.measures }));

function storeWith(name: string, records: RunRecord[]): string {
  const file = join(scratch, name);
  const store = openStore(file);
  for (const r of records) assert.equal(store.append(r), 'added');
  store.close();
  return file;
}

test('a run is appended once: offered again, the store says so and changes nothing', () => {
  const records = [1, 2, 3].map((n) => record(n, 'a'));
  const file = storeWith('once.sqlite', records);
  const store = openStore(file);
  assert.deepEqual(store.counts(), sum(records));
  assert.equal(store.append(records[1]!), 'present');
  assert.deepEqual(store.counts(), sum(records));
  // A run that joins another's file brings projects the store lacks: only they are added.
  const joined = record(4, 'a');
  const part = { ...joined, engines: joined.engines.slice(0, 2), outcomes: joined.outcomes.filter((o) => o.project === joined.engines[0]!.project) };
  assert.equal(store.append(part), 'added');
  assert.equal(store.append(joined), 'extended');
  assert.deepEqual(store.counts(), sum([...records, joined]));
  store.close();
});

/** Every row of some records, in words, as a sorted list: what a store holding exactly them reads back. */
const wordsOf = (rs: RunRecord[]) => ({
  outcomes: rs.flatMap((r) => r.outcomes.map((o) => JSON.stringify(o))).sort(),
  measures: rs.flatMap((r) => r.measures.map((m) => JSON.stringify(m))).sort(),
  engines: rs.flatMap((r) => r.engines.map((e) => JSON.stringify(e))).sort(),
});

test("two machines' stores merge into one: every row of both, the run they share once, and merging again adds nothing", () => {
  const a = [1, 2, 3, 4, 5, 6].map((n) => record(n, 'a'));
  // Machine b's store met other names first (a run of its own crate's benchmark), so its names
  // dictionary numbers every name differently from a's: the merge must match rows by their words.
  const first: RunRecord = {
    run: { ...record(1, 'b').run, runId: 'b-bench', kind: 'bench' },
    engines: [],
    outcomes: [],
    measures: ['speedup.only-on-b', 'firefox', 'chromium'].map((name, i) => ({ runId: 'b-bench', project: `p${i}`, name, value: i + 1, unit: 'ratio' })),
  };
  const b = [first, ...[1, 2, 3, 4, 5].map((n) => record(n, 'b')), a[5]!];
  const fileA = storeWith('machine-a.sqlite', a);
  const fileB = storeWith('machine-b.sqlite', b);
  const before = sha(fileB);
  const store = openStore(fileA);
  const merged = store.mergeFrom(fileB);
  const union = [...a, ...b.slice(0, 6)];
  const expected = sum(union);
  assert.deepEqual(store.counts(), expected);
  const read = store.contents();
  assert.deepEqual(
    {
      outcomes: read.outcomes.map((o) => JSON.stringify(o)).sort(),
      measures: read.measures.map((m) => JSON.stringify(m)).sort(),
      engines: read.engines.map((e) => JSON.stringify(e)).sort(),
    },
    wordsOf(union),
    'the merged store reads back exactly the rows of both, in words',
  );
  assert.equal(merged.tables.runs!.added, 6);
  assert.equal(merged.tables.runs!.present, 1);
  assert.equal(merged.tables.outcomes!.conflicting, 0);
  const again = store.mergeFrom(fileB);
  assert.deepEqual(
    Object.values(again.tables).map((t) => t.added),
    [0, 0, 0, 0],
  );
  assert.deepEqual(store.counts(), expected);
  store.close();
  assert.equal(sha(fileB), before, 'the store merged from is only read');
});

test('appends from two processes at once: every run of both is kept', async () => {
  const file = join(scratch, 'concurrent.sqlite');
  openStore(file).close();
  const script = `
    import { openStore } from ${JSON.stringify(new URL('../../trends/historyStore.ts', import.meta.url).href)};
    import { suiteRecord } from ${JSON.stringify(new URL('../../trends/suiteRecord.ts', import.meta.url).href)};
    import { storedRun } from ${JSON.stringify(new URL('../trends/storedRuns.ts', import.meta.url).href)};
    const machine = process.argv.at(-1);
    const store = openStore(${JSON.stringify(file)});
    for (let n = 1; n <= 20; n++) store.append(suiteRecord(storedRun(n, machine), { commit: null, branch: null, dirty: null, machine }));
    store.close();
  `;
  const scriptFile = join(scratch, 'append.mts');
  writeFileSync(scriptFile, script);
  const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
  const run = (machine: string) =>
    new Promise<number | null>((resolve) => {
      const child = spawn(tsx, [scriptFile, machine], { stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('close', resolve);
    });
  assert.deepEqual(await Promise.all([run('left'), run('right')]), [0, 0]);
  const store = openStore(file);
  assert.equal(store.counts().runs, 40);
  store.close();
});

function refused(file: string, message: RegExp): void {
  const before = sha(file);
  const size = statSync(file).size;
  assert.throws(
    () => openStore(file),
    (e: unknown) => e instanceof HistoryStoreError && message.test(e.message) && e.message.includes(file),
  );
  assert.equal(statSync(file).size, size);
  assert.equal(sha(file), before, `${file} must be left as it was`);
}

test('a damaged store is refused, named, and left as it was', () => {
  const file = storeWith(
    'damaged.sqlite',
    [1, 2, 3, 4].map((n) => record(n, 'a')),
  );
  // Garbage over a page in the middle of the file: a b-tree page of the outcomes.
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(1024, 0xa5), 0, 1024, Math.floor(statSync(file).size / 4096 / 2) * 4096);
  closeSync(fd);
  refused(file, /is damaged/);
  assert.throws(() => openStore(join(scratch, 'once.sqlite')).mergeFrom(file), /is damaged/);

  const cut = join(scratch, 'truncated.sqlite');
  copyFileSync(storeWith('whole.sqlite', [record(1, 'a'), record(2, 'a')]), cut);
  truncateSync(cut, Math.floor(statSync(cut).size / 2));
  refused(cut, /is damaged|cannot be opened/);
});

test("another program's SQLite database, a file that is not SQLite, and a newer store's schema are refused, left as they were", () => {
  const foreign = join(scratch, 'foreign.sqlite');
  const db = new DatabaseSync(foreign);
  db.exec("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.org')");
  db.close();
  refused(foreign, /not a wasm-compat history store \(application_id 0x0, tables: bookmarks\)/);

  const text = join(scratch, 'notes.sqlite');
  writeFileSync(text, 'these are my notes, not a database\n');
  refused(text, /not a SQLite database \(it begins "these are my not/);

  const newer = storeWith('newer.sqlite', [record(1, 'a')]);
  const raw = new DatabaseSync(newer);
  raw.exec('PRAGMA user_version = 99');
  raw.close();
  refused(newer, /written by a newer wasm-compat \(store schema 99; this one knows up to 1\)/);
});
