/**
 * A problem's field path in words, for people: `actors[1].stances.talks.salience` of the worked
 * example reads "Ukraine's salience on US–Russia negotiations", `issues[0].scale.min` reads
 * "Terms of a Russia–Ukraine settlement: the scale's low end". Actors and issues are named as
 * everywhere else (`actorNames`: the name, else the id when it is missing or shared; an issue by its
 * name, else its id), and by their place in the list ("actor 3") when even the id is missing.
 *
 * Pure, and it reads the scenario loosely (a draft with problems, straight from the editor or an
 * import): any field the words do not know is spelled from its key ("audienceCost" → "audience cost").
 * The CLI keeps its `file:line: field: message` form; the workbench uses these words.
 */
import type { Problem } from '../errors.js';
import type { FieldPath } from './fieldPath.js';

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined;
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** `actors[2].stances.talks` → `['actors', 2, 'stances', 'talks']` (ids never hold `.`, see ids.ts). */
export function parseFieldPath(field: string): FieldPath {
  const path: (string | number)[] = [];
  for (const part of field.split('.')) {
    const match = /^(.*?)((?:\[\d+\])*)$/u.exec(part)!;
    if (match[1] !== '') path.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/gu)) path.push(Number(index[1]));
  }
  return path;
}

/** "audienceCost" → "audience cost", "smpOptions" → "SMP options". */
export function keyWords(key: string): string {
  const known = keyNames.get(key);
  if (known !== undefined) return known;
  return key.replace(/([a-z0-9])([A-Z])/gu, '$1 $2').toLowerCase();
}

const keyNames = new Map<string, string>([
  ['asOf', 'date (as of)'],
  ['salienceScale', 'salience scale'],
  ['statusQuo', 'status quo'],
  ['minLabel', 'label of the low end'],
  ['maxLabel', 'label of the high end'],
  ['min', 'low end'],
  ['max', 'high end'],
  ['risk', 'risk exponent'],
  ['capabilityRange', 'capability range'],
  ['smpOptions', 'SMP options'],
  ['idealAdjustment', 'ideal adjustments'],
  ['url', 'URL'],
  ['id', 'id'],
  ['commitment', 'red line'],
  ['leak', 'leak probability'],
  ['when', 'condition'],
  ['between', 'pair'],
  ['halfLifeYears', 'half-life (years)'],
  ['table', 'bargaining table'],
  ['of', 'whose trust'],
  ['in', 'trust in'],
  ['for', 'signatory'],
]);

/** The possessive of a name: "Russia's", "the United States'". */
export function possessive(name: string): string {
  return /s$/u.test(name) ? `${name}'` : `${name}'s`;
}

/** How people know the actors (name, else id when missing or shared, else "actor N"), by index. */
function actorLabels(scenario: unknown): string[] {
  const actors = asList(asObject(scenario)?.actors).map(asObject);
  const count = new Map<string, number>();
  for (const actor of actors) {
    const name = asText(actor?.name);
    if (name !== undefined) count.set(name, (count.get(name) ?? 0) + 1);
  }
  return actors.map((actor, index) => {
    const name = asText(actor?.name);
    return name !== undefined && count.get(name) === 1 ? name : (asText(actor?.id) ?? name ?? `actor ${index + 1}`);
  });
}

function issueLabel(issue: Loose | undefined, index: number): string {
  return asText(issue?.name) ?? asText(issue?.id) ?? `issue ${index + 1}`;
}

/** An issue named by its id in a stance key: its name when the scenario declares it. */
function issueById(scenario: unknown, id: string): string {
  const issues = asList(asObject(scenario)?.issues).map(asObject);
  const issue = issues.find((candidate) => candidate?.id === id);
  return issue ? issueLabel(issue, issues.indexOf(issue)) : id;
}

