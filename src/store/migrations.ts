/**
 * The store's schema, as migrations versioned in code. Each migration runs once, in its own
 * transaction, and records its version in SQLite's `user_version`; a database is never downgraded.
 * Add a migration at the end; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'scenarios, runs and a key/value table for store facts',
    sql: `
      CREATE TABLE scenarios (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
        scenario_snapshot TEXT NOT NULL,
        model TEXT NOT NULL,
        preset TEXT,
        options TEXT NOT NULL,
        parley_version TEXT NOT NULL,
        forecast TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX runs_by_scenario ON runs(scenario_id, id);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    description: 'run kinds: a run is a forecast or a Monte Carlo sweep (its SweepResult in `sweep`)',
    sql: `
      ALTER TABLE runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'forecast' CHECK (kind IN ('forecast', 'sweep'));
      ALTER TABLE runs ADD COLUMN sweep TEXT;
    `,
  },
  {
    version: 3,
    description: 'the forecast ledger: sealed answers (never edited, never deleted) and their one resolution each',
    sql: `
      CREATE TABLE ledger_entries (
        id INTEGER PRIMARY KEY,
        sealed_at TEXT NOT NULL,
        scenario_title TEXT NOT NULL,
        scenario_hash TEXT NOT NULL,
        parley_version TEXT NOT NULL,
        issue TEXT NOT NULL,
        scale_min REAL NOT NULL,
        scale_max REAL NOT NULL,
        predictor TEXT NOT NULL,
        forecast REAL NOT NULL,
        quantiles TEXT NOT NULL,
        probabilities TEXT NOT NULL,
        answer TEXT NOT NULL
      );
      CREATE TABLE ledger_resolutions (
        entry_id INTEGER PRIMARY KEY REFERENCES ledger_entries(id),
        outcome REAL NOT NULL,
        resolved_at TEXT NOT NULL
      );
      CREATE TRIGGER ledger_entries_sealed_update BEFORE UPDATE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'ledger entries are sealed: they cannot be edited'); END;
      CREATE TRIGGER ledger_entries_sealed_delete BEFORE DELETE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'ledger entries are sealed: they cannot be deleted'); END;
      CREATE TRIGGER ledger_resolutions_sealed_update BEFORE UPDATE ON ledger_resolutions
        BEGIN SELECT RAISE(ABORT, 'a ledger resolution is final: it cannot be edited'); END;
      CREATE TRIGGER ledger_resolutions_sealed_delete BEFORE DELETE ON ledger_resolutions
        BEGIN SELECT RAISE(ABORT, 'a ledger resolution is final: it cannot be deleted'); END;
    `,
  },
  {
    version: 4,
    description: "the library in title order from an index, so a page of it (LIMIT/OFFSET) reads only that page; each run's digest (outcomes, sweep glance) as JSON of its own, so a list reads no forecast",
    sql: `
      CREATE INDEX scenarios_by_title ON scenarios(title COLLATE NOCASE, id);
      ALTER TABLE runs ADD COLUMN digest TEXT;
    `,
  },
  {
    version: 5,
    description: 'drafts: a scenario saved with problems keeps them (JSON) in `problems`; NULL is a complete scenario',
    sql: `
      ALTER TABLE scenarios ADD COLUMN problems TEXT CHECK (problems IS NULL OR json_valid(problems));
    `,
  },
];

/** The newest schema version this code knows. */
export const latestVersion = migrations.reduce((latest, migration) => Math.max(latest, migration.version), 0);
