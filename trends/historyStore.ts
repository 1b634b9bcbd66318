// The history store: one SQLite file (node:sqlite) that every run, benchmark, Lighthouse run and
// coverage measurement appends to, and that trends.html is drawn from. A file that is not ours is
// never written to: before the first write, its header must be SQLite's, its application_id ours
// (or the file new), its schema no newer than this code's migrations, and SQLite's own
// quick_check clean; anything else is a HistoryStoreError naming the file and what is wrong.
//
// Appends from several processes at once (shards, CI jobs on one machine, a benchmark beside a run)
// each take SQLite's write lock for one transaction (BEGIN IMMEDIATE) and wait up to
// BUSY_TIMEOUT_MS for it, so none is lost; a run already in the store (its id) adds nothing, so
// none is doubled. The journal is SQLite's default rollback journal, not WAL: the store stays one
// self-contained file that CI can keep as an artifact or cache.
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { MIGRATIONS, STORE_APPLICATION_ID, STORE_TABLES, type StoreTable } from './storeMigrations.ts';

export class HistoryStoreError extends Error {}

/** How long an append waits for another process's append to finish. */
export const BUSY_TIMEOUT_MS = 30_000;

const SQLITE_HEADER = 'SQLite format 3\0';

export interface RunRow {
  /** What identifies the run: compat.json's runId, or the producer's own (bench-<project>-<startedAt>). */
  runId: string;
  /** What kind of run: 'suite', 'bench', 'bench-ab', 'crate-bench', 'lighthouse', 'coverage' (trendsModel.ts's MEASURE_KINDS). */
  kind: string;
  /** When it finished (ISO 8601). */
  at: string;
  commit: string | null;
  branch: string | null;
  dirty: boolean | null;
  subject: string | null;
  subjectVersion: string | null;
  /** The machine it ran on, as the producer names it (platform-arch, and CI's runner name where there is one). */
  machine: string | null;
  wallMs: number | null;
}

export interface EngineRow {
  runId: string;
  project: string;
  engine: string | null;
  version: string | null;
  status: string;
  reason: string | null;
}

export interface OutcomeRow {
  runId: string;
  project: string;
  /** The probe or Rust test, named as the matrix's changes name it (matrix/changes.ts). */
  item: string;
  /** The matrix's cell kind (matrix/matrixModel.ts). */
  kind: string;
  text: string;
}

export interface MeasureRow {
  runId: string;
  /** The project it was measured in, or '' for the run as a whole (the module's size, the run's wall time). */
  project: string;
  /** What was measured, e.g. 'size.wasm.brotli', 'speedup.math.sieve', 'lighthouse.site.mobile.performance'. */
  name: string;
  value: number;
  unit: string;
}

/** One run as the store keeps it. */
export interface RunRecord {
  run: RunRow;
  engines: EngineRow[];
  outcomes: OutcomeRow[];
  measures: MeasureRow[];
}

export interface StoreContents {
  runs: RunRow[];
  engines: EngineRow[];
  outcomes: OutcomeRow[];
  measures: MeasureRow[];
}

export interface MergeResult {
  /** Per table: rows added, rows the store already held identically, rows whose key it held with other values (the store's kept). */
  tables: Record<string, { added: number; present: number; conflicting: number }>;
}

/** Refuses a file that is not a SQLite database before SQLite opens it (SQLite would say only "file is not a database", later). */
function checkHeader(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(16);
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== SQLITE_HEADER)
    throw new HistoryStoreError(
      `${file} is not a history store: it is not a SQLite database (it begins ${JSON.stringify(head.toString('latin1').replace(/\0/g, '\\0'))}); left as it is`,
    );
}

/** The first column of a query's first row: from SQL text on `db`, or from a prepared statement with its parameters. */
function one<T>(source: DatabaseSync | StatementSync, sqlOrParam?: string | number): T {
  const row = source instanceof DatabaseSync ? source.prepare(String(sqlOrParam)).get() : sqlOrParam === undefined ? source.get() : source.get(sqlOrParam);
  return Object.values(row ?? {})[0] as T;
}

