/**
 * One dated effect (channels-spec.md §3.6) as a row of inputs: what it changes (exactly one field), on
 * whom and which issue, and how — a number set, times or plus for the value fields; a red line or its
 * withdrawal; a channel; a trust estimate; a kept or broken record.
 */
import { formatFieldPath, type FieldPath } from '../../../src/scenario/fieldPath.js';
import { h } from '../dom.js';
import type { Draft } from '../editor/draft.js';
import { effectKind, effectKinds, freshEffect, valueFields } from './effects.js';
import { fieldWords } from '../../../src/scenario/fieldWords.js';
import { actionButton, asList, asLoose, choiceField, numberField, textField, type ChannelsHost, type Loose } from './fields.js';
import { idPicker } from './idPicker.js';

type Ops = 'set' | 'times' | 'plus';

/** The value form of a value change: a bare number is a `set`. */
function opOf(change: unknown): Ops {
  const object = asLoose(change);
  if (object['times'] !== undefined) return 'times';
  if (object['plus'] !== undefined) return 'plus';
  return 'set';
}

export interface EffectContext {
  host: ChannelsHost;
  /** The effect's path in the draft, e.g. ['events', 0, 'effects', 2]. */
  path: FieldPath;
  /** Reads the effect list that holds it from a draft (for changes). */
  list: (draft: Draft) => unknown[];
  index: number;
  names: Record<string, string>;
}