/** The words for what follows a named thing: `scale.min` → "the scale's low end", `aliases[1]` → "alias 2". */
function restWords(rest: FieldPath): string {
  if (rest.length === 0) return '';
  const parts: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const segment = rest[index]!;
    const next = rest[index + 1];
    if (typeof segment === 'number') {
      parts.push(`item ${segment + 1}`);
      continue;
    }
    if (typeof next === 'number') {
      parts.push(itemWords(segment, next));
      index++;
    } else if (segment === 'smpOptions' && next !== undefined) {
      // `smpOptions.votingRule` → "SMP option voting rule"; a list option takes its item next.
      const item = rest[index + 2];
      parts.push(typeof item === 'number' ? `SMP option ${itemWords(next, item)}` : `SMP option ${keyWords(next)}`);
      index += typeof item === 'number' ? 2 : 1;
    } else parts.push(keyWords(segment));
  }
  return parts.reduce((words, part) => `${possessive(words)} ${part}`);
}

/** One element of a list: `aliases`, 1 → "alias 2"; `capabilityRange`, 0 → "capability range (low)". */
function itemWords(list: string, index: number): string {
  if (list === 'capabilityRange' || list === 'position' || list === 'salience') return `${keyWords(list)} ${index === 0 ? '(low)' : index === 1 ? '(high)' : `item ${index + 1}`}`;
  const singular = singulars.get(list) ?? `${keyWords(list)} item`;
  return `${singular} ${index + 1}`;
}

const singulars = new Map<string, string>([
  ['aliases', 'alias'],
  ['issues', 'issue'],
  ['actors', 'actor'],
  ['sources', 'source'],
  ['spaces', 'space'],
  ['questions', 'question'],
  ['idealAdjustment', 'ideal adjustment'],
  ['channels', 'channel rule'],
  ['events', 'event'],
  ['branches', 'branch'],
  ['outcomes', 'outcome'],
  ['proposals', 'proposal'],
  ['records', 'record'],
  ['between', 'actor'],
  ['ratifiers', 'ratifier'],
  ['vetoPlayers', 'veto player'],
  ['seenBy', 'observer'],
]);

/** A stance's field on an issue: `position` → "position on Talks", `range.position[0]` → "lowest position on Talks". */
function stanceWords(issue: string, rest: FieldPath): string {
  if (rest.length === 0) return `stance on ${issue}`;
  if (rest[0] === 'range' && (rest[1] === 'position' || rest[1] === 'salience')) {
    const end = rest[2] === 0 ? 'lowest ' : rest[2] === 1 ? 'highest ' : '';
    return end === '' ? `${rest[1]} range on ${issue}` : `${end}plausible ${rest[1]} on ${issue}`;
  }
  return `${restWords(rest)} on ${issue}`;
}

/** Words for a named list element's field: "Russia's capability", "Talks: the scale's low end". */
function ofNamed(name: string, rest: FieldPath, kind: string): string {
  if (rest.length === 0) return `${kind} ${name}`;
  return `${possessive(name)} ${restWords(rest)}`;
}

/**
 * A field path (as a Problem's `field` string or as segments) in words, using the scenario to name
 * actors and issues. An empty path is "the scenario".
 */
export function fieldWords(field: string | FieldPath, scenario: unknown): string {
  const path = typeof field === 'string' ? parseFieldPath(field) : field;
  const [head, index, ...rest] = path;
  if (head === undefined) return 'the scenario';
  const root = asObject(scenario);
  if (head === 'actors' && typeof index === 'number') {
    const name = actorLabels(scenario)[index] ?? `actor ${index + 1}`;
    if (rest[0] === 'stances' && typeof rest[1] === 'string') return `${possessive(name)} ${stanceWords(issueById(scenario, rest[1]), rest.slice(2))}`;
    if (rest[0] === 'stances' && rest.length === 1) return `${possessive(name)} stances`;
    return ofNamed(name, rest, 'actor');
  }
  if (head === 'issues' && typeof index === 'number') {
    const issues = asList(root?.issues);
    return ofNamed(issueLabel(asObject(issues[index]), index), rest, 'issue');
  }
  if ((head === 'spaces' || head === 'questions') && typeof index === 'number') {
    const item = asObject(asList(root?.[head])[index]);
    const kind = head === 'spaces' ? 'space' : 'question';
    const label = asText(item?.name) ?? asText(item?.id) ?? String(index + 1);
    return ofNamed(label, rest, kind);
  }
  const dated = datedItemWords(root, path, actorLabelById(scenario));
  if (dated !== undefined) return dated;
  if (typeof index !== 'number') return `the ${restWords(path)}`;
  return restWords(path);
}

