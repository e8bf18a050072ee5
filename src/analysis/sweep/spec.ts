/**
 * A sweep's inputs (the scenario, the model and its options, the number of runs, the master seed,
 * the noise, the shocks, the report's thresholds and histogram bins) and their preparation: checked
 * (every problem at once), resolved (model options with the shocks folded in, dropped actors removed)
 * and listed as the uncertain estimates each run draws, in one fixed order.
 */
import { InputError, type Problem } from '../../errors.js';
import { getModel, resolveOptions } from '../../models/registry.js';
import { timelineRounds } from '../../models/leafRuns.js';
import type { Scenario } from '../../scenario/schema.js';
import { canonicalJson, fingerprint } from './canonical.js';
import { absoluteSize, checkNoiseTargets, defaultNoise, noiseFor, type NoiseField, type NoiseLaw, type NoiseSpec } from './noise.js';
import { checkShocks, dropActors, shockOptions, shockText, type ShockSpec } from './shocks.js';
import type { ThresholdSpec } from './thresholds.js';
import { stanceOf } from '../../scenario/keyed.js';

export interface SweepSpec {
  scenario: Scenario;
  model: string;
  preset?: string;
  /** Model options that override the preset's. */
  options?: Record<string, unknown>;
  runs: number;
  /** The master seed, a whole number in [0, 2³²); run k draws from `deriveSeed(seed, k)`. */
  seed: number;
  /** Noise on the estimates; `defaultNoise` when absent, none when empty. */
  noise?: NoiseSpec[];
  shocks?: ShockSpec[];
  thresholds?: ThresholdSpec[];
  /** Equal-width histogram bins over each issue's scale (default 20). */
  histogramBins?: number;
}

/** A spec with every default filled in: what a sweep's fingerprint is computed from. */
export type CanonicalSweepSpec = Required<Omit<SweepSpec, 'preset' | 'options'>> & { preset: string; options: Record<string, unknown> };

/** One estimate that varies from run to run. */
export interface UncertainInput {
  actor: string;
  /** The issue, for position and salience. */
  issue?: string;
  field: NoiseField;
  law: NoiseLaw;
  /** The actor's index in the (shocked) scenario's actor list. */
  actorIndex: number;
}

export interface PreparedSweep {
  spec: CanonicalSweepSpec;
  /** The fingerprint of the canonical spec: equal fingerprints, equal sweeps. */
  inputsHash: string;
  model: ReturnType<typeof getModel>;
  /** The model's options, resolved, with the round-based shocks folded in. */
  options: Record<string, unknown>;
  /** The scenario every run starts from: the dropped actors removed. */
  scenario: Scenario;
  /** The estimates each run draws, in a fixed order (actor by actor: capability, then per issue position, salience). */
  inputs: UncertainInput[];
  issueIds: string[];
  actorIds: string[];
}

export const maxRunCount = 100_000_000;
export const maxHistogramBins = 1000;

