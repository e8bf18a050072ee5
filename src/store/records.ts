/**
 * What the store holds, as plain records: shared by the store, the API and the web app (which must
 * not import the SQLite side).
 */
import type { Forecast } from '../models/model.js';
import type { Scenario } from '../scenario/schema.js';

export interface ScenarioSummary {
  id: number;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** How many runs the history holds for this scenario. */
  runCount: number;
}

export interface StoredScenario extends ScenarioSummary {
  scenario: Scenario;
}

export interface NewRun {
  scenarioId: number;
  scenario: Scenario;
  model: string;
  preset?: string;
  options: Record<string, unknown>;
  parleyVersion: string;
  forecast: Forecast;
}

export interface RunSummary {
  id: number;
  scenarioId: number;
  model: string;
  preset?: string;
  parleyVersion: string;
  createdAt: string;
  /** The forecast outcome per issue, for lists and comparisons. */
  outcomes: { issue: string; outcome: number }[];
}

export interface StoredRun extends RunSummary {
  scenario: Scenario;
  options: Record<string, unknown>;
  forecast: Forecast;
}
