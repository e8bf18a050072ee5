/**
 * From a Parley scenario to the SMP's numeric input: the policy space(s) to run on, the actors taking
 * part, positions normalised to [0, 1] on each issue's scale, saliences divided by the salience scale,
 * and KTAB's accommodation matrix from the `idealAdjustment` option.
 *
 * - A declared space (option `space`, else the scenario's first space) is run as KTAB would: every
 *   taking-part actor needs a stance on every issue of the space (else an InputError naming actor,
 *   issue and space), and its saliences over the space sum to at most the salience scale (validation).
 * - With no space declared, all issues form one space when every actor taking part has a stance on
 *   every issue; an actor whose saliences then sum above the scale has them scaled down to sum to it
 *   (the issues' saliences were not written as shares of one attention), with a note. When some actor
 *   sits out some issue, each issue is run as its own one-dimensional space, with a note.
 *
 * Degenerate inputs get an answer with a note rather than an error (fewer than KTAB's 3 actors, zero
 * capabilities, an actor giving salience 0 to the whole space); the KTAB file readers reject them as
 * KTAB does.
 */
import { InputError, type Problem } from '../../errors.js';
import type { Actor, Issue, Scenario } from '../../scenario/schema.js';
import type { SmpInput } from './dynamics.js';
import type { IdealAdjustment } from './options.js';
import { stanceOf } from '../../scenario/keyed.js';

export interface SmpSpace {
  /** The space's id ("all-issues" or the issue's id when the scenario declares none). */
  id: string;
  issues: Issue[];
  /** The actors taking part, in scenario order; index i of the SMP input is actors[i]. */
  actors: Actor[];
  input: SmpInput;
  notes: string[];
  /** True for a space the scenario declares (strict checks), false for the implicit ones. */
  declared: boolean;
  /** The space's own SMP options (`spaces[i].smpOptions`), unchecked, and where they are. */
  options?: { value: unknown; field: string };
}

/** KTAB's smallest model (Model::minNumActor): with fewer, there is no third party to court. */
export const minimumActors = 3;

export function smpSpaces(scenario: Scenario, spaceId: string | undefined): SmpSpace[] {
  const declared = spaceId !== undefined || (scenario.spaces?.length ?? 0) > 0;
  if (declared) {
    const { id, issues, options } = declaredSpace(scenario, spaceId);
    const space = buildSpace(scenario, id, issues, true);
    if (options) space.options = options;
    return [space];
  }
  const taking = scenario.actors.filter((actor) => scenario.issues.some((issue) => stanceOf(actor, issue.id)));
  const complete = taking.every((actor) => scenario.issues.every((issue) => stanceOf(actor, issue.id)));
  if (complete || scenario.issues.length === 1) return [buildSpace(scenario, 'all-issues', [...scenario.issues], false)];
  return scenario.issues.map((issue) => {
    const space = buildSpace(scenario, issue.id, [issue], false);
    space.notes.unshift(`no space declared and some actors sit out some issues: issue "${issue.id}" is run as its own one-dimensional space`);
    return space;
  });
}

function declaredSpace(scenario: Scenario, spaceId: string | undefined): { id: string; issues: Issue[]; options?: SmpSpace['options'] } {
  const spaces = scenario.spaces ?? [];
  const space = spaceId === undefined ? spaces[0] : spaces.find((candidate) => candidate.id === spaceId);
  if (!space) {
    const known = spaces.length > 0 ? `expected one of ${spaces.map((s) => s.id).join(', ')}` : 'the scenario declares no spaces';
    throw new InputError({ field: 'options.space', message: `unknown space "${spaceId}"; ${known}` });
  }
  const issues = space.issues.map((issueId) => {
    const issue = scenario.issues.find((candidate) => candidate.id === issueId);
    if (!issue) throw new InputError({ field: `spaces.${space.id}`, message: `space "${space.id}" names unknown issue "${issueId}"` });
    return issue;
  });
  if (space.smpOptions === undefined) return { id: space.id, issues };
  return { id: space.id, issues, options: { value: space.smpOptions, field: `spaces[${spaces.indexOf(space)}].smpOptions` } };
}

