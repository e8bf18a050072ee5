/**
 * The scenario library: scenarios stored whole as JSON, each with its own id and timestamps. Every
 * write is one statement or one transaction, so a crash leaves either the old or the new state.
 *
 * A draft is a scenario saved while it still has problems (the editor's work in progress, or an
 * import that did not validate): its body is whatever was written, its problems are kept beside it
 * (migration 5), and `get` does not return it — only `entry` does — so nothing runs on a draft.
 */
import type { Problem } from '../errors.js';
import type { Scenario } from '../scenario/schema.js';
import type { SqliteDatabase } from './database.js';
import { isDraft, type LibraryEntry, type PageRequest, type ScenarioSummary, type StoredDraft, type StoredScenario } from './records.js';

export type { LibraryEntry, ScenarioSummary, StoredDraft, StoredScenario };

/** A draft's library title: its own title when it has one. */
export function draftTitle(body: unknown): string {
  const title = body !== null && typeof body === 'object' ? (body as { title?: unknown }).title : undefined;
  return typeof title === 'string' && title.trim() !== '' ? title : 'Untitled draft';
}

/** Every entry: SQLite's LIMIT −1 has no bound. */
export const wholeList: PageRequest = { limit: -1, offset: 0 };

interface ScenarioRow {
  id: number;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
  run_count: number;
  problems: string | null;
}

const selectColumns = `s.id, s.title, s.body, s.created_at, s.updated_at, s.problems,
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

  /** A complete scenario; undefined for an unknown id and for a draft (see `entry`). */
  get(id: number): StoredScenario | undefined {
    const entry = this.entry(id);
    return entry && !isDraft(entry) ? entry : undefined;
  }

  /** A scenario or a draft. */
  entry(id: number): LibraryEntry | undefined {
    const row = this.database.prepare(`SELECT ${selectColumns} FROM scenarios s WHERE s.id = ?`).get(id) as ScenarioRow | undefined;
    if (!row) return undefined;
    if (row.problems === null) return { ...toSummary(row), scenario: JSON.parse(row.body) as Scenario };
    return { ...toSummary(row), draft: true, scenario: JSON.parse(row.body) as unknown, problems: JSON.parse(row.problems) as Problem[] };
  }

  /** Stores a draft: the body as written and its problems (at least one). */
  createDraft(body: unknown, problems: readonly Problem[], title = draftTitle(body)): StoredDraft {
    const time = this.now();
    const result = this.database
      .prepare('INSERT INTO scenarios (title, body, created_at, updated_at, problems) VALUES (?, ?, ?, ?, ?)')
      .run(title, JSON.stringify(body ?? null), time, time, draftProblems(problems));
    return this.entry(Number(result.lastInsertRowid)) as StoredDraft;
  }

  /** Replaces a scenario or a draft by a draft; undefined when there is no such id. */
  updateDraft(id: number, body: unknown, problems: readonly Problem[], title = draftTitle(body)): StoredDraft | undefined {
    const result = this.database
      .prepare('UPDATE scenarios SET title = ?, body = ?, problems = ?, updated_at = ? WHERE id = ?')
      .run(title, JSON.stringify(body ?? null), draftProblems(problems), this.now(), id);
    return result.changes === 0 ? undefined : (this.entry(id) as StoredDraft);
  }

  create(scenario: Scenario): StoredScenario {
    const time = this.now();
    const result = this.database
      .prepare('INSERT INTO scenarios (title, body, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(scenario.title, JSON.stringify(scenario), time, time);
    return this.get(Number(result.lastInsertRowid))!;
  }

  /** Replaces a scenario (or a draft, which is then complete); undefined when there is no such id. */
  update(id: number, scenario: Scenario): StoredScenario | undefined {
    const result = this.database
      .prepare('UPDATE scenarios SET title = ?, body = ?, problems = NULL, updated_at = ? WHERE id = ?')
      .run(scenario.title, JSON.stringify(scenario), this.now(), id);
    return result.changes === 0 ? undefined : this.get(id);
  }

  /** Renames a scenario: the library title is the scenario's own `title`, so both change together. */
  rename(id: number, title: string): LibraryEntry | undefined {
    return this.database.transaction(() => {
      const stored = this.entry(id);
      if (!stored) return undefined;
      if (!isDraft(stored)) return this.update(id, { ...stored.scenario, title });
      return this.updateDraft(id, withTitle(stored.scenario, title), stored.problems, title);
    })();
  }

  /** A copy, titled "… (copy)"; a draft's copy is a draft. */
  duplicate(id: number): LibraryEntry | undefined {
    return this.database.transaction(() => {
      const stored = this.entry(id);
      if (!stored) return undefined;
      if (!isDraft(stored)) return this.create({ ...stored.scenario, title: `${stored.scenario.title} (copy)` });
      const title = `${stored.title} (copy)`;
      return this.createDraft(withTitle(stored.scenario, title), stored.problems, title);
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
  const summary: ScenarioSummary = { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at, runCount: row.run_count };
  if (row.problems !== null) summary.draft = true;
  return summary;
}

/** A draft always lists why it is one. */
function draftProblems(problems: readonly Problem[]): string {
  return JSON.stringify(problems.length > 0 ? problems : [{ message: 'saved as a draft' }]);
}

/** The body with its title set; a body that is not an object is kept as it is (the library title changes). */
function withTitle(body: unknown, title: string): unknown {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...(body as object), title } : body;
}