export function effectRow(context: EffectContext, effect: Loose): HTMLElement {
  const { host, path, index, names } = context;
  const draft = host.draft;
  const actors = draft.actors.map((actor) => String(actor.id));
  const issues = draft.issues.map((issue) => String(issue.id));
  const actorOptions = actors.map((id) => [id, names[id] ?? id] as const);
  const issueOptions = issues.map((id) => [id, String(draft.issues.find((issue) => issue.id === id)?.['name'] ?? id)] as const);
  const kind = effectKind(effect);
  const field = (key: string) => `${formatFieldPath(path)}.${key}`;
  const label = `Effect ${index + 1}`;

  const kindSelect = choiceField(host, field('kind'), `${label}: what it changes`, kind === '' ? [['', '—'], ...effectKinds] : effectKinds, kind, (d, value) => {
    const list = context.list(d);
    list[index] = freshEffect(value, asLoose(list[index]), actors, issues);
  });
  /** A choice applied to this effect in the draft. */
  const pick = (key: string, text: string, options: readonly (readonly [string, string])[], current: string, apply: (e: Loose, next: string) => void) =>
    choiceField(host, field(key), `${label}: ${text}`, options, current, (d, next) => apply(asLoose(context.list(d)[index]), next));
  const issueSelect = (optional: boolean) =>
    pick('issue', 'issue', [...(optional ? [['', 'every issue'] as const] : []), ...issues.map((id) => [id, String(draft.issues.find((issue) => issue.id === id)?.['name'] ?? id)] as const)], String(effect['issue'] ?? ''), (e, next) => {
      if (next === '') delete e['issue'];
      else e['issue'] = next;
    });

  const parts: (HTMLElement | null)[] = [kindSelect];
  if ((valueFields as readonly string[]).includes(kind)) {
    if (kind !== 'statusQuo') parts.push(pick('actor', 'actor', actorOptions, String(effect['actor'] ?? ''), (e, next) => void (e['actor'] = next)));
    parts.push(issueSelect(kind !== 'statusQuo' && kind !== 'position'));
    const change = effect[kind];
    const op = opOf(change);
    const ops: [string, string][] = kind === 'position' || kind === 'statusQuo' ? [['set', 'set to'], ['plus', 'plus']] : [['set', 'set to'], ['times', 'times'], ['plus', 'plus']];
    parts.push(
      pick('op', 'how', ops, op, (e, next) => {
        const old = typeof e[kind] === 'number' ? e[kind] : asLoose(e[kind])[op];
        e[kind] = { [next]: old ?? 0 };
      }),
    );
    parts.push(numberField(host, typeof change === 'number' ? [...path, kind] : [...path, kind, op], typeof change === 'number' ? change : asLoose(change)[op], `${label}: ${kind} ${op}`));
  } else if (kind === 'commitment') {
    parts.push(pick('actor', 'actor', actorOptions, String(effect['actor'] ?? ''), (e, next) => void (e['actor'] = next)));
    parts.push(issueSelect(false));
    const commitment = effect['commitment'] === null ? null : asLoose(effect['commitment']);
    const side = commitment === null ? '' : commitment['atMost'] !== undefined ? 'atMost' : 'atLeast';
    parts.push(
      pick('side', 'red line', [['', 'withdrawn'], ['atLeast', 'at least'], ['atMost', 'at most']], side, (e, next) => {
        if (next === '') e['commitment'] = null;
        else {
          const old = asLoose(e['commitment']);
          e['commitment'] = { [next]: old['atLeast'] ?? old['atMost'] ?? 0, ...(old['cost'] !== undefined ? { cost: old['cost'] } : {}) };
        }
      }),
    );
    if (commitment !== null && side !== '') {
      parts.push(numberField(host, [...path, 'commitment', side], commitment[side], `${label}: red line value`));
      parts.push(numberField(host, [...path, 'commitment', 'cost'], commitment['cost'], `${label}: red line cost`, 'cost'));
    }
  } else if (kind === 'channel') {
    const rule = asLoose(effect['channel']);
    const between = asList(rule['between']).map(String);
    const side = (position: 0 | 1) =>
      pick(`between${position}`, position === 0 ? 'first actor' : 'second actor', actorOptions, between[position] ?? '', (e, next) => {
        const pair = [...asList(asLoose(e['channel'])['between'])];
        pair[position] = next;
        asLoose(e['channel'])['between'] = pair;
      });
    parts.push(side(0), side(1));
    parts.push(
      pick('channelKind', 'channel', [['public', 'public'], ['private', 'private'], ['closed', 'closed']], String(rule['channel'] ?? 'public'), (e, next) => {
        const target = asLoose(e['channel']);
        target['channel'] = next;
        if (next !== 'private') delete target['leak'];
      }),
    );
    if (rule['channel'] === 'private') parts.push(numberField(host, [...path, 'channel', 'leak'], rule['leak'], `${label}: leak probability`, 'leak 0'));
    parts.push(idPicker(host, [...path, 'channel', 'issues'], rule['issues'], { label: fieldWords([...path, 'channel', 'issues'], draft), choices: issueOptions, optional: true, none: 'every issue' }));
  } else if (kind === 'trust') {
    const estimate = asLoose(effect['trust']);
    parts.push(pick('of', 'whose trust', actorOptions, String(estimate['of'] ?? ''), (e, next) => void (asLoose(e['trust'])['of'] = next)));
    parts.push(pick('in', 'trust in', actorOptions, String(estimate['in'] ?? ''), (e, next) => void (asLoose(e['trust'])['in'] = next)));
    parts.push(numberField(host, [...path, 'trust', 'value'], estimate['value'], `${label}: trust value`));
  } else if (kind === 'record') {
    const record = asLoose(effect['record']);
    parts.push(idPicker(host, [...path, 'record', 'actors'], record['actors'], { label: fieldWords([...path, 'record', 'actors'], draft), choices: actorOptions, optional: false }));
    parts.push(pick('outcome', 'outcome', [['kept', 'kept'], ['broken', 'broken']], String(record['outcome'] ?? 'broken'), (e, next) => void (asLoose(e['record'])['outcome'] = next)));
    parts.push(idPicker(host, [...path, 'record', 'seenBy'], record['seenBy'], { label: fieldWords([...path, 'record', 'seenBy'], draft), choices: actorOptions, optional: true, none: 'every other actor' }));
    parts.push(textField(host, [...path, 'record', 'label'], record['label'], `${label}: record label`, 'label'));
  }
  parts.push(textField(host, [...path, 'evidence'], effect['evidence'], `${label}: evidence`, 'evidence'));
  parts.push(actionButton(host, '✕', `Remove effect ${index + 1}`, (d) => void context.list(d).splice(index, 1)));
  return h('li', { class: 'effect-row', 'data-anchor': formatFieldPath(path) }, parts);
}

/** An effect list with its rows and a button to add one. */
export function effectsList(host: ChannelsHost, path: FieldPath, effects: unknown[], list: (draft: Draft) => unknown[], names: Record<string, string>, addLabel: string): HTMLElement {
  const actors = host.draft.actors.map((actor) => String(actor.id));
  const issues = host.draft.issues.map((issue) => String(issue.id));
  return h(
    'div',
    { class: 'effects' },
    h('ul', { class: 'effect-list' }, effects.map((effect, index) => effectRow({ host, path: [...path, index], list, index, names }, asLoose(effect)))),
    actionButton(host, '+ Effect', addLabel, (d) => void list(d).push(freshEffect('capability', {}, actors, issues))),
  );
}
