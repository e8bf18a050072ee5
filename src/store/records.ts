/**
 * What the store holds, as plain records: shared by the store, the API and the web app (which must
 * not import the SQLite side).
 */
import type { Problem } from '../errors.js';
import type { SweepResult } from '../analysis/sweep/result.js';
import type { Forecast } from '../models/model.js';
import type { Scenario } from '../scenario/schema.js';

/** A window onto a list, in the list's order: `limit` entries from the `offset`-th (0-based). */
export interface PageRequest {
  limit: number;
  offset: number;
}

/** One page of a list, and how many entries the whole list has (the API's paged answer). */
export interface Page<T> extends PageRequest {
  items: T[];
  total: number;
}

export interface ScenarioSummary {
  id: number;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** How many runs the history holds for this scenario. */
  runCount: number;
  /** Present on a draft: a scenario saved with problems (it cannot run until they are fixed). */
  draft?: true;
}

export interface StoredScenario extends ScenarioSummary {
  scenario: Scenario;
}

/** A draft: the scenario as far as it was written (not valid), with its problems. */
export interface StoredDraft extends ScenarioSummary {
  draft: true;
  scenario: unknown;
  problems: Problem[];
}

/** Whatever the library holds under an id: a scenario or a draft. */
export type LibraryEntry = StoredScenario | StoredDraft;

export function isDraft(entry: LibraryEntry): entry is StoredDraft {
  return entry.draft === true;
}

/** A run is one model's forecast, or a Monte Carlo sweep of one model (docs/sweeps.md). */
export type RunKind = 'forecast' | 'sweep';

export interface NewRun {
  /** `forecast` when absent. */
  kind?: RunKind;
  scenarioId: number;
  scenario: Scenario;
  model: string;
  preset?: string;
  options: Record<string, unknown>;
  parleyVersion: string;
  /** For a sweep: the model's forecast with every estimate as given (the sweep's baseline). */
  forecast: Forecast;
  /** For a sweep: its whole result. */
  sweep?: SweepResult;
}

/**
 * A run whose forecast (and sweep) arrive as JSON text (`JSON.stringify` of the `Forecast` and the
 * `SweepResult`, done where they were computed: the server's model threads), with their digest, so
 * that storing and answering it never parses or serializes them on the server's event loop.
 */
export interface NewRunText extends Omit<NewRun, 'forecast' | 'sweep'> {
  forecastJson: string;
  sweepJson?: string;
  digest: RunDigest;
}

/** What a run summary shows of the forecast and the sweep (runDigest in src/store/runs.ts). */
export interface RunDigest {
  outcomes: RunSummary['outcomes'];
  sweep?: SweepGlance;
}

/** A sweep at a glance, per issue: the 5th, 50th and 95th percentiles of the outcome. */
export interface SweepGlance {
  runs: number;
  completedRuns: number;
  seed: number;
  issues: { issue: string; p5: number; p50: number; p95: number }[];
}

export interface RunSummary {
  id: number;
  kind: RunKind;
  scenarioId: number;
  model: string;
  preset?: string;
  parleyVersion: string;
  createdAt: string;
  /** The forecast outcome per issue (a sweep's baseline), for lists and comparisons. */
  outcomes: { issue: string; outcome: number }[];
  /** Sweeps only. */
  sweep?: SweepGlance;
}

export interface StoredRun extends RunSummary {
  scenario: Scenario;
  options: Record<string, unknown>;
  forecast: Forecast;
  /** Sweeps only: the whole result. */
  sweepResult?: SweepResult;
}
