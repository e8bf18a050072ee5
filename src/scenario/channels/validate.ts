/**
 * The cross-field rules of channels-spec.md §11 for the channel fields (timeline, channels, trust,
 * events, branches, proposals, red lines, veto players, ratifiers, table). Shapes, dates, steps and
 * number ranges are zod's (schema.ts); this file checks what needs the whole scenario, and returns every
 * problem at once. It runs on a scenario whose shape is valid.
 */
import type { FieldPath } from '../fieldPath.js';
import type { Scenario } from '../schema.js';
import { formatDate, parseDate, roundsToEnd, type Timeline } from '../timeline/calendar.js';
import { leavesOf, leafLabel, maxLeaves, type Leaf } from '../timeline/leaves.js';
import { applyEffect, datedItems, effectField, initialState, timelineOf, type PositionJump } from '../timeline/world.js';
import type { FieldProblem } from '../zodProblems.js';
import type { Branch, Effect } from './schema.js';
import { stanceOf } from '../keyed.js';

/** Whether a scenario uses any field of channels-spec.md §3 (the default rule keys on this). */
export function hasChannelFields(scenario: Scenario): boolean {
  if (scenario.timeline || scenario.channels || scenario.trust || scenario.events || scenario.branches || scenario.proposals) return true;
  if (scenario.issues.some((issue) => issue.vetoPlayers || issue.ratifiers || issue.table)) return true;
  const personal = (fields: object) => ['audienceCost', 'patience', 'hurt', 'breachCost', 'commitment'].some((key) => (fields as Record<string, unknown>)[key] !== undefined);
  return scenario.actors.some((actor) => personal(actor) || Object.values(actor.stances).some(personal));
}

const effectFields = ['capability', 'salience', 'position', 'audienceCost', 'hurt', 'breachCost', 'commitment', 'statusQuo', 'channel', 'trust', 'record'];
const stanceEffectFields = new Set(['capability', 'salience', 'position', 'audienceCost', 'hurt', 'breachCost', 'commitment']);

interface Context {
  scenario: Scenario;
  actors: Map<string, Scenario['actors'][number]>;
  issues: Map<string, Scenario['issues'][number]>;
  found: FieldProblem[];
}

const listOf = (ids: Iterable<string>): string => [...ids].join(', ');

function knownActor(context: Context, id: string, path: FieldPath): boolean {
  if (context.actors.has(id)) return true;
  context.found.push({ path, message: `unknown actor "${id}"; expected one of ${listOf(context.actors.keys())}` });
  return false;
}

function knownIssue(context: Context, id: string, path: FieldPath): boolean {
  if (context.issues.has(id)) return true;
  context.found.push({ path, message: `unknown issue "${id}"; expected one of ${listOf(context.issues.keys())}` });
  return false;
}

/** An actor that must take part in an issue (veto players, ratifiers, proposals). */
function takesPart(context: Context, actor: string, issue: string, path: FieldPath): void {
  if (!knownActor(context, actor, path)) return;
  if (!stanceOf(context.actors.get(actor)!, issue)) context.found.push({ path, message: `actor "${actor}" takes no part in issue "${issue}"` });
}

const scaleOf = (context: Context, issue: string) => context.issues.get(issue)?.scale ?? { min: 0, max: 100 };

/** Every problem with the channel fields of a scenario whose shape is valid (§11). */
export function checkChannelFields(scenario: Scenario): FieldProblem[] {
  if (!hasChannelFields(scenario)) return [];
  const context: Context = {
    scenario,
    actors: new Map(scenario.actors.map((actor) => [actor.id, actor])),
    issues: new Map(scenario.issues.map((issue) => [issue.id, issue])),
    found: [],
  };
  const timeline = checkTimeline(context);
  checkCommitments(context);
  checkChannels(context);
  checkTrust(context, timeline);
  checkIssues(context);
  checkEvents(context, timeline);
  const leaves = checkBranches(context, timeline);
  checkProposals(context, timeline);
  if (context.found.length === 0 && timeline !== undefined && leaves !== undefined) checkEffectRanges(context, timeline, leaves);
  return context.found;
}

