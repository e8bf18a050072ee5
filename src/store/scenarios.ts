/**
 * The scenario library: scenarios stored whole as JSON, each with its own id and timestamps. Every
 * write is one statement or one transaction, so a crash leaves either the old or the new state.
 */
import type { Scenario } from '../scenario/schema.js';
import type { SqliteDatabase } from './database.js';
import type { PageRequest, ScenarioSummary, StoredScenario } from './records.js';

export type { ScenarioSummary, StoredScenario };

/** Every entry: SQLite's LIMIT −1 has no bound. */
export const wholeList: PageRequest = { limit: -1, offset: 0 };

interface ScenarioRow {
  id: number;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
  run_count: number;
}

const selectColumns = `s.id, s.title, s.body, s.created_at, s.updated_at,
  (SELECT COUNT(*) FROM runs r WHERE r.scenario_id = s.id) AS run_count`;

export class ScenarioTable {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  /** The library by title (then id), one page of it (LIMIT/OFFSET, on the title index of migration 4). */
  list(page: PageRequest = wholeList): ScenarioSummary[] {
    const rows = this.database
      .prepare(`SELECT ${selectColumns} FROM scenarios s ORDER BY s.title COLLATE NOCASE, s.id LIMIT ? OFFSET ?`)
      .all(page.limit, page.offset) as ScenarioRow[];
    return rows.map(toSummary);
  }

  get(id: number): StoredScenario | undefined {
    const row = this.database.prepare(`SELECT ${selectColumns} FROM scenarios s WHERE s.id = ?`).get(id) as ScenarioRow | undefined;
    return row && { ...toSummary(row), scenario: JSON.parse(row.body) as Scenario };
  }

  create(scenario: Scenario): StoredScenario {
    const time = this.now();
    const result = this.database
      .prepare('INSERT INTO scenarios (title, body, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(scenario.title, JSON.stringify(scenario), time, time);
    return this.get(Number(result.lastInsertRowid))!;
  }

  /** Replaces a scenario; undefined when there is no such id. */
  update(id: number, scenario: Scenario): StoredScenario | undefined {
    const result = this.database
      .prepare('UPDATE scenarios SET title = ?, body = ?, updated_at = ? WHERE id = ?')
      .run(scenario.title, JSON.stringify(scenario), this.now(), id);
    return result.changes === 0 ? undefined : this.get(id);
  }

  /** Renames a scenario: the library title is the scenario's own `title`, so both change together. */
  rename(id: number, title: string): StoredScenario | undefined {
    return this.database.transaction(() => {
      const stored = this.get(id);
      return stored && this.update(id, { ...stored.scenario, title });
    })();
  }

  duplicate(id: number): StoredScenario | undefined {
    return this.database.transaction(() => {
      const stored = this.get(id);
      return stored && this.create({ ...stored.scenario, title: `${stored.scenario.title} (copy)` });
    })();
  }

  /** Deletes a scenario and its run history; false when there is no such id. */
  delete(id: number): boolean {
    return this.database.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
  }

  count(): number {
    return Number((this.database.prepare('SELECT COUNT(*) AS n FROM scenarios').get() as { n: number }).n);
  }
}

function toSummary(row: ScenarioRow): ScenarioSummary {
  return { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at, runCount: row.run_count };
}