/** Actors by id, named as `actorLabels` names them. */
function actorLabelById(scenario: unknown): (id: unknown) => string {
  const labels = actorLabels(scenario);
  const byId = new Map<string, string>();
  asList(asObject(scenario)?.actors).forEach((actor, index) => {
    const id = asText(asObject(actor)?.id);
    if (id !== undefined) byId.set(id, labels[index]!);
  });
  return (id) => byId.get(String(id)) ?? String(id);
}

/** “label” (date), or “label”, or the date, or the item's number: how a dated list item is named. */
function labelledItem(kind: string, item: Loose | undefined, index: number): string {
  const label = asText(item?.label) ?? asText(item?.id);
  const date = asText(item?.date);
  if (label !== undefined) return `${kind} “${label}”${date ? ` (${date})` : ''}`;
  return date !== undefined ? `${kind} of ${date}` : `${kind} ${index + 1}`;
}

/**
 * The channels-spec §3 lists (channels, trust records and estimates, events, branches, proposals): the item named
 * by what it is about ("the channel between the United States and Russia", "branch “aid vote”
 * (2024-04-20), outcome “passes”"), then the field: "…, leak probability". Undefined for other paths.
 */
function datedItemWords(root: Loose | undefined, path: FieldPath, actorName: (id: unknown) => string): string | undefined {
  const [head, index] = path;
  const heads: string[] = [];
  let rest = path.slice(1);
  if (head === 'channels' && typeof index === 'number') {
    const between = asObject(asList(root?.channels)[index])?.between;
    heads.push(Array.isArray(between) && between.length > 0 ? `the channel between ${between.map(actorName).join(' and ')}` : `channel rule ${index + 1}`);
    rest = path.slice(2);
  } else if ((head === 'events' || head === 'branches' || head === 'proposals') && typeof index === 'number') {
    const item = asObject(asList(root?.[head])[index]);
    heads.push(labelledItem(singulars.get(head)!, item, index));
    rest = path.slice(2);
    if (rest[0] === 'outcomes' && typeof rest[1] === 'number') {
      const outcome = asObject(asList(item?.outcomes)[rest[1]]);
      heads.push(`outcome “${asText(outcome?.label) ?? asText(outcome?.id) ?? rest[1] + 1}”`);
      rest = rest.slice(2);
    }
  } else if (head === 'trust') {
    heads.push('trust');
    const trust = asObject(root?.trust);
    if (rest[0] === 'records' && typeof rest[1] === 'number') {
      heads.push(labelledItem('record', asObject(asList(trust?.records)[rest[1]]), rest[1]));
      rest = rest.slice(2);
    } else if (rest[0] === 'set' && typeof rest[1] === 'number') {
      const estimate = asObject(asList(trust?.set)[rest[1]]);
      heads.push(estimate ? `the trust of ${actorName(estimate.of)} in ${actorName(estimate.in)}` : `estimate ${rest[1] + 1}`);
      rest = rest.slice(2);
    }
  } else return undefined;
  if (rest[0] === 'effects' && typeof rest[1] === 'number') {
    heads.push(`effect ${rest[1] + 1}`);
    rest = rest.slice(2);
  }
  return [...heads, ...(rest.length === 0 ? [] : [restWords(rest)])].join(', ');
}

/** A problem in words: "Ukraine's salience on US–Russia negotiations: salience 150 is above the salience scale 100". */
export function problemWords(problem: Pick<Problem, 'field' | 'message'>, scenario: unknown): string {
  const message = actorIdsNamed(problem.message, scenario);
  return problem.field ? `${fieldWords(problem.field, scenario)}: ${message}` : message;
}

/** A message's quoted actor ids replaced by the actors' names: `the pair "us" and "russia"` → "the pair United States and Russia". */
function actorIdsNamed(message: string, scenario: unknown): string {
  const ids = new Set(asList(asObject(scenario)?.actors).map((actor) => asText(asObject(actor)?.id)));
  const name = actorLabelById(scenario);
  return message.replace(/"([^"]+)"/gu, (whole, id: string) => (ids.has(id) ? name(id) : whole));
}
