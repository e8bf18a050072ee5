/**
 * The models' Web Worker: runs the same pure registry as the CLI and the server, off the page's
 * thread, so the page never freezes while a forecast is computed.
 */
import { isInputError, type Problem } from '../../src/errors.js';
import type { Forecast } from '../../src/models/model.js';
import { getModel, resolveOptions, runModel } from '../../src/models/registry.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { runJob, type Job } from './jobs/jobs.js';

export interface ModelRequest {
  model: string;
  preset?: string;
  options?: Record<string, unknown>;
}

/** Model runs, or an analysis job (jobs/jobs.ts). */
export type WorkerRequest = { id: number; scenario: Scenario; runs: ModelRequest[] } | { id: number; job: Job };

export type WorkerResponse =
  | { id: number; ok: true; forecasts: Forecast[]; milliseconds: number }
  | { id: number; ok: true; result: unknown; milliseconds: number }
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
  const request = event.data;
  const id = request.id;
  const started = performance.now();
  try {
    if ('job' in request) {
      const result = runJob(request.job);
      scope.postMessage({ id, ok: true, result, milliseconds: performance.now() - started });
      return;
    }
    const forecasts = request.runs.map((run) => runModel(run.model, request.scenario, withDyads(run)));
    scope.postMessage({ id, ok: true, forecasts, milliseconds: performance.now() - started });
  } catch (error) {
    const problems = isInputError(error) ? [...error.problems] : [];
    scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error), problems });
  }
};
