/**
 * One issue's deal fields (channels-spec.md §3.3, D1, N5): its veto players (whose consent an
 * agreement needs), its ratifiers (ρ must ratify what its signatory signs: a win-set) and the
 * bargaining table's channel. The actors are picked by name; the labels are the problems' words.
 */
import { fieldWords } from '../../../src/scenario/fieldWords.js';
import { h } from '../dom.js';
import type { Draft } from '../editor/draft.js';
import { freshRatifier, participants, setTableChannel, tableChoice, type TableChoice } from './dealEdits.js';
import { actionButton, asList, asLoose, choiceField, dropEmpty, labelled, listAt, numberField, textField, type ChannelsHost } from './fields.js';
import { idPicker } from './idPicker.js';
import type { Choice } from './idPicks.js';

const issueAt = (draft: Draft, index: number): Record<string, unknown> => draft.issues[index]!;

/** The issue's veto players: a box per participant (none ticked: every participant with weight). */
export function vetoPlayersField(host: ChannelsHost, issueIndex: number, names: Record<string, string>): HTMLElement {
  const issueId = String(issueAt(host.draft, issueIndex)['id']);
  const choices = participants(host.draft, issueId).map((id): Choice => [id, names[id] ?? id]);
  return idPicker(host, ['issues', issueIndex, 'vetoPlayers'], issueAt(host.draft, issueIndex)['vetoPlayers'], {
    label: 'Veto players (whose consent an agreement needs; none ticked: every participant)',
    choices,
    optional: true,
    inline: true,
  });
}

/** The issue's ratifiers: per row the ratifier and its signatory (picked from the scenario's actors), and the evidence. */
export function ratifiersEditor(host: ChannelsHost, issueIndex: number, names: Record<string, string>): HTMLElement {
  const draft = host.draft;
  const issue = issueAt(draft, issueIndex);
  const issueId = String(issue['id']);
  const actors: Choice[] = draft.actors.map((actor) => [String(actor.id), names[String(actor.id)] ?? String(actor.id)]);
  const ratifiers = asList(issue['ratifiers']);
  const rows = ratifiers.map((item, index) => {
    const ratifier = asLoose(item);
    const path = ['issues', issueIndex, 'ratifiers', index] as const;
    const pick = (key: 'actor' | 'for') =>
      choiceField(host, `issues[${issueIndex}].ratifiers[${index}].${key}`, fieldWords([...path, key], draft), actors, String(ratifier[key] ?? ''), (d, value) => {
        asLoose(asList(issueAt(d, issueIndex)['ratifiers'])[index])[key] = value;
      });
    return h(
      'tr',
      { 'data-anchor': `issues[${issueIndex}].ratifiers[${index}]` },
      h('td', {}, pick('actor')),
      h('td', {}, pick('for')),
      h('td', { class: 'evidence' }, textField(host, [...path, 'evidence'], ratifier['evidence'], fieldWords([...path, 'evidence'], draft))),
      h(
        'td',
        {},
        actionButton(host, '✕', `Remove ${fieldWords(path, draft)}`, (d) => {
          asList(issueAt(d, issueIndex)['ratifiers']).splice(index, 1);
          dropEmpty(issueAt(d, issueIndex), 'ratifiers');
        }),
      ),
    );
  });
  return h(
    'div',
    { class: 'ratifiers' },
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'grid', id: 'ratifiers', 'data-anchor': `issues[${issueIndex}].ratifiers` },
        h('thead', {}, h('tr', {}, ['Ratifier', 'Ratifies what … signs', 'Evidence', ''].map((title) => h('th', {}, title)))),
        h('tbody', {}, rows),
      ),
    ),
    actionButton(host, '+ Ratifier', `Add a ratifier on ${String(issue['name'] ?? issueId)}`, (d) => void listAt(issueAt(d, issueIndex), 'ratifiers').push(freshRatifier(d, issueId)), 'add-ratifier'),
  );
}

const tableChoices: readonly (readonly [TableChoice, string])[] = [
  ['', 'default (the pair’s channel for two members, else public)'],
  ['public', 'public'],
  ['private', 'private'],
  ['closed', 'closed'],
];

/** The bargaining table: its channel, the leak probability at a private table, the evidence. */
export function tableFields(host: ChannelsHost, issueIndex: number): HTMLElement {
  const draft = host.draft;
  const issue = issueAt(draft, issueIndex);
  const table = asLoose(issue['table']);
  const choice = tableChoice(issue);
  const path = ['issues', issueIndex, 'table'] as const;
  return h(
    'div',
    { class: 'grid-form', 'data-anchor': `issues[${issueIndex}].table` },
    labelled(
      'Bargaining table',
      choiceField(host, `issues[${issueIndex}].table.channel`, fieldWords([...path, 'channel'], draft), tableChoices, choice, (d, value) => setTableChannel(issueAt(d, issueIndex), value as TableChoice)),
    ),
    choice === 'private' ? labelled('Leak probability', numberField(host, [...path, 'leak'], table['leak'], fieldWords([...path, 'leak'], draft), '0')) : null,
    choice === '' ? null : labelled('Evidence', textField(host, [...path, 'evidence'], table['evidence'], fieldWords([...path, 'evidence'], draft))),
  );
}
