/**
 * One space of a Parley scenario in KTAB's terms, for the KTAB writers: positions rescaled to 0–100,
 * saliences to 0–100 (at most 100 per actor over the space), actor names from ids (≤ 25 characters),
 * descriptions from actor names. What KTAB cannot hold is refused (an InputError) or reported in the
 * notes.
 */
import { InputError, type Problem } from '../../errors.js';
import type { Scenario } from '../schema.js';
import type { KtabScenario } from './ktabScenario.js';
import { ktabLimits } from './names.js';

export interface KtabWriteResult {
  text: string;
  /** What the conversion changed or left out. */
  notes: string[];
}

export function ktabWriteSpace(scenario: Scenario, spaceId?: string): { ktab: KtabScenario; notes: string[] } {
  const notes: string[] = [];
  const spaces = scenario.spaces ?? [];
  const space = spaceId === undefined ? spaces[0] : spaces.find((candidate) => candidate.id === spaceId);
  if (spaceId !== undefined && !space) throw new InputError({ field: 'space', message: `unknown space "${spaceId}"; expected one of ${spaces.map((s) => s.id).join(', ') || '(none declared)'}` });
  const issueIds = space ? space.issues : scenario.issues.map((issue) => issue.id);
  const issues = issueIds.map((id) => scenario.issues.find((issue) => issue.id === id)!);
  const left = scenario.issues.filter((issue) => !issueIds.includes(issue.id)).map((issue) => issue.id);
  if (left.length > 0) notes.push(`issues outside space "${space?.id}" are left out: ${left.join(', ')}`);
  if (issues.some((issue) => issue.scale.min !== 0 || issue.scale.max !== 100))
    notes.push('positions were rescaled linearly to KTAB\'s 0–100 from their issues\' scales');
  if (issues.some((issue) => issue.statusQuo !== undefined || issue.scale.minLabel !== undefined || issue.scale.maxLabel !== undefined))
    notes.push('KTAB has no status quo or scale labels: they are left out');
  if (scenario.actors.some((actor) => Object.values(actor.stances).some((stance) => stance.evidence !== undefined)))
    notes.push('KTAB has no evidence fields: they are left out');

  const problems: Problem[] = [];
  const actors: KtabScenario['actors'] = [];
  scenario.actors.forEach((actor, index) => {
    const missing = issues.filter((issue) => !actor.stances[issue.id]);
    if (missing.length === issues.length) {
      notes.push(`actor "${actor.id}" has no stance in the space and is left out`);
      return;
    }
    const field = `actors[${index}]`;
    if (missing.length > 0)
      problems.push({ field: `${field}.stances`, message: `actor "${actor.id}" has no stance on ${missing.map((issue) => `"${issue.id}"`).join(', ')}; KTAB needs every dimension` });
    if (actor.id.length > ktabLimits.actorName)
      problems.push({ field: `${field}.id`, message: `actor id "${actor.id}" is longer than KTAB's ${ktabLimits.actorName} characters` });
    if (!(actor.capability > 0)) problems.push({ field: `${field}.capability`, message: `actor "${actor.id}": KTAB needs a capability greater than 0` });
    const positions = issues.map((issue) => {
      const position = actor.stances[issue.id]?.position ?? Number.NaN;
      return roundTo((100 * (position - issue.scale.min)) / (issue.scale.max - issue.scale.min));
    });
    const saliences = issues.map((issue) => roundTo(((actor.stances[issue.id]?.salience ?? 0) * 100) / scenario.salienceScale));
    const attention = saliences.reduce((sum, value) => sum + value, 0);
    if (attention > 100 * (1 + 1e-9))
      problems.push({ field: `${field}.stances`, message: `actor "${actor.id}": saliences over the space sum to ${roundTo(attention)} (on 0–100), more than KTAB's 100` });
    actors.push({ name: actor.id, description: actor.name ?? '', capability: actor.capability, positions, saliences });
  });
  if (actors.length < ktabLimits.minActors || actors.length > ktabLimits.maxActors)
    problems.push({ field: 'actors', message: `KTAB needs ${ktabLimits.minActors} to ${ktabLimits.maxActors} actors; the space has ${actors.length}` });
  if (problems.length > 0) throw new InputError(problems);
  const ktab: KtabScenario = {
    name: space?.name ?? scenario.title,
    description: scenario.description ?? '',
    dimensions: issues.map((issue) => issue.name ?? issue.id),
    actors,
  };
  if (space?.smpOptions) ktab.smpOptions = space.smpOptions;
  return { ktab, notes };
}

/** Removes binary round-off from rescaled values (e.g. 57.49999999999999 → 57.5). */
function roundTo(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
