/**
 * The forecast ledger: each entry seals one issue's answer (the scenario's content hash, the Parley
 * version, the date, the forecast, its quantiles and every probability) so it can be scored once the
 * outcome is known. Entries are never edited or deleted, and each gets one resolution: SQLite triggers
 * refuse any UPDATE or DELETE (migration 3), so the refusal holds for every client of the file.
 */
import type { AnswerProbability } from '../analysis/answer/answer.js';
import { InputError } from '../errors.js';
import type { SqliteDatabase } from './database.js';
import type { PageRequest } from './records.js';

/** A probability as the answer gave it and the entry sealed it. */
export type SealedProbability = AnswerProbability;

export interface NewLedgerEntry {
  scenarioTitle: string;
  scenarioHash: string;
  parleyVersion: string;
  issue: string;
  scale: { min: number; max: number };
  predictor: string;
  forecast: number;
  /** The predictor's outcome quantiles at τ_k = k/(K+1) (the ledger seals K = 99). */
  quantiles: number[];
  probabilities: SealedProbability[];
  /** The whole issue answer as it was printed. */
  answer: unknown;
}

export interface LedgerEntry extends NewLedgerEntry {
  id: number;
  sealedAt: string;
  resolution?: { outcome: number; resolvedAt: string };
}

interface EntryRow {
  id: number;
  sealed_at: string;
  scenario_title: string;
  scenario_hash: string;
  parley_version: string;
  issue: string;
  scale_min: number;
  scale_max: number;
  predictor: string;
  forecast: number;
  quantiles: string;
  probabilities: string;
  answer: string;
  outcome: number | null;
  resolved_at: string | null;
}

const selectEntries = `SELECT e.*, r.outcome, r.resolved_at FROM ledger_entries e LEFT JOIN ledger_resolutions r ON r.entry_id = e.id`;

export class LedgerTable {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  /** Seals entries, all or none (one transaction). */
  add(entries: readonly NewLedgerEntry[]): LedgerEntry[] {
    const insert = this.database.prepare(
      `INSERT INTO ledger_entries (sealed_at, scenario_title, scenario_hash, parley_version, issue, scale_min, scale_max, predictor, forecast, quantiles, probabilities, answer)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const sealedAt = this.now();
    const ids = this.database.transaction(() =>
      entries.map((entry) =>
        Number(
          insert.run(sealedAt, entry.scenarioTitle, entry.scenarioHash, entry.parleyVersion, entry.issue, entry.scale.min, entry.scale.max, entry.predictor, entry.forecast, JSON.stringify(entry.quantiles), JSON.stringify(entry.probabilities), JSON.stringify(entry.answer)).lastInsertRowid,
        ),
      ),
    )();
    return ids.map((id) => this.get(id)!);
  }

  get(id: number): LedgerEntry | undefined {
    const row = this.database.prepare(`${selectEntries} WHERE e.id = ?`).get(id) as EntryRow | undefined;
    return row && toEntry(row);
  }

  list(): LedgerEntry[] {
    return (this.database.prepare(`${selectEntries} ORDER BY e.id`).all() as EntryRow[]).map(toEntry);
  }

  /** One page of entries, newest first (LIMIT/OFFSET on the primary key). */
  page(page: PageRequest): LedgerEntry[] {
    return (this.database.prepare(`${selectEntries} ORDER BY e.id DESC LIMIT ? OFFSET ?`).all(page.limit, page.offset) as EntryRow[]).map(toEntry);
  }

  count(): number {
    return (this.database.prepare('SELECT COUNT(*) AS n FROM ledger_entries').get() as { n: number }).n;
  }

  /** Records what happened; an unknown entry, one already resolved, or an outcome off its scale is an InputError. */
  resolve(id: number, outcome: number): LedgerEntry {
    const entry = this.get(id);
    const field = 'id';
    if (!entry) throw new InputError({ field, message: `no ledger entry ${id}${this.list().length === 0 ? ' (the ledger is empty)' : ''}` });
    if (entry.resolution) throw new InputError({ field, message: `ledger entry ${id} is already resolved (outcome ${entry.resolution.outcome}, ${entry.resolution.resolvedAt}); a resolution is final` });
    if (!Number.isFinite(outcome) || outcome < entry.scale.min || outcome > entry.scale.max)
      throw new InputError({ field: 'outcome', message: `outcome ${outcome} is outside issue "${entry.issue}"'s scale [${entry.scale.min}, ${entry.scale.max}]` });
    this.database.prepare('INSERT INTO ledger_resolutions (entry_id, outcome, resolved_at) VALUES (?, ?, ?)').run(id, outcome, this.now());
    return this.get(id)!;
  }
}

function toEntry(row: EntryRow): LedgerEntry {
  const entry: LedgerEntry = {
    id: row.id,
    sealedAt: row.sealed_at,
    scenarioTitle: row.scenario_title,
    scenarioHash: row.scenario_hash,
    parleyVersion: row.parley_version,
    issue: row.issue,
    scale: { min: row.scale_min, max: row.scale_max },
    predictor: row.predictor,
    forecast: row.forecast,
    quantiles: JSON.parse(row.quantiles) as number[],
    probabilities: JSON.parse(row.probabilities) as SealedProbability[],
    answer: JSON.parse(row.answer) as unknown,
  };
  if (row.outcome !== null && row.resolved_at !== null) entry.resolution = { outcome: row.outcome, resolvedAt: row.resolved_at };
  return entry;
}
