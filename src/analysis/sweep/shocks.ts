/**
 * Shocks: Bueno de Mesquita's stability tests (drop an actor, change a salience or a capability from
 * some round on, close a channel between two actors) applied to every run of a sweep.
 *
 * Dropping an actor removes it from the scenario, so every model honours it. A change from round k on
 * and a closed dyad are round-by-round events: they become the iterative model's `changes` and
 * `closedDyads` options (EUM), and a model without those options refuses them.
 */
import { InputError, type Problem } from '../../errors.js';
import type { Scenario } from '../../scenario/schema.js';
import { stanceOf } from '../../scenario/keyed.js';

export type ShockSpec =
  | { kind: 'drop'; actor: string }
  /** From `fromRound` on, the actor's capability or salience (on the scenario's salience scale) is `value`. */
  | { kind: 'change'; actor: string; issue?: string; field: 'capability' | 'salience'; value: number; fromRound: number }
  /** The two actors neither challenge nor make offers to each other; they still vote. */
  | { kind: 'close'; actors: [string, string] };

export const shockSyntax = 'drop:ACTOR | close:ACTOR,ACTOR | ACTOR.[ISSUE.]capability|salience=VALUE@ROUND';

/** Parses `--shock` text: `drop:china`, `close:us,russia`, `russia.capability=60@3`, `us.talks.salience=30@2`. */
export function parseShock(text: string, field = 'shock'): ShockSpec {
  const fail = (message: string): never => {
    throw new InputError({ field, message: `${message} in "${text}"; expected ${shockSyntax}` });
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('drop:')) {
    const actor = trimmed.slice('drop:'.length);
    if (actor === '' || actor.includes(',')) return fail('expected one actor');
    return { kind: 'drop', actor };
  }
  if (trimmed.startsWith('close:')) {
    const actors = trimmed.slice('close:'.length).split(',');
    if (actors.length !== 2 || actors.some((actor) => actor === '')) return fail('expected two actors separated by a comma');
    if (actors[0] === actors[1]) return fail('a dyad needs two different actors');
    return { kind: 'close', actors: [actors[0]!, actors[1]!] };
  }
  const match = /^([^=@]+)=([^=@]+)@([^=@]+)$/u.exec(trimmed);
  if (!match) return fail('unrecognised shock');
  const path = match[1]!.split('.');
  const fieldName = path.pop();
  if (fieldName !== 'capability' && fieldName !== 'salience') return fail(`a change applies to capability or salience, not "${fieldName}"`);
  if (path.length < 1 || path.length > 2 || path.some((part) => part === '')) return fail('expected ACTOR.FIELD or ACTOR.ISSUE.FIELD');
  const value = Number(match[2]);
  if (match[2]!.trim() === '' || !Number.isFinite(value) || value < 0) return fail(`value "${match[2]}" is not a number ≥ 0`);
  const fromRound = Number(match[3]);
  if (!Number.isInteger(fromRound) || fromRound < 1) return fail(`round "${match[3]}" is not a whole number ≥ 1`);
  const shock: ShockSpec = { kind: 'change', actor: path[0]!, field: fieldName, value, fromRound };
  if (path[1] !== undefined) {
    if (fieldName === 'capability') return fail('capability belongs to an actor, not to an issue');
    shock.issue = path[1];
  }
  return shock;
}

/** A shock as `--shock` writes it: `russia.capability=50@3`, `drop:china`, `close:us,russia`. */
export function shockText(shock: ShockSpec): string {
  if (shock.kind === 'drop') return `drop:${shock.actor}`;
  if (shock.kind === 'close') return `close:${shock.actors.join(',')}`;
  return `${[shock.actor, shock.issue, shock.field].filter((part) => part !== undefined).join('.')}=${shock.value}@${shock.fromRound}`;
}

/** Checks shocks against the scenario: known actors and issues, valid values; collects every problem. */
export function checkShocks(shocks: readonly ShockSpec[], scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const actors = new Map(scenario.actors.map((actor) => [actor.id, actor]));
  const knownActor = (id: string, field: string): boolean => {
    if (actors.has(id)) return true;
    problems.push({ field, message: `unknown actor "${id}"; expected one of ${[...actors.keys()].join(', ')}` });
    return false;
  };
  shocks.forEach((shock, index) => {
    const field = `shocks[${index}]`;
    if (shock.kind === 'drop') knownActor(shock.actor, field);
    else if (shock.kind === 'close') shock.actors.forEach((id) => knownActor(id, field));
    else if (knownActor(shock.actor, field)) {
      if (shock.issue !== undefined) {
        if (!scenario.issues.some((issue) => issue.id === shock.issue))
          problems.push({ field, message: `unknown issue "${shock.issue}"; expected one of ${scenario.issues.map((issue) => issue.id).join(', ')}` });
        else if (!stanceOf(actors.get(shock.actor)!, shock.issue))
          problems.push({ field, message: `actor "${shock.actor}" takes no part in issue "${shock.issue}"` });
      }
      if (shock.field === 'salience' && !(shock.value >= 0 && shock.value <= scenario.salienceScale))
        problems.push({ field, message: `salience ${shock.value} is outside the scenario's salience scale [0, ${scenario.salienceScale}]` });
      if (shock.field === 'capability' && !(shock.value >= 0)) problems.push({ field, message: `capability must be ≥ 0, got ${shock.value}` });
    }
  });
  const dropped = new Set(shocks.flatMap((shock) => (shock.kind === 'drop' ? [shock.actor] : [])));
  shocks.forEach((shock, index) => {
    const involved = shock.kind === 'close' ? shock.actors : shock.kind === 'change' ? [shock.actor] : [];
    for (const id of involved)
      if (dropped.has(id)) problems.push({ field: `shocks[${index}]`, message: `actor "${id}" is dropped by another shock` });
  });
  for (const issue of scenario.issues) {
    const remaining = scenario.actors.filter((actor) => stanceOf(actor, issue.id) && !dropped.has(actor.id));
    if (remaining.length === 0) problems.push({ field: 'shocks', message: `dropping ${[...dropped].join(', ')} leaves no actor on issue "${issue.id}"` });
  }
  return problems;
}

/** The scenario without the dropped actors. */
export function dropActors(scenario: Scenario, shocks: readonly ShockSpec[]): Scenario {
  const dropped = new Set(shocks.flatMap((shock) => (shock.kind === 'drop' ? [shock.actor] : [])));
  if (dropped.size === 0) return scenario;
  return { ...scenario, actors: scenario.actors.filter((actor) => !dropped.has(actor.id)) };
}

/** The model options that carry the round-based shocks (EUM's `changes` and `closedDyads`); empty when none. */
export function shockOptions(shocks: readonly ShockSpec[]): Record<string, unknown> {
  const changes = shocks.flatMap((shock) =>
    shock.kind === 'change'
      ? [{ fromRound: shock.fromRound, actor: shock.actor, ...(shock.issue !== undefined ? { issue: shock.issue } : {}), [shock.field]: shock.value }]
      : [],
  );
  const closedDyads = shocks.flatMap((shock) => (shock.kind === 'close' ? [shock.actors] : []));
  return { ...(changes.length > 0 ? { changes } : {}), ...(closedDyads.length > 0 ? { closedDyads } : {}) };
}
