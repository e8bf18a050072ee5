/**
 * The run history: every run keeps the exact scenario it ran on, the model, preset and resolved
 * options, the Parley version and the forecast (and, for a sweep, its whole result), so it can be
 * reopened and reproduced later.
 */
import type { SweepResult } from '../analysis/sweep/result.js';
import type { Forecast } from '../models/model.js';
import type { Scenario } from '../scenario/schema.js';
import type { SqliteDatabase } from './database.js';
import type { NewRun, PageRequest, RunSummary, StoredRun, SweepGlance } from './records.js';
import { wholeList } from './scenarios.js';
import { reviveDyads } from '../models/dyadTable.js';

export type { NewRun, RunSummary, StoredRun };

interface RunRow {
  id: number;
  scenario_id: number;
  scenario_snapshot: string;
  model: string;
  preset: string | null;
  options: string;
  parley_version: string;
  forecast: string;
  created_at: string;
  kind: 'forecast' | 'sweep';
  sweep: string | null;
}

export class RunTable {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  create(run: NewRun): StoredRun {
    const result = this.database
      .prepare(
        `INSERT INTO runs (scenario_id, scenario_snapshot, model, preset, options, parley_version, forecast, created_at, kind, sweep)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.scenarioId,
        JSON.stringify(run.scenario),
        run.model,
        run.preset ?? null,
        JSON.stringify(run.options),
        run.parleyVersion,
        JSON.stringify(run.forecast),
        this.now(),
        run.kind ?? 'forecast',
        run.sweep === undefined ? null : JSON.stringify(run.sweep),
      );
    return this.get(Number(result.lastInsertRowid))!;
  }

  get(id: number): StoredRun | undefined {
    const row = this.database.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    if (!row) return undefined;
    // The stored JSON's dyads become columns again (src/models/dyadTable.ts), as runModel returns them.
    const forecast = reviveDyads(JSON.parse(row.forecast) as Forecast);
    const sweep = row.sweep === null ? undefined : (JSON.parse(row.sweep) as SweepResult);
    const run: StoredRun = {
      ...summary(row, forecast, sweep),
      scenario: JSON.parse(row.scenario_snapshot) as Scenario,
      options: JSON.parse(row.options) as Record<string, unknown>,
      forecast,
    };
    if (sweep) run.sweepResult = sweep;
    return run;
  }

  /** The runs of one scenario, newest first; one page of them (LIMIT/OFFSET on the runs_by_scenario index). */
  listForScenario(scenarioId: number, page: PageRequest = wholeList): RunSummary[] {
    const rows = this.database.prepare('SELECT * FROM runs WHERE scenario_id = ? ORDER BY id DESC LIMIT ? OFFSET ?').all(scenarioId, page.limit, page.offset) as RunRow[];
    return rows.map((row) => summary(row, JSON.parse(row.forecast) as Forecast, row.sweep === null ? undefined : (JSON.parse(row.sweep) as SweepResult)));
  }

  /** How many runs one scenario has. */
  countForScenario(scenarioId: number): number {
    return Number((this.database.prepare('SELECT COUNT(*) AS n FROM runs WHERE scenario_id = ?').get(scenarioId) as { n: number }).n);
  }

  delete(id: number): boolean {
    return this.database.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0;
  }
}

function summary(row: RunRow, forecast: Forecast, sweep: SweepResult | undefined): RunSummary {
  const result: RunSummary = {
    id: row.id,
    kind: row.kind,
    scenarioId: row.scenario_id,
    model: row.model,
    parleyVersion: row.parley_version,
    createdAt: row.created_at,
    outcomes: forecast.issues.map((issue) => ({ issue: issue.issue, outcome: issue.outcome })),
  };
  if (row.preset !== null) result.preset = row.preset;
  if (sweep) result.sweep = glance(sweep);
  return result;
}

function glance(sweep: SweepResult): SweepGlance {
  return {
    runs: sweep.runs,
    completedRuns: sweep.completedRuns,
    seed: sweep.seed,
    issues: sweep.issues.map((issue) => ({ issue: issue.issue, p5: issue.quantiles.p5, p50: issue.quantiles.p50, p95: issue.quantiles.p95 })),
  };
}
