// The history store's schema, as the migrations that build it: the store's user_version is how many
// of them it has had. A new column or table is a new entry at the end, never an edit of one that
// shipped (a store written by an earlier version is brought up to date, in one transaction, the
// first time this version appends to it). Every table is keyed by what identifies its row, so
// that appending a run twice, or merging a store that already holds it, adds nothing.

/** Written into the file's header (PRAGMA application_id): 'WCMP'. A SQLite file without it is not ours. */
export const STORE_APPLICATION_ID = 0x57434d50;

export const MIGRATIONS: readonly string[] = [
  // 1: runs, the engines each ran on, the outcomes of each probe and Rust test, and measures.
  `
  CREATE TABLE runs (
    run_id TEXT PRIMARY KEY,
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
  CREATE TABLE engines (
    run_id TEXT NOT NULL REFERENCES runs (run_id),
    project TEXT NOT NULL,
    engine TEXT,
    version TEXT,
    status TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (run_id, project)
  ) STRICT;
  CREATE TABLE outcomes (
    run_id TEXT NOT NULL REFERENCES runs (run_id),
    project TEXT NOT NULL,
    item TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (run_id, project, item)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE measures (
    run_id TEXT NOT NULL REFERENCES runs (run_id),
    project TEXT NOT NULL,
    name TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    PRIMARY KEY (run_id, project, name)
  ) STRICT, WITHOUT ROWID;
  `,
];

/** The tables a merge copies, parents first, each with the columns of its key. */
export const STORE_TABLES = [
  { name: 'runs', key: ['run_id'] },
  { name: 'engines', key: ['run_id', 'project'] },
  { name: 'outcomes', key: ['run_id', 'project', 'item'] },
  { name: 'measures', key: ['run_id', 'project', 'name'] },
] as const;
