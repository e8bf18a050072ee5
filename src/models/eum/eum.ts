/**
 * Bueno de Mesquita's expected utility model as replicated by Scholz, Calbert & Smith (2011), one
 * configurable engine with named presets (eum-spec.md). Each issue is bargained independently.
 */
import { InputError, type Problem } from '../../errors.js';
import type { Scenario } from '../../scenario/schema.js';
import { participants, type Participant } from '../../scenario/views.js';
import { degeneracyNotes } from '../baseline.js';
import type { Forecast, IssueForecast, Model } from '../model.js';
import { runIssue } from './engine.js';
import { EumOptionsSchema, eumPresets, type EumChange, type EumOptions } from './options.js';
import { hasChannelFields } from '../../scenario/channels/validate.js';
import { leavesOf, type Leaf } from '../../scenario/timeline/leaves.js';
import { compileLeaf, type LeafWorld, unreachedNotes } from '../../scenario/timeline/world.js';
import { issueSchedule } from './channels/schedule.js';
import { stanceOf } from '../../scenario/keyed.js';

/** (§7.5) The fields the EUM does not read, in one note. */
function ignoredFieldsNote(scenario: Scenario): string[] {
  const ignored: string[] = [];
  const stances = scenario.actors.flatMap((actor) => [actor, ...Object.values(actor.stances)] as { hurt?: number; breachCost?: number; patience?: number }[]);
  if (stances.some((stance) => stance.hurt !== undefined)) ignored.push('hurt');
  if (stances.some((stance) => stance.breachCost !== undefined)) ignored.push('breachCost');
  if (stances.some((stance) => stance.patience !== undefined)) ignored.push('patience');
  const effects = [...(scenario.events ?? []).flatMap((event) => event.effects ?? []), ...(scenario.branches ?? []).flatMap((branch) => branch.outcomes.flatMap((outcome) => outcome.effects ?? []))];
  for (const field of ['hurt', 'breachCost', 'statusQuo'] as const) if (effects.some((effect) => effect[field] !== undefined) && !ignored.includes(field)) ignored.push(`${field} effects`);
  if (scenario.issues.some((issue) => issue.vetoPlayers)) ignored.push('vetoPlayers');
  if (scenario.issues.some((issue) => issue.ratifiers)) ignored.push('ratifiers');
  if (scenario.issues.some((issue) => issue.table)) ignored.push('table');
  if (scenario.proposals?.length) ignored.push('proposals');
  return ignored.length === 0 ? [] : [`the EUM ignores ${ignored.join(', ')} (they are read by nash and the deal analysis)`];
}