/** Rules 1–2: end after start; a start (timeline.start or asOf, a date) when anything is dated. */
function checkTimeline(context: Context): Timeline | undefined {
  const { scenario, found } = context;
  const dated = (scenario.events?.length ?? 0) + (scenario.branches?.length ?? 0) + (scenario.proposals?.length ?? 0) + (scenario.trust?.records?.length ?? 0) > 0;
  if (scenario.timeline === undefined && !dated) return undefined;
  if (scenario.timeline?.start === undefined) {
    if (scenario.asOf === undefined) {
      found.push({ path: scenario.timeline ? ['timeline'] : [], message: 'dated events, branches, proposals or trust records need timeline.start (or the scenario\'s asOf)' });
      return undefined;
    }
    try {
      parseDate(scenario.asOf);
    } catch (error) {
      found.push({ path: ['asOf'], message: `${(error as Error).message}: the timeline starts at asOf unless timeline.start is given` });
      return undefined;
    }
  }
  const timeline = timelineOf(scenario)!;
  if (timeline.end !== undefined && !(timeline.end > timeline.start))
    found.push({ path: ['timeline', 'end'], message: `the end (${scenario.timeline!.end}) must be after the start (${scenario.timeline?.start ?? scenario.asOf})` });
  return timeline;
}

/** Rule 5: exactly one of atLeast / atMost, on the scale, satisfied by the actor's own position. */
function checkCommitments(context: Context): void {
  context.scenario.actors.forEach((actor, index) => {
    for (const [issue, stance] of Object.entries(actor.stances)) {
      if (stance.commitment === undefined) continue;
      const path: FieldPath = ['actors', index, 'stances', issue, 'commitment'];
      checkCommitment(context, stance.commitment, issue, path, stance.position);
    }
  });
}

function checkCommitment(context: Context, commitment: NonNullable<Effect['commitment']>, issue: string, path: FieldPath, position: number | undefined): void {
  const kinds = (['atLeast', 'atMost'] as const).filter((kind) => commitment[kind] !== undefined);
  if (kinds.length !== 1) {
    context.found.push({ path, message: 'a red line gives exactly one of atLeast or atMost' });
    return;
  }
  const kind = kinds[0]!;
  const bound = commitment[kind]!;
  const scale = scaleOf(context, issue);
  if (bound < scale.min || bound > scale.max)
    context.found.push({ path: [...path, kind], message: `red line ${bound} is outside the issue's scale [${scale.min}, ${scale.max}]` });
  else if (position !== undefined && (kind === 'atLeast' ? position < bound : position > bound))
    context.found.push({ path: [...path, kind], message: `the actor's own position ${position} already violates its red line (${kind} ${bound})` });
}

/** Rule 4 (and rule 3 for channels): two different known actors, leak only in private, one rule per pair and issue. */
function checkChannels(context: Context): void {
  const seen = new Map<string, number>();
  (context.scenario.channels ?? []).forEach((rule, index) => {
    const path: FieldPath = ['channels', index];
    checkPair(context, rule.between, [...path, 'between']);
    if (rule.leak !== undefined && rule.channel !== 'private') context.found.push({ path: [...path, 'leak'], message: 'a leak probability belongs to a private channel only' });
    (rule.issues ?? []).forEach((issue, position) => knownIssue(context, issue, [...path, 'issues', position]));
    if (rule.between.length !== 2) return;
    const [a, b] = [...rule.between].sort() as [string, string];
    for (const issue of rule.issues ?? [...context.issues.keys()]) {
      const key = `${a}\u0000${b}\u0000${issue}`;
      const first = seen.get(key);
      if (first !== undefined && first !== index)
        context.found.push({ path, message: `a second rule for the pair ${a}–${b} on "${issue}" (also channels[${first}]): change channels over time with a dated event` });
      else seen.set(key, index);
    }
  });
}

function checkPair(context: Context, between: readonly string[], path: FieldPath): void {
  if (between.length !== 2 || between[0] === between[1]) context.found.push({ path, message: 'expected two different actors' });
  between.forEach((actor, side) => knownActor(context, actor, [...path, side]));
}

