/**
 * Red lines and the per-actor / per-stance fields of channels-spec.md §3.2–§3.3: per actor its audience
 * cost, patience, hurt and breach cost; on the chosen issue each stance's red line (a commitment: at
 * least / at most, with its cost) and its overrides of those fields (the issue's deal fields: issueDealFields.ts).
 */
import { h } from '../dom.js';
import type { Draft } from '../editor/draft.js';
import { asLoose, choiceField, numberField, textField, type ChannelsHost } from './fields.js';
import { setSide, sideOf, type Side } from './redLineEdits.js';

const actorFields: [string, string][] = [
  ['audienceCost', 'Audience cost'],
  ['patience', 'Patience'],
  ['hurt', 'Hurt'],
  ['breachCost', 'Breach cost'],
];

/** Per actor: audience cost, patience, hurt, breach cost (a stance may override them). */
export function actorFieldsTable(host: ChannelsHost, names: Record<string, string>): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'grid', id: 'actor-fields' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Actor'), actorFields.map(([, label]) => h('th', {}, label)))),
      h(
        'tbody',
        {},
        host.draft.actors.map((actor, index) => {
          const name = names[String(actor.id)] ?? String(actor.id);
          return h(
            'tr',
            {},
            h('th', { scope: 'row' }, name),
            actorFields.map(([key, label]) => h('td', {}, numberField(host, ['actors', index, key], actor[key], `${name}: ${label.toLowerCase()}`, key === 'patience' ? '0.9' : '0'))),
          );
        }),
      ),
    ),
  );
}

/** On one issue: each stance's position (read only here), red line and overrides. */
export function stanceFieldsTable(host: ChannelsHost, issueId: string, names: Record<string, string>): HTMLElement {
  const draft = host.draft;
  const rows = draft.actors.flatMap((actor, index) => {
    const stance = actor.stances?.[issueId];
    if (stance === undefined) return [];
    const name = names[String(actor.id)] ?? String(actor.id);
    const commitment = asLoose(stance['commitment']);
    const side = sideOf(commitment);
    const base = ['actors', index, 'stances', issueId] as const;
    return [
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, name),
        h('td', { class: 'read-only' }, String(stance['position'] ?? '')),
        h(
          'td',
          {},
          choiceField(
            host,
            `actors[${index}].stances.${issueId}.commitment`,
            `${name}: red line`,
            [
              ['', 'none'],
              ['atLeast', 'at least'],
              ['atMost', 'at most'],
            ],
            side,
            (d: Draft, value) => setSide(d.actors[index]!.stances[issueId]!, value as Side | ''),
          ),
        ),
        h('td', {}, side === '' ? '' : numberField(host, [...base, 'commitment', side], commitment[side], `${name}: red line, ${side === 'atLeast' ? 'at least' : 'at most'}`)),
        h('td', {}, side === '' ? '' : numberField(host, [...base, 'commitment', 'cost'], commitment['cost'], `${name}: red line cost`, '0')),
        actorFields.map(([key, label]) => h('td', {}, numberField(host, [...base, key], stance[key], `${name}: ${label.toLowerCase()} on this issue`, 'actor’s'))),
        h('td', { class: 'evidence' }, side === '' ? '' : textField(host, [...base, 'commitment', 'evidence'], commitment['evidence'], `${name}: evidence for the red line`)),
      ),
    ];
  });
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'grid', id: 'stance-fields' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, 'Actor'), h('th', {}, 'Position'), h('th', {}, 'Red line'), h('th', {}, 'Value'), h('th', {}, 'Cost'), actorFields.map(([, label]) => h('th', {}, label)), h('th', {}, 'Evidence')),
      ),
      h('tbody', {}, rows),
    ),
  );
}
