/**
 * The run history: every run keeps the exact scenario it ran on, the model, preset and resolved
 * options, the Parley version and the forecast (and, for a sweep, its whole result), so it can be
 * reopened and reproduced later. Each run also keeps its digest (the outcomes and a sweep's glance,
 * migration 4), so a list of runs reads neither forecasts nor sweeps; runs stored before migration 4
 * have none and are digested from their forecast when listed.
 */
import type { SweepResult } from '../analysis/sweep/result.js';
import type { Forecast } from '../models/model.js';
import type { Scenario } from '../scenario/schema.js';
import type { SqliteDatabase } from './database.js';
import type { NewRun, NewRunText, PageRequest, RunDigest, RunSummary, StoredRun, SweepGlance } from './records.js';
import { wholeList } from './scenarios.js';
import { reviveDyads } from '../models/dyadTable.js';

export type { NewRun, NewRunText, RunSummary, StoredRun };

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
  digest: string | null;
}

/** A list's columns: the forecast and the sweep only where there is no digest (runs from before migration 4). */
const summaryColumns = `id, scenario_id, model, preset, parley_version, created_at, kind, digest,
  CASE WHEN digest IS NULL THEN forecast END AS forecast, CASE WHEN digest IS NULL THEN sweep END AS sweep`;

export class RunTable {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  create(run: NewRun): StoredRun {
    const { forecast, sweep, ...rest } = run;
    const text: NewRunText = { ...rest, forecastJson: JSON.stringify(forecast), digest: runDigest(forecast, sweep) };
    if (sweep !== undefined) text.sweepJson = JSON.stringify(sweep);
    return this.get(this.insert(text))!;
  }

  /** Stores a run given as JSON text and answers the stored run as JSON text: `JSON.stringify(get(id))`, without parsing the forecast. */
  createText(run: NewRunText): string {
    return this.getText(this.insert(run))!;
  }

  get(id: number): StoredRun | undefined {
    const row = this.row(id);
    if (!row) return undefined;
    // The stored JSON's dyads become columns again (src/models/dyadTable.ts), as runModel returns them.
    const forecast = reviveDyads(JSON.parse(row.forecast) as Forecast);
    const sweep = row.sweep === null ? undefined : (JSON.parse(row.sweep) as SweepResult);
    const run: StoredRun = {
      ...summary(row, row.digest === null ? runDigest(forecast, sweep) : (JSON.parse(row.digest) as RunDigest)),
      scenario: JSON.parse(row.scenario_snapshot) as Scenario,
      options: JSON.parse(row.options) as Record<string, unknown>,
      forecast,
    };
    if (sweep) run.sweepResult = sweep;
    return run;
  }

  /** `JSON.stringify(get(id))`, put together from the stored JSON texts (the forecast is not parsed when the run has its digest). */
  getText(id: number): string | undefined {
    const row = this.row(id);
    if (!row) return undefined;
    const head = JSON.stringify(summary(row, digestOf(row)));
    const sweep = row.sweep === null ? '' : `,"sweepResult":${row.sweep}`;
    return `${head.slice(0, -1)},"scenario":${row.scenario_snapshot},"options":${row.options},"forecast":${row.forecast}${sweep}}`;
  }

  /** The runs of one scenario, newest first; one page of them (LIMIT/OFFSET on the runs_by_scenario index). */
  listForScenario(scenarioId: number, page: PageRequest = wholeList): RunSummary[] {
    const rows = this.database
      .prepare(`SELECT ${summaryColumns} FROM runs WHERE scenario_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(scenarioId, page.limit, page.offset) as RunRow[];
    return rows.map((row) => summary(row, digestOf(row)));
  }

  /** How many runs one scenario has. */
  countForScenario(scenarioId: number): number {
    return Number((this.database.prepare('SELECT COUNT(*) AS n FROM runs WHERE scenario_id = ?').get(scenarioId) as { n: number }).n);
  }

  delete(id: number): boolean {
    return this.database.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0;
  }

  private insert(run: NewRunText): number {
    const result = this.database
      .prepare(
        `INSERT INTO runs (scenario_id, scenario_snapshot, model, preset, options, parley_version, forecast, created_at, kind, sweep, digest)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.scenarioId,
        JSON.stringify(run.scenario),
        run.model,
        run.preset ?? null,
        JSON.stringify(run.options),
        run.parleyVersion,
        run.forecastJson,
        this.now(),
        run.kind ?? 'forecast',
        run.sweepJson ?? null,
        JSON.stringify(run.digest),
      );
    return Number(result.lastInsertRowid);
  }

  private row(id: number): RunRow | undefined {
    return this.database.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  }
}

/** What a run summary shows: the outcome per issue (a sweep's baseline) and a sweep's glance. */
export function runDigest(forecast: Forecast, sweep: SweepResult | undefined): RunDigest {
  const digest: RunDigest = { outcomes: forecast.issues.map((issue) => ({ issue: issue.issue, outcome: issue.outcome })) };
  if (sweep) digest.sweep = glance(sweep);
  return digest;
}

/** The stored digest, or for a run from before migration 4 one made from its forecast and sweep. */
function digestOf(row: RunRow): RunDigest {
  if (row.digest !== null) return JSON.parse(row.digest) as RunDigest;
  return runDigest(JSON.parse(row.forecast) as Forecast, row.sweep === null ? undefined : (JSON.parse(row.sweep) as SweepResult));
}

function summary(row: RunRow, digest: RunDigest): RunSummary {
  const result: RunSummary = {
    id: row.id,
    kind: row.kind,
    scenarioId: row.scenario_id,
    model: row.model,
    parleyVersion: row.parley_version,
    createdAt: row.created_at,
    outcomes: digest.outcomes,
  };
  if (row.preset !== null) result.preset = row.preset;
  if (digest.sweep) result.sweep = digest.sweep;
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
