// The history store's schema, as the migrations that build it: the store's user_version is how many
// of them it has had. A new column or table is a new entry at the end, never an edit of one that
// shipped (a store written by an earlier version is brought up to date, in one transaction, the
// first time this version appends to it).
//
// Every string a run repeats (project names, probe and test names, cell kinds and words, measure
// names and units) is kept once, in `names`, and rows refer to it by number: a suite run's few
// hundred outcomes are a few bytes each, not their names again (32 KiB a run before, 2026-12-07).
// Rows are keyed by what identifies them in words (STORE_TABLES' natural keys), so appending a run
// twice, or merging a store that already holds it, adds nothing whatever numbers each file gave.

/** Written into the file's header (PRAGMA application_id): 'WCMP'. A SQLite file without it is not ours. */
export const STORE_APPLICATION_ID = 0x57434d50;

export const MIGRATIONS: readonly string[] = [
  // 1: runs; the names dictionary; the engines each run ran on, the outcome of each probe and Rust test, measures.
  `
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    commit_sha TEXT,
    branch TEXT,
    dirty INTEGER,
    subject TEXT,
    subject_version TEXT,
    machine TEXT,
    wall_ms REAL
  ) STRICT;
  CREATE INDEX runs_at ON runs (at);
  CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
  CREATE TABLE engines (
    run INTEGER NOT NULL REFERENCES runs (id),
    project INTEGER NOT NULL REFERENCES names (id),
    engine TEXT,
    version TEXT,
    status TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (run, project)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE outcomes (
    run INTEGER NOT NULL REFERENCES runs (id),
    project INTEGER NOT NULL REFERENCES names (id),
    item INTEGER NOT NULL REFERENCES names (id),
    kind INTEGER NOT NULL REFERENCES names (id),
    text INTEGER NOT NULL REFERENCES names (id),
    PRIMARY KEY (run, project, item)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE measures (
    run INTEGER NOT NULL REFERENCES runs (id),
    project INTEGER NOT NULL REFERENCES names (id),
    name INTEGER NOT NULL REFERENCES names (id),
    value REAL NOT NULL,
    unit INTEGER NOT NULL REFERENCES names (id),
    PRIMARY KEY (run, project, name)
  ) STRICT, WITHOUT ROWID;
  `,
];

export interface StoreTable {
  name: 'runs' | 'engines' | 'outcomes' | 'measures';
  /** The table's rows in words (names, not numbers), in database `db` ('main' or an attached one): what a merge compares and a reader reads. */
  inWords(db: string): string;
  /** Copies the rows of `from`'s table that `main` lacks, their names looked up in main's dictionary (filled first). */
  copy(from: string): string;
}

const RUN_COLUMNS = 'run_id, kind, at, commit_sha, branch, dirty, subject, subject_version, machine, wall_ms';

/** The row tables, parents first; `names` is filled before them and holds no rows of its own to count. */
export const STORE_TABLES: readonly StoreTable[] = [
  {
    name: 'runs',
    inWords: (db) => `SELECT ${RUN_COLUMNS} FROM ${db}.runs`,
    copy: (from) => `INSERT OR IGNORE INTO main.runs (${RUN_COLUMNS}) SELECT ${RUN_COLUMNS} FROM ${from}.runs`,
  },
  {
    name: 'engines',
    inWords: (db) =>
      `SELECT r.run_id, p.name AS project, e.engine, e.version, e.status, e.reason FROM ${db}.engines e JOIN ${db}.runs r ON r.id = e.run JOIN ${db}.names p ON p.id = e.project`,
    copy: (from) =>
      `INSERT OR IGNORE INTO main.engines (run, project, engine, version, status, reason)
       SELECT r.id, p.id, w.engine, w.version, w.status, w.reason FROM (${STORE_TABLES[1]!.inWords(from)}) w
       JOIN main.runs r ON r.run_id = w.run_id JOIN main.names p ON p.name = w.project`,
  },
  {
    name: 'outcomes',
    inWords: (db) =>
      `SELECT r.run_id, p.name AS project, i.name AS item, k.name AS kind, t.name AS text FROM ${db}.outcomes o JOIN ${db}.runs r ON r.id = o.run
       JOIN ${db}.names p ON p.id = o.project JOIN ${db}.names i ON i.id = o.item JOIN ${db}.names k ON k.id = o.kind JOIN ${db}.names t ON t.id = o.text`,
    copy: (from) =>
      `INSERT OR IGNORE INTO main.outcomes (run, project, item, kind, text)
       SELECT r.id, p.id, i.id, k.id, t.id FROM (${STORE_TABLES[2]!.inWords(from)}) w JOIN main.runs r ON r.run_id = w.run_id
       JOIN main.names p ON p.name = w.project JOIN main.names i ON i.name = w.item JOIN main.names k ON k.name = w.kind JOIN main.names t ON t.name = w.text`,
  },
  {
    name: 'measures',
    inWords: (db) =>
      `SELECT r.run_id, p.name AS project, n.name AS name, m.value, u.name AS unit FROM ${db}.measures m JOIN ${db}.runs r ON r.id = m.run
       JOIN ${db}.names p ON p.id = m.project JOIN ${db}.names n ON n.id = m.name JOIN ${db}.names u ON u.id = m.unit`,
    copy: (from) =>
      `INSERT OR IGNORE INTO main.measures (run, project, name, value, unit)
       SELECT r.id, p.id, n.id, w.value, u.id FROM (${STORE_TABLES[3]!.inWords(from)}) w JOIN main.runs r ON r.run_id = w.run_id
       JOIN main.names p ON p.name = w.project JOIN main.names n ON n.name = w.name JOIN main.names u ON u.name = w.unit`,
  },
];