/** Rules 2 and 6: records (known actors, nobody judges itself, before the end), estimates (of ≠ in). */
function checkTrust(context: Context, timeline: Timeline | undefined): void {
  const trust = context.scenario.trust;
  if (!trust) return;
  (trust.records ?? []).forEach((record, index) => {
    const path: FieldPath = ['trust', 'records', index];
    checkRecord(context, record, path);
    if (timeline?.end !== undefined && parseDate(record.date) >= timeline.end)
      context.found.push({ path: [...path, 'date'], message: `a record dated ${record.date} is on or after the timeline end: it can have no effect` });
  });
  (trust.set ?? []).forEach((estimate, index) => {
    const path: FieldPath = ['trust', 'set', index];
    knownActor(context, estimate.of, [...path, 'of']);
    knownActor(context, estimate.in, [...path, 'in']);
    if (estimate.of === estimate.in) context.found.push({ path, message: `"of" and "in" name the same actor (${estimate.of}): trust is between two actors` });
  });
}

function checkRecord(context: Context, record: { actors: readonly string[]; seenBy?: readonly string[] | undefined }, path: FieldPath): void {
  if (record.actors.length === 0) context.found.push({ path: [...path, 'actors'], message: 'name at least one actor whose conduct is recorded' });
  record.actors.forEach((actor, index) => knownActor(context, actor, [...path, 'actors', index]));
  (record.seenBy ?? []).forEach((actor, index) => {
    if (!knownActor(context, actor, [...path, 'seenBy', index])) return;
    if (record.actors.includes(actor)) context.found.push({ path: [...path, 'seenBy', index], message: `"${actor}" is in both actors and seenBy: an actor does not judge its own record` });
  });
}

/** Rule 9 and the table: veto players, ratifiers, leak only at a private table. */
function checkIssues(context: Context): void {
  context.scenario.issues.forEach((issue, index) => {
    const path: FieldPath = ['issues', index];
    if (issue.vetoPlayers !== undefined) {
      if (new Set(issue.vetoPlayers).size < 2) context.found.push({ path: [...path, 'vetoPlayers'], message: 'a deal needs at least two different veto players' });
      issue.vetoPlayers.forEach((actor, position) => takesPart(context, actor, issue.id, [...path, 'vetoPlayers', position]));
    }
    (issue.ratifiers ?? []).forEach((ratifier, position) => {
      const where: FieldPath = [...path, 'ratifiers', position];
      if (ratifier.actor === ratifier.for) context.found.push({ path: where, message: `"${ratifier.actor}" cannot ratify for itself` });
      takesPart(context, ratifier.actor, issue.id, [...where, 'actor']);
      takesPart(context, ratifier.for, issue.id, [...where, 'for']);
    });
    if (issue.table?.leak !== undefined && issue.table.channel !== 'private')
      context.found.push({ path: [...path, 'table', 'leak'], message: 'a leak probability belongs to a private table only' });
  });
}

/** Rule 2: a dated item on or after the start and before the end. */
function checkDate(context: Context, timeline: Timeline | undefined, date: string, path: FieldPath, what: string): void {
  if (timeline === undefined) return;
  const day = parseDate(date);
  const startText = context.scenario.timeline?.start ?? context.scenario.asOf;
  if (day < timeline.start) context.found.push({ path, message: `${what} dated ${date} is before the timeline start ${startText}: fold it into the scenario's inputs` });
  else if (timeline.end !== undefined && day >= timeline.end)
    context.found.push({ path, message: `${what} dated ${date} is on or after the timeline end ${context.scenario.timeline!.end}: it can have no effect` });
}

function checkEvents(context: Context, timeline: Timeline | undefined): void {
  (context.scenario.events ?? []).forEach((event, index) => {
    checkDate(context, timeline, event.date, ['events', index, 'date'], 'an event');
    (event.effects ?? []).forEach((effect, position) => checkEffect(context, effect, ['events', index, 'effects', position]));
  });
}