/** Checks and resolves a sweep's inputs; throws one InputError listing every problem. */
export function prepareSweep(input: SweepSpec): PreparedSweep {
  const problems: Problem[] = [];
  if (!Number.isInteger(input.runs) || input.runs < 1 || input.runs > maxRunCount)
    problems.push({ field: 'runs', message: `expected a whole number of runs in [1, ${maxRunCount}], got ${input.runs}` });
  if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 0xffffffff)
    problems.push({ field: 'seed', message: `expected a whole number in [0, 4294967295], got ${input.seed}` });
  const histogramBins = input.histogramBins ?? 20;
  if (!Number.isInteger(histogramBins) || histogramBins < 1 || histogramBins > maxHistogramBins)
    problems.push({ field: 'histogramBins', message: `expected a whole number in [1, ${maxHistogramBins}], got ${histogramBins}` });
  const noise = input.noise ?? [...defaultNoise];
  const shocks = input.shocks ?? [];
  const thresholds = input.thresholds ?? [];
  const actorIds = new Set(input.scenario.actors.map((actor) => actor.id));
  const issueIds = new Set(input.scenario.issues.map((issue) => issue.id));
  problems.push(...checkNoiseTargets(noise, actorIds, issueIds), ...checkShocks(shocks, input.scenario));
  thresholds.forEach((threshold, index) => {
    if (threshold.issue !== undefined && !issueIds.has(threshold.issue))
      problems.push({ field: `thresholds[${index}]`, message: `unknown issue "${threshold.issue}"; expected one of ${[...issueIds].join(', ')}` });
    if (!Number.isFinite(threshold.value)) problems.push({ field: `thresholds[${index}]`, message: 'expected a finite number' });
    else problems.push(...thresholdOffScale(threshold, index, input.scenario));
  });
  const model = getModel(input.model);
  const preset = input.preset ?? 'default';
  // (channels-spec T3) With timeline.end, the rounds to the end unless given.
  const timelineRoundCount = timelineRounds(model, input.scenario, input.options);
  const givenOptions = timelineRoundCount === undefined ? (input.options ?? {}) : { ...input.options, rounds: timelineRoundCount };
  const options = resolveModelOptions(model, preset, givenOptions, shocks, problems);
  if (options) problems.push(...shocksAfterTheLastRound(shocks, options));
  if (problems.length > 0) throw new InputError(problems);

  const spec: CanonicalSweepSpec = {
    scenario: input.scenario,
    model: model.id,
    preset,
    options: input.options ?? {},
    runs: input.runs,
    seed: input.seed,
    noise,
    shocks,
    thresholds,
    histogramBins,
  };
  const scenario = dropActors(input.scenario, shocks);
  return {
    spec,
    inputsHash: sweepFingerprint(spec, options!),
    model,
    options: options!,
    scenario,
    inputs: uncertainInputs(scenario, noise),
    issueIds: scenario.issues.map((issue) => issue.id),
    actorIds: scenario.actors.map((actor) => actor.id),
  };
}

/**
 * A threshold off its issue's scale (or, for every issue, off all of them) has no effect: every run is
 * on one side of it. Its probabilities would read as a finding, so it is refused.
 */
function thresholdOffScale(threshold: ThresholdSpec, index: number, scenario: Scenario): Problem[] {
  const issues = scenario.issues.filter((issue) => threshold.issue === undefined || issue.id === threshold.issue);
  if (issues.length === 0 || issues.some((issue) => threshold.value >= issue.scale.min && threshold.value <= issue.scale.max)) return [];
  const scales = issues.map((issue) => `${issue.id} [${issue.scale.min}, ${issue.scale.max}]`).join(', ');
  const spec = `${threshold.issue === undefined ? '' : `${threshold.issue}:`}${threshold.value}`;
  return [{ field: `thresholds[${index}]`, message: `threshold "${spec}" is outside the scale of ${threshold.issue === undefined ? 'every issue' : 'its issue'} (${scales}): every run falls on one side of it` }];
}

/** A change from a round the run never reaches has no effect: refused, naming the shock and the rounds. */
function shocksAfterTheLastRound(shocks: readonly ShockSpec[], options: Record<string, unknown>): Problem[] {
  const rounds = options['rounds'];
  if (typeof rounds !== 'number') return [];
  return shocks.flatMap((shock, index) =>
    shock.kind === 'change' && shock.fromRound > rounds
      ? [{ field: `shocks[${index}]`, message: `the change ${shockText(shock)} starts at round ${shock.fromRound}, but the model runs ${rounds} rounds: it would have no effect` }]
      : [],
  );
}

/** The fingerprint of a canonical spec and the options it resolves to (format version 1). */
export function sweepFingerprint(spec: CanonicalSweepSpec, resolvedOptions: Record<string, unknown>): string {
  return fingerprint(canonicalJson({ format: 'parley.sweep/1', ...spec, resolvedOptions }));
}

