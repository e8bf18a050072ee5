/**
 * Parley's embedded store: one SQLite file holding the scenario library and the run history.
 * A fresh database is seeded once (with the worked example); deleting every scenario later does not
 * bring the seed back.
 */
import type { Scenario } from '../scenario/schema.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { LedgerTable } from './ledger.js';
import { RunTable } from './runs.js';
import { ScenarioTable } from './scenarios.js';

export interface StoreOptions {
  /** Scenarios to put in a database that has never been seeded. */
  seed?: () => Scenario[];
  /** The clock for timestamps (ISO 8601); injectable so tests can fix it. */
  now?: () => string;
}

export interface Store {
  readonly scenarios: ScenarioTable;
  readonly runs: RunTable;
  /** The forecast ledger (sealed answers and their resolutions). */
  readonly ledger: LedgerTable;
  /** `PRAGMA integrity_check`: 'ok' for a sound file. */
  integrityCheck(): string;
  close(): void;
}

export function openStore(file: string, options: StoreOptions = {}): Store {
  const database = openDatabase(file);
  const now = options.now ?? (() => new Date().toISOString());
  const scenarios = new ScenarioTable(database, now);
  const runs = new RunTable(database, now);
  try {
    if (options.seed) seedOnce(database, scenarios, options.seed);
  } catch (error) {
    database.close();
    throw error;
  }
  return {
    scenarios,
    runs,
    ledger: new LedgerTable(database, now),
    integrityCheck: () => String(database.pragma('integrity_check', { simple: true })),
    close: () => database.close(),
  };
}

function seedOnce(database: SqliteDatabase, scenarios: ScenarioTable, seed: () => Scenario[]): void {
  const seeded = database.prepare("SELECT value FROM meta WHERE key = 'seeded'").get();
  if (seeded) return;
  const examples = seed();
  database.transaction(() => {
    for (const scenario of examples) scenarios.create(scenario);
    database.prepare("INSERT INTO meta (key, value) VALUES ('seeded', ?)").run(String(examples.length));
  })();
}