/** Rules 3 and 8: one field per effect, known ids, a stance to change, value forms that make sense. */
function checkEffect(context: Context, effect: Effect, path: FieldPath): void {
  const fields = effectFields.filter((field) => (effect as Record<string, unknown>)[field] !== undefined);
  if (fields.length !== 1) {
    context.found.push({ path, message: `an effect sets exactly one of ${effectFields.join(', ')} (this one sets ${fields.length === 0 ? 'none' : fields.join(', ')})` });
    return;
  }
  const field = fields[0]!;
  if (stanceEffectFields.has(field)) {
    if (effect.actor === undefined) return void context.found.push({ path, message: `a ${field} effect names its actor` });
    if (!knownActor(context, effect.actor, [...path, 'actor'])) return;
    if ((field === 'position' || field === 'commitment') && effect.issue === undefined) return void context.found.push({ path, message: `a ${field} effect names its issue` });
    if (effect.issue !== undefined) {
      if (!knownIssue(context, effect.issue, [...path, 'issue'])) return;
      const stance = stanceOf(context.actors.get(effect.actor)!, effect.issue);
      if (!stance) return void context.found.push({ path: [...path, 'issue'], message: `actor "${effect.actor}" takes no part in issue "${effect.issue}"` });
      if (field === 'commitment' && effect.commitment) checkCommitment(context, effect.commitment, effect.issue, [...path, 'commitment'], undefined);
    }
  } else if (field === 'statusQuo') {
    if (effect.issue === undefined) return void context.found.push({ path, message: 'a statusQuo effect names its issue' });
    if (knownIssue(context, effect.issue, [...path, 'issue']) && context.issues.get(effect.issue)!.statusQuo === undefined && typeof effect.statusQuo === 'object' && effect.statusQuo.plus !== undefined)
      context.found.push({ path: [...path, 'statusQuo'], message: `issue "${effect.issue}" has no status quo to add to: give one on the issue, or set it` });
  } else if (effect.actor !== undefined || effect.issue !== undefined) {
    context.found.push({ path, message: `a ${field} effect names its actors and issues inside "${field}", not as actor or issue` });
  }
  if (field === 'channel') {
    const rule = effect.channel!;
    checkPair(context, rule.between, [...path, 'channel', 'between']);
    if (rule.leak !== undefined && rule.channel !== 'private') context.found.push({ path: [...path, 'channel', 'leak'], message: 'a leak probability belongs to a private channel only' });
    (rule.issues ?? []).forEach((issue, position) => knownIssue(context, issue, [...path, 'channel', 'issues', position]));
  }
  if (field === 'trust') {
    knownActor(context, effect.trust!.of, [...path, 'trust', 'of']);
    knownActor(context, effect.trust!.in, [...path, 'trust', 'in']);
    if (effect.trust!.of === effect.trust!.in) context.found.push({ path: [...path, 'trust'], message: '"of" and "in" name the same actor: trust is between two actors' });
  }
  if (field === 'record') checkRecord(context, effect.record!, [...path, 'record']);
  const change = (effect as Record<string, unknown>)[field];
  const valueField = field === 'statusQuo' || (stanceEffectFields.has(field) && field !== 'commitment');
  if (!valueField || change === null || typeof change !== 'object') return;
  const forms = ['set', 'times', 'plus'].filter((key) => (change as Record<string, unknown>)[key] !== undefined);
  if (forms.length !== 1) context.found.push({ path: [...path, field], message: 'expected a number or exactly one of {set}, {times}, {plus}' });
  const times = (change as { times?: number }).times;
  if (times !== undefined && (field === 'position' || field === 'statusQuo'))
    context.found.push({ path: [...path, field, 'times'], message: `"times" is not defined for a ${field === 'position' ? 'position' : 'status quo'}: use set or plus` });
  else if (times !== undefined && times < 0) context.found.push({ path: [...path, field, 'times'], message: `"times" needs a factor ≥ 0, got ${times}` });
}

const formatSum = (sum: number): string => String(Number(sum.toPrecision(12)));

