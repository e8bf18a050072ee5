/**
 * A problem's field path in words, for the channels view: `actors[0].stances.settlement.commitment.atLeast`
 * → "Russia, Terms of a Russia–Ukraine settlement: red line, at least". Actors and issues are named
 * (their name, else their id), list items by their label and date; field names become words. A local
 * helper of this view (the editor's own wording lives in web/src/editor). Pure: reads the loose draft.
 */
import type { Draft } from '../editor/draft.js';

type Loose = Record<string, unknown>;

const fieldNames: Record<string, string> = {
  commitment: 'red line',
  atLeast: 'at least',
  atMost: 'at most',
  cost: 'cost',
  audienceCost: 'audience cost',
  breachCost: 'breach cost',
  hurt: 'hurt',
  patience: 'patience',
  position: 'position',
  salience: 'salience',
  capability: 'capability',
  statusQuo: 'status quo',
  vetoPlayers: 'veto players',
  ratifiers: 'ratifiers',
  table: 'bargaining table',
  leak: 'leak probability',
  channel: 'channel',
  between: 'pair',
  issues: 'issues',
  prior: 'prior',
  mean: 'mean',
  strength: 'strength',
  halfLifeYears: 'half-life (years)',
  seenBy: 'seen by',
  actors: 'whose conduct',
  outcome: 'outcome',
  weight: 'weight',
  value: 'value',
  of: 'whose trust',
  in: 'trust in',
  date: 'date',
  label: 'label',
  start: 'start',
  step: 'step',
  end: 'end',
  effects: 'effects',
  outcomes: 'outcomes',
  probability: 'probability',
  when: 'condition',
  branch: 'branch',
  record: 'record',
  trust: 'trust',
  set: 'set to',
  times: 'times',
  plus: 'plus',
  from: 'from',
  to: 'to',
  evidence: 'evidence',
};

/** `a.b[2].c` → ['a', 'b', 2, 'c']. */
export function parseField(field: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/gu)) segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return segments;
}

const asObject = (value: unknown): Loose | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Display names by id: the name when there is one, else the id. */
function namer(list: unknown): (id: unknown) => string {
  const names = new Map<string, string>();
  if (Array.isArray(list)) for (const item of list) {
    const object = asObject(item);
    const id = text(object?.['id']);
    if (id !== undefined) names.set(id, text(object?.['name']) ?? id);
  }
  return (id) => names.get(String(id)) ?? String(id);
}

/** “label” (date), or “label”, or the date, or the item's number. */
function itemWords(kind: string, item: unknown, index: number): string {
  const object = asObject(item);
  const label = text(object?.['label']) ?? text(object?.['id']);
  const date = text(object?.['date']);
  if (label !== undefined) return `${kind} “${label}”${date ? ` (${date})` : ''}`;
  if (date !== undefined) return `${kind} of ${date}`;
  return `${kind} ${index + 1}`;
}

const fieldWord = (segment: string | number): string =>
  typeof segment === 'number' ? `item ${segment + 1}` : (fieldNames[segment] ?? segment.replace(/([a-z])([A-Z])/gu, '$1 $2').toLowerCase());

/** The field in words (see the module comment). */
export function fieldWords(draft: Draft, field: string | undefined): string {
  if (field === undefined || field === '') return 'the scenario';
  const path = parseField(field);
  const actorName = namer(draft.actors);
  const issueName = namer(draft.issues);
  const heads: string[] = [];
  let rest: (string | number)[] = path;
  let node: unknown = draft;
  const take = (count: number) => {
    for (const segment of rest.slice(0, count)) node = (node as Record<string | number, unknown> | undefined)?.[segment];
    rest = rest.slice(count);
  };
  const [first, second] = path;
  if (first === 'actors' && typeof second === 'number') {
    heads.push(actorName(asObject(draft.actors[second])?.['id'] ?? `actor ${second + 1}`));
    take(2);
    if (rest[0] === 'stances' && typeof rest[1] === 'string') {
      heads.push(issueName(rest[1]));
      take(2);
    }
  } else if (first === 'issues' && typeof second === 'number') {
    heads.push(issueName(asObject(draft.issues[second])?.['id'] ?? `issue ${second + 1}`));
    take(2);
  } else if (first === 'channels' && typeof second === 'number') {
    const between = asObject((draft['channels'] as unknown[] | undefined)?.[second])?.['between'];
    heads.push(Array.isArray(between) && between.length > 0 ? `the channel between ${between.map(actorName).join(' and ')}` : `channel rule ${second + 1}`);
    take(2);
  } else if (first === 'trust') {
    heads.push('trust');
    take(1);
    if ((rest[0] === 'records' || rest[0] === 'set') && typeof rest[1] === 'number') {
      const item = (asObject(node)?.[rest[0]] as unknown[] | undefined)?.[rest[1]];
      if (rest[0] === 'records') heads.push(itemWords('record', item, rest[1]));
      else {
        const estimate = asObject(item);
        heads.push(estimate ? `the trust of ${actorName(estimate['of'])} in ${actorName(estimate['in'])}` : `estimate ${rest[1] + 1}`);
      }
      take(2);
    }
  } else if ((first === 'events' || first === 'branches' || first === 'proposals') && typeof second === 'number') {
    const item = (draft[first] as unknown[] | undefined)?.[second];
    const kind = first === 'events' ? 'event' : first === 'branches' ? 'branch' : 'proposal';
    heads.push(itemWords(kind, item, second));
    take(2);
    if (rest[0] === 'outcomes' && typeof rest[1] === 'number') {
      const outcome = asObject((asObject(node)?.['outcomes'] as unknown[] | undefined)?.[rest[1]]);
      heads.push(`outcome “${text(outcome?.['label']) ?? text(outcome?.['id']) ?? rest[1] + 1}”`);
      take(2);
    }
  } else if (first === 'timeline') {
    heads.push('timeline');
    take(1);
  }
  if (rest[0] === 'effects' && typeof rest[1] === 'number') {
    heads.push(`effect ${rest[1] + 1}`);
    take(2);
  }
  const tail = rest.filter((segment, index) => !(typeof segment === 'number' && index > 0)).map(fieldWord);
  // A list item's index (seenBy[4]) names the entry: "seen by, entry 5".
  const last = rest.at(-1);
  if (typeof last === 'number' && rest.length > 1) tail.push(`entry ${last + 1}`);
  if (heads.length === 0) return tail.join(', ');
  return tail.length === 0 ? heads.join(', ') : `${heads.join(', ')}: ${tail.join(', ')}`;
}

/** A problem in words: where, then what, with actor ids in quotes replaced by their names. */
export function problemWords(draft: Draft, problem: { field?: string; message: string }): string {
  const actorName = namer(draft.actors);
  const ids = new Set((draft.actors ?? []).map((actor) => text(asObject(actor)?.['id'])).filter((id): id is string => id !== undefined));
  const message = problem.message.replace(/"([^"]+)"/gu, (whole, id: string) => (ids.has(id) ? actorName(id) : whole));
  return `${fieldWords(draft, problem.field)} — ${message}`;
}