/** The checks every file passes before anything is written to it; throws HistoryStoreError. */
function checkStore(db: DatabaseSync, file: string): { fresh: boolean; version: number } {
  let problems: string[];
  try {
    problems = db
      .prepare('PRAGMA quick_check(5)')
      .all()
      .map((r) => String(Object.values(r)[0]));
  } catch (error) {
    const message = (error as Error).message;
    if (/locked|busy/i.test(message))
      throw new HistoryStoreError(`${file} is busy: another process held it for ${BUSY_TIMEOUT_MS / 1000} s (${message}); nothing was written`);
    throw new HistoryStoreError(`${file} is damaged: SQLite cannot read it (${message}); left as it is`);
  }
  if (problems.length !== 1 || problems[0] !== 'ok')
    throw new HistoryStoreError(`${file} is damaged: SQLite's quick_check found ${problems.join('; ')}; left as it is`);
  const applicationId = one<number>(db, 'PRAGMA application_id');
  const version = one<number>(db, 'PRAGMA user_version');
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => String(r.name));
  const fresh = applicationId === 0 && version === 0 && tables.length === 0;
  if (!fresh && applicationId !== STORE_APPLICATION_ID)
    throw new HistoryStoreError(
      `${file} is a SQLite database but not a wasm-compat history store (application_id 0x${applicationId.toString(16)}, tables: ${tables.join(', ') || 'none'}); left as it is`,
    );
  if (version > MIGRATIONS.length)
    throw new HistoryStoreError(
      `${file} was written by a newer wasm-compat (store schema ${version}; this one knows up to ${MIGRATIONS.length}); left as it is: update wasm-compat, or name another store`,
    );
  return { fresh, version };
}