function resolveModelOptions(
  model: ReturnType<typeof getModel>,
  preset: string,
  options: Record<string, unknown>,
  shocks: readonly ShockSpec[],
  problems: Problem[],
): Record<string, unknown> | undefined {
  const fromShocks = shockOptions(shocks);
  for (const key of Object.keys(fromShocks)) {
    if (Object.hasOwn(options, key))
      problems.push({ field: `options.${key}`, message: `give round-based shocks either as --shock or as the option "${key}", not both` });
  }
  try {
    return resolveOptions(model, { preset, options: { ...options, ...fromShocks } });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const problem of error.problems) {
      const shockKey = Object.keys(fromShocks).find((key) => problem.field === `options.${key}` || (problem.field === 'options' && problem.message.includes(`"${key}"`)));
      problems.push(
        shockKey === undefined
          ? problem
          : { field: 'shocks', message: `model "${model.id}" cannot apply round-based shocks (its options have no "${shockKey}"): ${problem.message}` },
      );
    }
    return undefined;
  }
}

/**
 * Every estimate with noise of non-zero size, in the fixed order runs draw them. An estimate with a
 * stated range (`range.position`, `range.salience`, `capabilityRange`) is drawn uniformly on that
 * range, whatever the noise specs say; the others follow the noise specs.
 */
export function uncertainInputs(scenario: Scenario, noise: readonly NoiseSpec[]): UncertainInput[] {
  const inputs: UncertainInput[] = [];
  const add = (actorIndex: number, field: NoiseField, value: number, min: number, max: number, width: number, issue?: string, range?: readonly [number, number]): void => {
    const actor = scenario.actors[actorIndex]!.id;
    if (range !== undefined) {
      if (range[1] > range[0]) inputs.push(rangeInput(actorIndex, actor, field, value, range, issue));
      return;
    }
    const spec = noiseFor(noise, field, actor, issue);
    if (!spec) return;
    const size = absoluteSize(spec, value, width);
    if (!(size > 0) || !(max > min)) return;
    const input: UncertainInput = { actor, field, law: { distribution: spec.distribution, value, size, min, max }, actorIndex };
    if (issue !== undefined) input.issue = issue;
    inputs.push(input);
  };
  scenario.actors.forEach((actor, actorIndex) => {
    add(actorIndex, 'capability', actor.capability, 0, Infinity, 0, undefined, actor.capabilityRange);
    for (const issue of scenario.issues) {
      const stance = stanceOf(actor, issue.id);
      if (!stance) continue;
      const width = issue.scale.max - issue.scale.min;
      add(actorIndex, 'position', stance.position, issue.scale.min, issue.scale.max, width, issue.id, stance.range?.position);
      add(actorIndex, 'salience', stance.salience, 0, scenario.salienceScale, scenario.salienceScale, issue.id, stance.range?.salience);
    }
  });
  return inputs;
}

/** A stated range as a uniform law: half-width reaching both ends, cut to the range itself. */
function rangeInput(actorIndex: number, actor: string, field: NoiseField, value: number, [low, high]: readonly [number, number], issue?: string): UncertainInput {
  const law = { distribution: 'uniform' as const, value, size: Math.max(value - low, high - value), min: low, max: high };
  const input: UncertainInput = { actor, field, law, actorIndex };
  if (issue !== undefined) input.issue = issue;
  return input;
}

/** True when some estimate of the scenario has a stated range. */
export function hasRanges(scenario: Scenario): boolean {
  return scenario.actors.some((actor) => actor.capabilityRange !== undefined || Object.values(actor.stances).some((stance) => stance.range?.position !== undefined || stance.range?.salience !== undefined));
}

/** A readable name for an estimate: `russia.capability`, `ukraine.settlement.position`. */
export function inputName(input: { actor: string; issue?: string; field: NoiseField }): string {
  return [input.actor, input.issue, input.field].filter((part) => part !== undefined).join('.');
}