/** Rule 7: outcomes, ids, probabilities, conditions and the number of leaves. */
function checkBranches(context: Context, timeline: Timeline | undefined): Leaf[] | undefined {
  const branches = context.scenario.branches ?? [];
  const byId = new Map<string, { index: number; branch: Branch }>();
  branches.forEach((branch, index) => {
    const path: FieldPath = ['branches', index];
    const first = byId.get(branch.id);
    if (first) context.found.push({ path: [...path, 'id'], message: `duplicate branch id "${branch.id}" (also branches[${first.index}])` });
    checkDate(context, timeline, branch.date, [...path, 'date'], 'a branch');
    if (branch.outcomes.length < 2) context.found.push({ path: [...path, 'outcomes'], message: 'a branch needs at least two outcomes' });
    const outcomeIds = new Map<string, number>();
    branch.outcomes.forEach((outcome, position) => {
      const seen = outcomeIds.get(outcome.id);
      if (seen !== undefined) context.found.push({ path: [...path, 'outcomes', position, 'id'], message: `duplicate outcome id "${outcome.id}" (also outcomes[${seen}])` });
      else outcomeIds.set(outcome.id, position);
      (outcome.effects ?? []).forEach((effect, where) => checkEffect(context, effect, [...path, 'outcomes', position, 'effects', where]));
    });
    const sum = branch.outcomes.reduce((total, outcome) => total + outcome.probability, 0);
    if (Math.abs(sum - 1) > 1e-9) context.found.push({ path: [...path, 'outcomes'], message: `the outcome probabilities sum to ${formatSum(sum)}, not 1` });
    if (branch.when !== undefined) checkCondition(context, branch, byId, path);
    if (!first) byId.set(branch.id, { index, branch });
  });
  if (branches.length === 0) return leavesOf(undefined);
  const leaves = leavesOf(branches, maxLeaves);
  if (leaves.length > maxLeaves) {
    context.found.push({ path: ['branches'], message: `the branches make more than ${maxLeaves} leaves: sample them with parley sweep instead` });
    return undefined;
  }
  return leaves;
}

function checkCondition(context: Context, branch: Branch, earlier: Map<string, { index: number; branch: Branch }>, path: FieldPath): void {
  const condition = branch.when!;
  const parent = earlier.get(condition.branch);
  if (!parent) return void context.found.push({ path: [...path, 'when', 'branch'], message: `unknown or later branch '${condition.branch}': a condition names an earlier-listed branch` });
  if (!parent.branch.outcomes.some((outcome) => outcome.id === condition.outcome))
    return void context.found.push({ path: [...path, 'when', 'outcome'], message: `branch '${condition.branch}' has no outcome '${condition.outcome}'; expected one of ${parent.branch.outcomes.map((outcome) => outcome.id).join(', ')}` });
  if (parseDate(branch.date) < parseDate(parent.branch.date))
    context.found.push({ path: [...path, 'date'], message: `a conditional branch cannot be dated before the branch it depends on ('${condition.branch}', ${parent.branch.date})` });
}

/** Rule 10. */
function checkProposals(context: Context, timeline: Timeline | undefined): void {
  (context.scenario.proposals ?? []).forEach((proposal, index) => {
    const path: FieldPath = ['proposals', index];
    checkDate(context, timeline, proposal.date, [...path, 'date'], 'a proposal');
    if (!knownIssue(context, proposal.issue, [...path, 'issue'])) return;
    if (proposal.from === proposal.to) context.found.push({ path, message: `"from" and "to" name the same actor (${proposal.from})` });
    takesPart(context, proposal.from, proposal.issue, [...path, 'from']);
    takesPart(context, proposal.to, proposal.issue, [...path, 'to']);
    const scale = scaleOf(context, proposal.issue);
    if (proposal.position < scale.min || proposal.position > scale.max)
      context.found.push({ path: [...path, 'position'], message: `position ${proposal.position} is outside the issue's scale [${scale.min}, ${scale.max}]` });
  });
}

/** Where each dated effect is written, so a value out of range is reported at the effect that made it. */
function effectPaths(scenario: Scenario): Map<Effect, FieldPath> {
  const paths = new Map<Effect, FieldPath>();
  (scenario.events ?? []).forEach((event, index) => (event.effects ?? []).forEach((effect, position) => paths.set(effect, ['events', index, 'effects', position])));
  (scenario.branches ?? []).forEach((branch, index) =>
    branch.outcomes.forEach((outcome, which) => (outcome.effects ?? []).forEach((effect, position) => paths.set(effect, ['branches', index, 'outcomes', which, 'effects', position]))),
  );
  return paths;
}

