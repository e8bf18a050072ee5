/**
 * (Shared by `parley forecast`, `parley ledger add`, the workbench answer and the server ledger.)
 * Which models `parley forecast` runs and with which options: `--model all` (the default) runs every
 * registered model; `--preset` applies to the models that define it (the others run their default);
 * `--rounds` and `--dyads` apply to the models that have those options (iterative ones, like EUM).
 * Asking a single model for something it does not have is an InputError, never silently ignored.
 */
import { InputError } from '../errors.js';
import type { Forecast } from '../models/model.js';
import { getModel, models, resolveOptions, runModel, type RunRequest } from '../models/registry.js';
import type { Scenario } from '../scenario/schema.js';

export interface ForecastRequest {
  /** A model id or `all`. */
  model: string;
  preset?: string;
  rounds?: number;
  dyads?: boolean;
}

export interface PlannedRun {
  model: string;
  request: RunRequest;
}

export interface SkippedModel {
  model: string;
  /** Why the model could not run on this scenario (its InputError's messages). */
  reasons: string[];
}

export function planRuns(request: ForecastRequest): PlannedRun[] {
  const all = request.model === 'all';
  const chosen = all ? [...models] : [getModel(request.model)];
  if (all && request.preset !== undefined && !chosen.some((model) => request.preset! in model.presets)) {
    const known = [...new Set(chosen.flatMap((model) => Object.keys(model.presets)))];
    throw new InputError({ field: 'preset', message: `no model has a preset "${request.preset}"; expected one of ${known.join(', ')}` });
  }
  return chosen.map((model) => {
    const preset = request.preset !== undefined && (!all || request.preset in model.presets) ? request.preset : undefined;
    const defaults = resolveOptions(model, preset === undefined ? {} : { preset });
    const options: Record<string, unknown> = {};
    for (const [name, value] of [['rounds', request.rounds], ['dyads', request.dyads]] as const) {
      if (value === undefined) continue;
      if (name in defaults) options[name] = value;
      else if (!all) throw new InputError({ field: name, message: `model "${model.id}" has no option "${name}" (it is not an iterative model)` });
    }
    const runRequest: RunRequest = { options };
    if (preset !== undefined) runRequest.preset = preset;
    return { model: model.id, request: runRequest };
  });
}

/**
 * Runs the plan. With `--model all`, a model that rejects this scenario (an InputError, e.g. a model
 * that needs a status quo) is skipped and reported; with one model, its error is the command's error.
 */
export function runPlan(scenario: Scenario, plan: readonly PlannedRun[], skipRejected: boolean): { forecasts: Forecast[]; skipped: SkippedModel[] } {
  const forecasts: Forecast[] = [];
  const skipped: SkippedModel[] = [];
  for (const run of plan) {
    try {
      forecasts.push(runModel(run.model, scenario, run.request));
    } catch (error) {
      if (!skipRejected || !(error instanceof InputError)) throw error;
      skipped.push({ model: run.model, reasons: error.problems.map((problem) => problem.message) });
    }
  }
  return { forecasts, skipped };
}
