/**
 * Noise on a scenario's estimates: which field (position, salience, capability), of which actors and
 * issues, with which distribution and size. The most specific spec wins for each estimate (actor and
 * issue > actor > issue > everyone), and of two equally specific specs the later one, so
 * `position=normal:5 russia.position=normal:15` widens Russia's positions only.
 *
 * Sizes are absolute (in the field's own units) or relative (`%`): a fraction of the value for
 * capability and salience, a fraction of the issue scale's width for position (a position's distance
 * from the scale's zero means nothing).
 *
 * Each noisy estimate is drawn by inversion from one uniform u (see normal.ts): normal truncated to
 * the field's valid range, or uniform on [value − size, value + size] cut to that range.
 */
import { InputError, type Problem } from '../../errors.js';
import { inverseNormalCdf, normalCdf } from './normal.js';

export const noiseFields = ['position', 'salience', 'capability'] as const;
export type NoiseField = (typeof noiseFields)[number];
export const noiseDistributions = ['normal', 'uniform'] as const;
export type NoiseDistribution = (typeof noiseDistributions)[number];

export interface NoiseSpec {
  field: NoiseField;
  distribution: NoiseDistribution;
  /** The standard deviation (normal) or half-width (uniform); 0 switches the noise off. */
  size: number;
  /** When true, `size` is a fraction (of the value, or of the scale's width for positions). */
  relative: boolean;
  /** Only this actor's estimates; every actor when absent. */
  actor?: string;
  /** Only this issue's estimates (not for capability, which is per actor); every issue when absent. */
  issue?: string;
}

/** What a sweep perturbs when no noise is given: modest uncertainty on every estimate. */
export const defaultNoise: readonly NoiseSpec[] = [
  { field: 'position', distribution: 'normal', size: 0.05, relative: true },
  { field: 'salience', distribution: 'normal', size: 0.1, relative: true },
  { field: 'capability', distribution: 'normal', size: 0.1, relative: true },
];

export const noiseSyntax = '[ACTOR.[ISSUE.]]FIELD=normal|uniform:SIZE[%]  (ACTOR may be *; FIELD is position, salience or capability)';

/**
 * Parses `--noise` text such as `position=normal:5`, `salience=uniform:10%`, `russia.capability=normal:20%`
 * or `*.talks.position=normal:3`. Actor and issue ids are checked later, against the scenario.
 */
export function parseNoise(text: string, field = 'noise'): NoiseSpec {
  const fail = (message: string): never => {
    throw new InputError({ field, message: `${message} in "${text}"; expected ${noiseSyntax}` });
  };
  const [target, law, ...rest] = text.split('=');
  if (target === undefined || law === undefined || rest.length > 0) return fail('expected one "="');
  const path = target.trim().split('.');
  const fieldName = path.pop()!;
  if (!(noiseFields as readonly string[]).includes(fieldName)) return fail(`unknown field "${fieldName}"`);
  if (path.length > 2) return fail('too many "." in the target');
  const [actor, issue] = path;
  if (actor === '' || issue === '') return fail('empty actor or issue');
  const [distribution, sizeText, ...extra] = law.trim().split(':');
  if (!(noiseDistributions as readonly string[]).includes(distribution ?? '') || sizeText === undefined || extra.length > 0)
    return fail('expected normal:SIZE or uniform:SIZE');
  const relative = sizeText.endsWith('%');
  const size = Number(relative ? sizeText.slice(0, -1) : sizeText);
  if (sizeText.trim() === '' || !Number.isFinite(size) || size < 0) return fail(`size "${sizeText}" is not a number ≥ 0`);
  const spec: NoiseSpec = {
    field: fieldName as NoiseField,
    distribution: distribution as NoiseDistribution,
    size: relative ? size / 100 : size,
    relative,
  };
  if (actor !== undefined && actor !== '*') spec.actor = actor;
  if (issue !== undefined) {
    if (fieldName === 'capability') return fail('capability belongs to an actor, not to an issue');
    spec.issue = issue;
  }
  return spec;
}