/** Opens (or creates) the store at `file`, checked and brought up to this code's schema. */
export function openStore(file: string, options: { readOnly?: boolean } = {}): HistoryStore {
  const path = resolve(file);
  checkHeader(path);
  if (options.readOnly && !existsSync(path)) throw new HistoryStoreError(`${path}: there is no history store there`);
  if (!options.readOnly) mkdirSync(dirname(path), { recursive: true });
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly: options.readOnly ?? false, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new HistoryStoreError(`${path} cannot be opened as a history store: ${(error as Error).message}`);
  }
  try {
    const { version } = checkStore(db, path);
    if (options.readOnly) {
      if (version < MIGRATIONS.length)
        throw new HistoryStoreError(
          `${path} has store schema ${version}, older than this code's ${MIGRATIONS.length}: append to it once (npm run report -- --history) to bring it up to date`,
        );
    } else {
      db.exec('PRAGMA foreign_keys = ON');
      migrate(db);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return new HistoryStore(db, path);
}

function migrate(db: DatabaseSync): void {
  if (one<number>(db, 'PRAGMA user_version') === MIGRATIONS.length) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    // Read again under the write lock: another process may have migrated it meanwhile.
    const version = one<number>(db, 'PRAGMA user_version');
    for (const sql of MIGRATIONS.slice(version)) db.exec(sql);
    db.exec(`PRAGMA application_id = ${STORE_APPLICATION_ID}`);
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

const bool = (v: unknown) => (v === null || v === undefined ? null : Boolean(v));

export class HistoryStore {
  constructor(
    private readonly db: DatabaseSync,
    readonly file: string,
  ) {}

  /**
   * Appends one run in one transaction: 'added'; 'extended' when a run of that id was there and
   * this record brings rows it lacked (a run that joins another's file, a shard of the same run),
   * which are added and nothing else changed; 'present' when the store held all of it.
   */
  append(record: RunRecord): 'added' | 'extended' | 'present' {
    const { db } = this;
    db.exec('BEGIN IMMEDIATE');
    try {
      const r = record.run;
      const known = db.prepare('SELECT 1 FROM runs WHERE run_id = ?').get(r.runId) !== undefined;
      if (!known)
        db.prepare(
          'INSERT INTO runs (run_id, kind, at, commit_sha, branch, dirty, subject, subject_version, machine, wall_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(r.runId, r.kind, r.at, r.commit, r.branch, r.dirty === null ? null : Number(r.dirty), r.subject, r.subjectVersion, r.machine, r.wallMs);
      const run = Number(one<number>(db.prepare('SELECT id FROM runs WHERE run_id = ?'), r.runId));
      const name = this.namer();
      let rows = 0;
      const engine = db.prepare('INSERT OR IGNORE INTO engines (run, project, engine, version, status, reason) VALUES (?, ?, ?, ?, ?, ?)');
      for (const e of record.engines) rows += Number(engine.run(run, name(e.project), e.engine, e.version, e.status, e.reason).changes);
      const outcome = db.prepare('INSERT OR IGNORE INTO outcomes (run, project, item, kind, text) VALUES (?, ?, ?, ?, ?)');
      for (const o of record.outcomes) rows += Number(outcome.run(run, name(o.project), name(o.item), name(o.kind), name(o.text)).changes);
      const measure = db.prepare('INSERT OR IGNORE INTO measures (run, project, name, value, unit) VALUES (?, ?, ?, ?, ?)');
      for (const m of record.measures)
        if (Number.isFinite(m.value)) rows += Number(measure.run(run, name(m.project), name(m.name), m.value, name(m.unit)).changes);
      db.exec('COMMIT');
      return !known ? 'added' : rows > 0 ? 'extended' : 'present';
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  /** A string's number in the names dictionary, added when new; remembered for one append. */
  private namer(): (text: string) => number {
    const add = this.db.prepare('INSERT OR IGNORE INTO names (name) VALUES (?)');
    const find = this.db.prepare('SELECT id FROM names WHERE name = ?');
    const seen = new Map<string, number>();
    return (text) => {
      let id = seen.get(text);
      if (id === undefined) {
        add.run(text);
        id = Number(one<number>(find, text));
        seen.set(text, id);
      }
      return id;
    };
  }

  /** Everything in the store, in words; runs oldest first. */
  contents(): StoreContents {
    const rows = (table: StoreTable['name'], order = '') =>
      this.db.prepare(`${STORE_TABLES.find((t) => t.name === table)!.inWords('main')}${order}`).all() as Record<string, unknown>[];
    return {
      runs: rows('runs', ' ORDER BY at, run_id').map((r) => ({
        runId: String(r.run_id),
        kind: String(r.kind),
        at: String(r.at),
        commit: r.commit_sha as string | null,
        branch: r.branch as string | null,
        dirty: bool(r.dirty),
        subject: r.subject as string | null,
        subjectVersion: r.subject_version as string | null,
        machine: r.machine as string | null,
        wallMs: r.wall_ms as number | null,
      })),
      engines: rows('engines').map((r) => ({
        runId: String(r.run_id),
        project: String(r.project),
        engine: r.engine as string | null,
        version: r.version as string | null,
        status: String(r.status),
        reason: r.reason as string | null,
      })),
      outcomes: rows('outcomes').map((r) => ({
        runId: String(r.run_id),
        project: String(r.project),
        item: String(r.item),
        kind: String(r.kind),
        text: String(r.text),
      })),
      measures: rows('measures').map((r) => ({
        runId: String(r.run_id),
        project: String(r.project),
        name: String(r.name),
        value: Number(r.value),
        unit: String(r.unit),
      })),
    };
  }

  /** Rows per table (the names dictionary is not counted: it holds no rows of a run). */
  counts(): Record<StoreTable['name'], number> {
    return Object.fromEntries(STORE_TABLES.map((t) => [t.name, Number(one<number>(this.db.prepare(`SELECT count(*) FROM main.${t.name}`)))])) as Record<
      StoreTable['name'],
      number
    >;
  }

  /**
   * Copies every row of another store that this one lacks, in one transaction, matched by what the
   * row says (its run's id, its project, its item's name), not by the numbers either file gave it.
   * The other store is checked as this one was (refused, untouched, when it is not a history store)
   * and only read.
   */
  mergeFrom(otherFile: string): MergeResult {
    const other = openStore(otherFile, { readOnly: true });
    other.close();
    const { db } = this;
    db.prepare('ATTACH DATABASE ? AS other').run(resolve(otherFile));
    const tables: MergeResult['tables'] = {};
    const count = (sql: string) => Number(one<number>(db.prepare(`SELECT count(*) FROM (${sql})`)));
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        db.exec('INSERT OR IGNORE INTO main.names (name) SELECT name FROM other.names');
        for (const table of STORE_TABLES) {
          const offered = count(table.inWords('other'));
          const before = count(table.inWords('main'));
          db.exec(table.copy('other'));
          const added = count(table.inWords('main')) - before;
          const conflicting = count(`${table.inWords('other')} EXCEPT ${table.inWords('main')}`);
          tables[table.name] = { added, present: offered - added - conflicting, conflicting };
        }
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      db.exec('DETACH DATABASE other');
    }
    return { tables };
  }

  close(): void {
    this.db.close();
  }
}
