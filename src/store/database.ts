/**
 * Opens the SQLite file behind the store: WAL journal (readers never block the writer, and a
 * committed transaction survives the process being killed), foreign keys on, and every pending
 * migration applied before anything else touches the database.
 */
import Database from 'better-sqlite3';
import { latestVersion, migrations } from './migrations.js';

export type SqliteDatabase = Database.Database;

export function openDatabase(file: string): SqliteDatabase {
  const database = new Database(file);
  try {
    database.pragma('journal_mode = WAL');
    // FULL syncs the WAL on every commit, so a save that was answered survives a power cut too.
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    migrate(database);
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}

/** Applies the migrations newer than the file's `user_version`, each atomically. */
export function migrate(database: SqliteDatabase): void {
  const current = schemaVersion(database);
  if (current > latestVersion) {
    throw new Error(`the database has schema version ${current}, newer than this Parley (${latestVersion}): upgrade Parley`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    database.transaction(() => {
      database.exec(migration.sql);
      database.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export function schemaVersion(database: SqliteDatabase): number {
  return Number(database.pragma('user_version', { simple: true }));
}
