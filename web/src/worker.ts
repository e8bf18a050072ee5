/**
 * The models' Web Worker: runs the same pure registry as the CLI and the server, off the page's
 * thread, so the page never freezes while a forecast is computed.
 */
import { analyseDeal, type DealOptions } from '../../src/analysis/deal/analyse.js';
import type { DealResult } from '../../src/analysis/deal/types.js';
import { isInputError, type Problem } from '../../src/errors.js';
import type { Forecast } from '../../src/models/model.js';
import { getModel, resolveOptions, runModel } from '../../src/models/registry.js';
import type { Scenario } from '../../src/scenario/schema.js';

export interface ModelRequest {
  model: string;
  preset?: string;
  options?: Record<string, unknown>;
}

export interface WorkerRequest {
  id: number;
  scenario: Scenario;
  runs: ModelRequest[];
  /** The deal analysis (channels-spec §9) instead of the runs. */
  deal?: DealOptions;
}

export type WorkerResponse =
  | { id: number; ok: true; forecasts: Forecast[]; milliseconds: number; deal?: DealResult }
  | { id: number; ok: false; message: string; problems: Problem[] };

/** Asks for every dyad when the model can keep them (EUM), so the dyad matrix can be drawn. */
export function withDyads(request: ModelRequest): ModelRequest {
  const model = getModel(request.model);
  const resolved = resolveOptions(model, request);
  return 'dyads' in resolved ? { ...request, options: { ...request.options, dyads: true } } : request;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

scope.onmessage = (event) => {
  const { id, scenario, runs, deal } = event.data;
  const started = performance.now();
  try {
    if (deal !== undefined) {
      scope.postMessage({ id, ok: true, forecasts: [], deal: analyseDeal(scenario, deal), milliseconds: performance.now() - started });
      return;
    }
    const forecasts = runs.map((request) => runModel(request.model, scenario, withDyads(request)));
    scope.postMessage({ id, ok: true, forecasts, milliseconds: performance.now() - started });
  } catch (error) {
    const problems = isInputError(error) ? [...error.problems] : [];
    scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error), problems });
  }
};