/** Unknown actors or issues in `changes` and `closedDyads`, and saliences above the scale, each naming its option field. */
function checkReferences(scenario: Scenario, options: EumOptions): void {
  if (options.changes.length === 0 && options.closedDyads.length === 0 && options.dyadsOf === undefined) return;
  const actors = new Map(scenario.actors.map((actor) => [actor.id, actor]));
  const issueIds = new Set(scenario.issues.map((issue) => issue.id));
  const actorList = [...actors.keys()].join(', ');
  const problems: Problem[] = [];
  options.changes.forEach((change, index) => {
    const actor = actors.get(change.actor);
    if (!actor) problems.push({ field: `options.changes[${index}].actor`, message: `unknown actor "${change.actor}"; expected one of ${actorList}` });
    if (change.issue !== undefined && !issueIds.has(change.issue))
      problems.push({ field: `options.changes[${index}].issue`, message: `unknown issue "${change.issue}"; expected one of ${[...issueIds].join(', ')}` });
    else if (change.issue !== undefined && actor && !stanceOf(actor, change.issue))
      problems.push({ field: `options.changes[${index}].issue`, message: `actor "${change.actor}" takes no part in issue "${change.issue}"` });
    if (change.salience !== undefined && change.salience > scenario.salienceScale)
      problems.push({
        field: `options.changes[${index}].salience`,
        message: `salience ${change.salience} is above the scenario's salience scale (0–${scenario.salienceScale})`,
      });
  });
  options.closedDyads.forEach((pair, index) => {
    pair.forEach((id, side) => {
      if (!actors.has(id)) problems.push({ field: `options.closedDyads[${index}][${side}]`, message: `unknown actor "${id}"; expected one of ${actorList}` });
    });
  });
  if (options.dyadsOf !== undefined && !actors.has(options.dyadsOf)) problems.push({ field: 'options.dyadsOf', message: `unknown actor "${options.dyadsOf}"; expected one of ${actorList}` });
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * Capability and salience per round on one issue: the input, then each change (shock) from its round on,
 * applied in order of `fromRound` (later list entries win within a round). Salience is normalised by the
 * scenario's salience scale, as `participants()` does.
 */
function weightSchedule(people: readonly Participant[], changes: readonly EumChange[], issueId: string, salienceScale: number) {
  const index = new Map(people.map((participant, position) => [participant.id, position]));
  const relevant = changes
    .filter((change) => index.has(change.actor) && (change.issue === undefined || change.issue === issueId))
    .sort((a, b) => a.fromRound - b.fromRound);
  const base = { capability: new Float64Array(people.length), salience: new Float64Array(people.length) };
  people.forEach((participant, position) => {
    base.capability[position] = participant.capability;
    base.salience[position] = participant.salience;
  });
  if (relevant.length === 0) return () => base;
  return (round: number) => {
    const capability = Float64Array.from(base.capability);
    const salience = Float64Array.from(base.salience);
    for (const change of relevant) {
      if (change.fromRound > round) break;
      const actor = index.get(change.actor)!;
      if (change.capability !== undefined) capability[actor] = change.capability;
      if (change.salience !== undefined) salience[actor] = change.salience / salienceScale;
    }
    return { capability, salience };
  };
}

/** closed[i·n + j] = 1 for the pairs of `closedDyads` (both directions); null when there are none. */
function closedPairs(people: readonly Participant[], closedDyads: EumOptions['closedDyads']): Uint8Array | null {
  if (closedDyads.length === 0) return null;
  const n = people.length;
  const index = new Map(people.map((participant, position) => [participant.id, position]));
  const closed = new Uint8Array(n * n);
  for (const [first, second] of closedDyads) {
    const i = index.get(first);
    const j = index.get(second);
    if (i === undefined || j === undefined) continue;
    closed[i * n + j] = 1;
    closed[j * n + i] = 1;
  }
  return closed;
}

function positionsOf(people: readonly Participant[]): Float64Array {
  const positions = new Float64Array(people.length);
  people.forEach((participant, index) => (positions[index] = participant.position));
  return positions;
}

function forecastIssue(scenario: Scenario, issueId: string, options: EumOptions, world?: LeafWorld): IssueForecast {
  const issue = scenario.issues.find((candidate) => candidate.id === issueId)!;
  const people = participants(scenario, issueId);
  const notes = degeneracyNotes(people);
  if (people.length === 0) throw new InputError({ field: `issues.${issueId}`, message: 'no actor takes part in this issue' });
  if (options.Q < 1 && options.T === 'geometric') notes.push('T follows the geometric rule of eum-spec.md A6, which no published figure verifies');
  const scaleWidth = issue.scale.max - issue.scale.min;
  // With channels or dated inputs (channels-spec §7), the per-round schedule; without, today's path.
  const dated = world && issueSchedule(scenario, issueId, people, options, world, scaleWidth);
  const result = runIssue(
    {
      ids: people.map((participant) => participant.id),
      positions: positionsOf(people),
      weightsInRound: dated ? dated.weightsInRound : weightSchedule(people, options.changes, issueId, scenario.salienceScale),
      scaleWidth,
      closed: closedPairs(people, options.closedDyads),
      ...(dated ? { channels: dated.schedule } : {}),
    },
    options,
  );
  return { issue: issueId, ...result, notes };
}

export const eumModel: Model<EumOptions> = {
  id: 'eum',
  title: 'Expected utility model (Bueno de Mesquita; Scholz, Calbert & Smith 2011)',
  reference:
    'Scholz, Calbert & Smith, "Unravelling Bueno De Mesquita\'s Group Decision Model", ICAART 2011 / J. Theoretical Politics 23(4), 2011; Bueno de Mesquita (1994).',
  summary:
    'Actors challenge, compromise or give in, pair by pair, by comparing expected utilities built from capability × salience votes and risk attitudes; positions move round after round and the forecast is the median voter position after the last round. Presets: default (symmetric), scholz2011-code (reproduces the published replication), scholz2011-paper (the equations as printed).',
  optionsSchema: EumOptionsSchema,
  presets: eumPresets,
  run(scenario: Scenario, options: EumOptions, leaf?: Leaf): Forecast {
    checkReferences(scenario, options);
    if (!hasChannelFields(scenario))
      return {
        model: 'eum',
        options: { ...options },
        notes: [],
        issues: scenario.issues.map((issue) => forecastIssue(scenario, issue.id, options)),
      };
    const world = compileLeaf(scenario, leaf ?? leavesOf(undefined)[0]!, options.rounds);
    return {
      model: 'eum',
      options: { ...options },
      notes: [...ignoredFieldsNote(scenario), ...unreachedNotes(world, options.rounds)],
      issues: scenario.issues.map((issue) => forecastIssue(scenario, issue.id, options, world)),
    };
  },
};
