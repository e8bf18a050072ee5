/**
 * The one registry of Parley's models, and the one way to run a model by id with a preset and option
 * overrides. Add a model here and it appears in the CLI, the server and the workbench.
 */
import { onScaleModel } from './onScale.js';
import { InputError } from '../errors.js';
import { parseWith } from '../scenario/zodProblems.js';
import type { Scenario } from '../scenario/schema.js';
import { discreteChoiceModel } from './discreteChoice/discreteChoice.js';
import { eumModel } from './eum/eum.js';
import { exchangeModel } from './exchange/exchange.js';
import { meanModel } from './mean.js';
import type { Forecast, Model } from './model.js';
import { nashModel } from './nash.js';
import { runEveryLeaf, timelineRounds } from './leafRuns.js';
import { smpModel } from './smp/smp.js';
import { weightedMeanModel } from './weightedMean.js';
import { weightedMedianModel } from './weightedMedian.js';

// Each model validates its own options, so the registry holds them behind the widest option type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = Model<any>;

/** Every model with its run clamped to the issues' scales (issue 14, item 9): every caller of `run` gets on-scale values. */
export const models: readonly AnyModel[] = [meanModel, weightedMeanModel, weightedMedianModel, nashModel, eumModel, smpModel, discreteChoiceModel, exchangeModel].map(
  (model: AnyModel) => onScaleModel(model),
);

export function modelIds(): string[] {
  return models.map((model) => model.id);
}

export function getModel(id: string): AnyModel {
  const model = models.find((candidate) => candidate.id === id);
  if (!model) throw new InputError({ field: 'model', message: `unknown model "${id}"; expected one of ${modelIds().join(', ')}` });
  return model;
}

export interface RunRequest {
  /** A preset name; `default` when absent. */
  preset?: string;
  /** Options that override the preset's. */
  options?: Record<string, unknown>;
}

/** Resolves preset + overrides through the model's schema; every bad option is an InputError. */
export function resolveOptions(model: AnyModel, request: RunRequest = {}): Record<string, unknown> {
  const presetName = request.preset ?? 'default';
  const preset = model.presets[presetName];
  if (!preset) {
    throw new InputError({
      field: 'preset',
      message: `model "${model.id}" has no preset "${presetName}"; expected one of ${Object.keys(model.presets).join(', ')}`,
    });
  }
  // Every bad option at once, in plain words, located under `options` (as the API reports them).
  return parseWith(model.optionsSchema, { ...preset.options, ...request.options }, ['options']) as Record<string, unknown>;
}

/** Runs a model by id on a validated scenario: the library's main entry point. */
export function runModel(modelId: string, scenario: Scenario, request: RunRequest = {}): Forecast {
  const model = getModel(modelId);
  // Dated scenarios (channels-spec §4–§5): rounds to the timeline's end, one run per branch leaf.
  const rounds = timelineRounds(model, scenario, request.options);
  const options = resolveOptions(model, rounds === undefined ? request : { ...request, options: { ...request.options, rounds } });
  // The registry's models and runEveryLeaf's mixture are clamped to the scales (issue 14, item 9; onScale.ts).
  const forecast = scenario.branches?.length ? runEveryLeaf(model, scenario, options) : model.run(scenario, options);
  const presetName = request.preset ?? (Object.keys(model.presets).length > 1 ? 'default' : undefined);
  return presetName === undefined ? forecast : { ...forecast, preset: presetName };
}