function buildSpace(scenario: Scenario, id: string, issues: Issue[], strict: boolean): SmpSpace {
  const notes: string[] = [];
  const problems: Problem[] = [];
  const actors: Actor[] = [];
  scenario.actors.forEach((actor, index) => {
    const missing = issues.filter((issue) => !stanceOf(actor, issue.id));
    if (missing.length === issues.length) return;
    for (const issue of missing) {
      problems.push({
        field: `actors[${index}].stances.${issue.id}`,
        message: `actor "${actor.id}" has no stance on issue "${issue.id}" of space "${id}"; the SMP needs a position and a salience on every dimension of its space`,
      });
    }
    actors.push(actor);
  });
  if (problems.length > 0) throw new InputError(problems);

  const n = actors.length;
  const m = issues.length;
  const capability = Float64Array.from(actors, (actor) => actor.capability);
  const salience = new Float64Array(n * m);
  const positions = new Float64Array(n * m);
  actors.forEach((actor, i) => {
    const total = issues.reduce((sum, issue) => sum + stanceOf(actor, issue.id)!.salience, 0) / scenario.salienceScale;
    const shrink = total > 1 + 1e-9 ? total : 1;
    if (shrink !== 1) {
      if (strict) throw new InputError({ field: `actors[${scenario.actors.indexOf(actor)}].stances`, message: `actor "${actor.id}": saliences over space "${id}" sum to more than the salience scale ${scenario.salienceScale}` });
      notes.push(`actor "${actor.id}": saliences over ${issues.map((issue) => issue.id).join(', ')} sum to ${round(total * scenario.salienceScale)} > ${scenario.salienceScale}; scaled down to shares of one attention`);
    }
    if (!(total > 0)) notes.push(`actor "${actor.id}" gives salience 0 to every issue of space "${id}": it judges distances with equal weights and adds no weight to challenges`);
    issues.forEach((issue, k) => {
      const stance = stanceOf(actor, issue.id)!;
      salience[i * m + k] = stance.salience / scenario.salienceScale / shrink;
      positions[i * m + k] = (stance.position - issue.scale.min) / (issue.scale.max - issue.scale.min);
    });
  });
  if (n < minimumActors) notes.push(`only ${n} actor(s) in space "${id}": KTAB needs at least ${minimumActors}; with fewer there is no third party and the SMP is degenerate`);
  const idle = actors.filter((actor) => !(actor.capability > 0)).map((actor) => actor.id);
  if (idle.length > 0) notes.push(`capability 0 (no votes, no weight in coalitions): ${idle.join(', ')}`);
  const input: SmpInput = { actors: n, dimensions: m, capability, salience, positions };
  return { id, issues, actors, input, notes, declared: strict };
}

/** Sets the space's accommodation matrix from ideal-adjustment entries (see `accommodationMatrix`). */
export function applyIdealAdjustment(space: SmpSpace, entries: readonly IdealAdjustment[]): void {
  const accommodation = accommodationMatrix(space.actors, entries, space.declared);
  if (accommodation) space.input.accommodation = accommodation;
}

/**
 * KTAB's accommodation matrix: the identity with the given entries set. Returns undefined for the
 * identity itself (ideals then simply follow positions). Each row must sum to at most 1. In a strict
 * (declared) space an entry naming an actor not in it is an error; otherwise it is skipped.
 */
function accommodationMatrix(actors: readonly Actor[], entries: readonly IdealAdjustment[], strict: boolean): Float64Array | undefined {
  if (entries.length === 0) return undefined;
  const n = actors.length;
  const indexOf = new Map(actors.map((actor, index) => [actor.id, index]));
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
  const problems: Problem[] = [];
  entries.forEach((entry, index) => {
    const i = indexOf.get(entry.actor);
    const j = indexOf.get(entry.reference);
    if (strict && i === undefined) problems.push({ field: `options.idealAdjustment[${index}].actor`, message: `unknown actor "${entry.actor}" in this space` });
    if (strict && j === undefined) problems.push({ field: `options.idealAdjustment[${index}].reference`, message: `unknown actor "${entry.reference}" in this space` });
    if (i !== undefined && j !== undefined) matrix[i * n + j] = entry.adjust;
  });
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < n; j++) rowSum += matrix[i * n + j]!;
    if (rowSum > 1 + 1e-10)
      problems.push({
        field: 'options.idealAdjustment',
        message: `actor "${actors[i]!.id}": ideal adjustments sum to ${round(rowSum)}, more than 1 (lower its own entry when adding others)`,
      });
  }
  if (problems.length > 0) throw new InputError(problems);
  const identity = matrix.every((value, index) => value === (index % (n + 1) === 0 ? 1 : 0));
  return identity ? undefined : matrix;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
