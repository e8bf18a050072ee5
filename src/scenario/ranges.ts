/**
 * Cross-field rules of the optional estimate ranges (`range.position`, `range.salience` on a stance,
 * `capabilityRange` on an actor) and of the scenario's `questions`. A range `[low, high]` must not be
 * reversed (low ≤ high), must contain the estimate it qualifies, and must lie on that estimate's scale
 * (the issue's scale, [0, salienceScale], capability ≥ 0). A question names a declared issue, has a
 * unique id and a threshold on its issue's scale. Works on the parsed, not yet validated, object so
 * `validate.ts` reports these problems together with the others.
 */
import type { FieldPath } from './fieldPath.js';
import type { FieldProblem } from './zodProblems.js';

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined;
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Where an estimate may lie, for the message. */
interface Bounds {
  min: number;
  max: number;
  /** e.g. "the issue's scale [0, 100]". */
  label: string;
}

/** The problems with one range: reversed, not containing its value, off its scale. */
export function rangeProblems(range: unknown, value: unknown, bounds: Bounds | undefined, path: FieldPath, what: string): FieldProblem[] {
  const pair = asList(range);
  const low = asNumber(pair[0]);
  const high = asNumber(pair[1]);
  // A range that is not two numbers: the schema has said so.
  if (pair.length !== 2 || low === undefined || high === undefined) return [];
  if (low > high) return [{ path, message: `${what} range [${low}, ${high}] is reversed: expected [low, high] with low ≤ high` }];
  const problems: FieldProblem[] = [];
  const estimate = asNumber(value);
  if (estimate !== undefined && (estimate < low || estimate > high))
    problems.push({ path, message: `${what} range [${low}, ${high}] does not contain the ${what} ${estimate}` });
  if (bounds && (low < bounds.min || high > bounds.max))
    problems.push({ path, message: `${what} range [${low}, ${high}] lies outside ${bounds.label}` });
  return problems;
}

/**
 * Every range's problems. `scales` maps issue ids to usable scales; `salienceScale` is the resolved
 * scale (undefined when unknown: saliences' ranges are then only checked for order and containment).
 */
export function checkRanges(root: Loose, scales: ReadonlyMap<string, { min: number; max: number } | undefined>, salienceScale: number | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  asList(root.actors).forEach((value, index) => {
    const actor = asObject(value);
    if (!actor) return;
    if (actor.capabilityRange !== undefined)
      problems.push(...rangeProblems(actor.capabilityRange, actor.capability, { min: 0, max: Infinity, label: 'the capabilities (≥ 0)' }, ['actors', index, 'capabilityRange'], 'capability'));
    for (const [issueId, stanceValue] of Object.entries(asObject(actor.stances) ?? {})) {
      const stance = asObject(stanceValue);
      const range = asObject(stance?.range);
      if (!stance || !range) continue;
      const path: FieldPath = ['actors', index, 'stances', issueId, 'range'];
      const scale = scales.get(issueId);
      if (range.position !== undefined)
        problems.push(...rangeProblems(range.position, stance.position, scale && { ...scale, label: `the issue's scale [${scale.min}, ${scale.max}]` }, [...path, 'position'], 'position'));
      if (range.salience !== undefined)
        problems.push(
          ...rangeProblems(range.salience, stance.salience, salienceScale === undefined ? undefined : { min: 0, max: salienceScale, label: `[0, ${salienceScale}] (salienceScale ${salienceScale})` }, [...path, 'salience'], 'salience'),
        );
    }
  });
  return problems;
}

/** Questions: unique ids, a declared issue, a threshold on that issue's scale. */
export function checkQuestions(root: Loose, scales: ReadonlyMap<string, { min: number; max: number } | undefined>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  asList(root.questions).forEach((value, index) => {
    const question = asObject(value);
    if (!question) return;
    const path: FieldPath = ['questions', index];
    if (typeof question.id === 'string') {
      const first = seen.get(question.id);
      if (first !== undefined) problems.push({ path: [...path, 'id'], message: `duplicate question id "${question.id}" (also questions[${first}])` });
      else seen.set(question.id, index);
    }
    if (typeof question.issue !== 'string') return;
    if (!scales.has(question.issue)) {
      problems.push({ path: [...path, 'issue'], message: `unknown issue "${question.issue}"; expected one of ${[...scales.keys()].join(', ')}` });
      return;
    }
    const scale = scales.get(question.issue);
    const threshold = asNumber(question.threshold);
    if (scale && threshold !== undefined && (threshold < scale.min || threshold > scale.max))
      problems.push({ path: [...path, 'threshold'], message: `threshold ${threshold} is outside the scale of issue "${question.issue}" [${scale.min}, ${scale.max}]` });
  });
  return problems;
}