/** Rule 8: positions and status quo on the scale, capabilities ≥ 0, saliences within the scale, in every leaf and round (once per field). */
function checkEffectRanges(context: Context, timeline: Timeline, leaves: readonly Leaf[]): void {
  const { scenario } = context;
  if ((scenario.events?.length ?? 0) === 0 && (scenario.branches?.length ?? 0) === 0) return;
  const paths = effectPaths(scenario);
  const reported = new Set<string>();
  const report = (key: string, path: FieldPath | undefined, message: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    context.found.push({ path: path ?? ['events'], message });
  };
  for (const leaf of leaves) {
    const state = initialState(scenario, timeline);
    const where = leafLabel(leaf) === '' ? '' : `in leaf ${leafLabel(leaf)}, `;
    for (const item of datedItems(scenario, timeline, leaf)) {
      for (const effect of item.effects) {
        const jumps: PositionJump[] = [];
        applyEffect(state, scenario, effect, item, jumps);
        const path = paths.get(effect);
        const field = effectField(effect);
        const at = `${where}round ${item.round}`;
        if (field === 'statusQuo') {
          const value = state.statusQuo.get(effect.issue!)!;
          const scale = scaleOf(context, effect.issue!);
          if (value < scale.min || value > scale.max) report(`sq ${effect.issue}`, path, `${at}, the status quo of ${effect.issue} becomes ${value}, outside the scale [${scale.min}, ${scale.max}]`);
        }
        if (effect.actor === undefined || (field !== 'position' && field !== 'capability' && field !== 'salience')) continue;
        for (const [issue, stance] of state.stances.get(effect.actor) ?? []) {
          if (effect.issue !== undefined && effect.issue !== issue) continue;
          const scale = scaleOf(context, issue);
          if (field === 'position' && (stance.position < scale.min || stance.position > scale.max))
            report(`pos ${effect.actor} ${issue}`, path, `${at}, ${effect.actor}'s position on ${issue} becomes ${stance.position}, outside the scale [${scale.min}, ${scale.max}]`);
          if (field === 'capability' && stance.capability < 0) report(`cap ${effect.actor}`, path, `${at}, ${effect.actor}'s capability becomes ${stance.capability} < 0`);
          if (field === 'salience' && (stance.salience < 0 || stance.salience > scenario.salienceScale))
            report(`sal ${effect.actor} ${issue}`, path, `${at}, ${effect.actor}'s salience on ${issue} becomes ${stance.salience}, outside [0, ${scenario.salienceScale}]`);
        }
      }
    }
  }
}

/** What `validate` read of the channel fields, in one note (channels-spec §1.1), or undefined when there are none. */
export function channelSummary(scenario: Scenario): string | undefined {
  if (!hasChannelFields(scenario)) return undefined;
  const parts: string[] = [];
  const timeline = timelineOf(scenario);
  if (timeline) {
    const unit = { d: 'day', w: 'week', m: 'month' }[timeline.unit];
    const step = `${timeline.n} ${unit}${timeline.n === 1 ? '' : 's'}`;
    const rounds = timeline.end === undefined ? '' : `, ${roundsToEnd(timeline)} rounds to ${formatDate(timeline.end)}`;
    parts.push(`timeline from ${formatDate(timeline.start)} in rounds of ${step}${rounds}`);
  }
  const count = (n: number | undefined, noun: string) => (n ? [`${n} ${noun}${n === 1 ? '' : 's'}`] : []);
  parts.push(...count(scenario.channels?.length, 'channel rule'));
  parts.push(...count(scenario.trust?.records?.length, 'trust record'));
  parts.push(...count(scenario.trust?.set?.length, 'trust estimate'));
  parts.push(...count(scenario.events?.length, 'event'));
  if (scenario.branches?.length) parts.push(`${scenario.branches.length} branch${scenario.branches.length === 1 ? '' : 'es'} (${leavesOf(scenario.branches).length} leaves)`);
  parts.push(...count(scenario.proposals?.length, 'proposal'));
  const redLines = scenario.actors.reduce((total, actor) => total + Object.values(actor.stances).filter((stance) => stance.commitment).length, 0);
  parts.push(...count(redLines, 'red line'));
  return `channels: ${parts.join('; ')}`;
}