/** The spec that applies to one estimate: the most specific, the later of equals; undefined if none. */
export function noiseFor(specs: readonly NoiseSpec[], field: NoiseField, actor: string, issue?: string): NoiseSpec | undefined {
  let chosen: NoiseSpec | undefined;
  let chosenRank = -1;
  for (const spec of specs) {
    if (spec.field !== field) continue;
    if (spec.actor !== undefined && spec.actor !== actor) continue;
    if (spec.issue !== undefined && spec.issue !== issue) continue;
    const rank = (spec.actor !== undefined ? 2 : 0) + (spec.issue !== undefined ? 1 : 0);
    if (rank >= chosenRank) {
      chosen = spec;
      chosenRank = rank;
    }
  }
  return chosen;
}

/** One estimate's noise made concrete: a distribution on a valid range around the estimate. */
export interface NoiseLaw {
  distribution: NoiseDistribution;
  /** The estimate as given (the centre). */
  value: number;
  /** Absolute standard deviation or half-width. */
  size: number;
  /** The valid range of the field (e.g. the issue's scale, [0, salienceScale], [0, ∞) for capability). */
  min: number;
  max: number;
}

/** The absolute size of a spec for an estimate `value` whose scale is `width` wide (positions only). */
export function absoluteSize(spec: NoiseSpec, value: number, width: number): number {
  if (!spec.relative) return spec.size;
  return spec.size * (spec.field === 'position' ? width : Math.abs(value));
}

/** The p-quantile of a noise law (p in [0, 1]), by inversion; u = p gives the draw `sampleNoise` makes. */
export function sampleNoise(law: NoiseLaw, u: number): number {
  if (law.size === 0) return law.value;
  let draw: number;
  if (law.distribution === 'uniform') {
    const low = Math.max(law.min, law.value - law.size);
    const high = Math.min(law.max, law.value + law.size);
    draw = low + u * (high - low);
  } else {
    const lowCdf = normalCdf((law.min - law.value) / law.size);
    const highCdf = normalCdf((law.max - law.value) / law.size);
    draw = law.value + law.size * inverseNormalCdf(lowCdf + u * (highCdf - lowCdf));
  }
  // The CDF approximations can overshoot the range's ends by ~1e-7 σ: keep every draw valid.
  return Math.min(law.max, Math.max(law.min, draw));
}

/** Checks the actor and issue ids of noise specs against a scenario's; collects every problem. */
export function checkNoiseTargets(
  specs: readonly NoiseSpec[],
  actorIds: ReadonlySet<string>,
  issueIds: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  specs.forEach((spec, index) => {
    const field = `noise[${index}]`;
    if (spec.actor !== undefined && !actorIds.has(spec.actor))
      problems.push({ field, message: `unknown actor "${spec.actor}"; expected one of ${[...actorIds].join(', ')}` });
    if (spec.issue !== undefined && !issueIds.has(spec.issue))
      problems.push({ field, message: `unknown issue "${spec.issue}"; expected one of ${[...issueIds].join(', ')}` });
    if (!(noiseFields as readonly string[]).includes(spec.field))
      problems.push({ field, message: `unknown field "${String(spec.field)}"; expected one of ${noiseFields.join(', ')}` });
    if (!(noiseDistributions as readonly string[]).includes(spec.distribution))
      problems.push({ field, message: `unknown distribution "${String(spec.distribution)}"; expected normal or uniform` });
    if (!Number.isFinite(spec.size) || spec.size < 0) problems.push({ field, message: `size must be a number ≥ 0, got ${spec.size}` });
    if (spec.field === 'capability' && spec.issue !== undefined)
      problems.push({ field, message: 'capability belongs to an actor, not to an issue' });
  });
  return problems;
}
