/**
 * Trust (channels-spec.md §3.5, §6): the Beta prior (mean, strength), the half-life, the kept and broken
 * records (whose conduct, who saw them, weight) and the direct estimates (of → in).
 */
import { h } from '../dom.js';
import type { Draft } from '../editor/draft.js';
import { fieldWords } from '../../../src/scenario/fieldWords.js';
import { actionButton, asList, asLoose, choiceField, dropEmpty, labelled, listAt, numberField, textField, type ChannelsHost } from './fields.js';
import { idPicker } from './idPicker.js';

/** The trust section, created when absent; removed again when it holds nothing. */
function trustOf(draft: Draft): Record<string, unknown> {
  const trust = asLoose(draft['trust']);
  draft['trust'] = trust;
  return trust;
}

function tidy(draft: Draft): void {
  const trust = asLoose(draft['trust']);
  dropEmpty(trust, 'records');
  dropEmpty(trust, 'set');
  const prior = asLoose(trust['prior']);
  if (trust['prior'] !== undefined && Object.keys(prior).length === 0) delete trust['prior'];
  if (Object.keys(trust).length === 0) delete draft['trust'];
}

export function trustEditor(host: ChannelsHost, names: Record<string, string>, startDate: string): HTMLElement {
  const draft = host.draft;
  const trust = asLoose(draft['trust']);
  const prior = asLoose(trust['prior']);
  const actorIds = draft.actors.map((actor) => String(actor.id));
  const actorOptions = actorIds.map((id) => [id, names[id] ?? id] as const);
  const records = asList(trust['records']);
  const estimates = asList(trust['set']);

  const recordRows = records.map((item, index) => {
    const record = asLoose(item);
    const path = ['trust', 'records', index] as const;
    const label = String(record['label'] ?? `record ${index + 1}`);
    return h(
      'tr',
      { 'data-anchor': `trust.records[${index}]` },
      h('td', {}, textField(host, [...path, 'date'], record['date'], `${label}: date`, 'YYYY-MM-DD')),
      h('td', {}, textField(host, [...path, 'label'], record['label'], `Record ${index + 1}: label`)),
      h('td', {}, idPicker(host, [...path, 'actors'], record['actors'], { label: fieldWords([...path, 'actors'], draft), choices: actorOptions, optional: false })),
      h(
        'td',
        {},
        choiceField(
          host,
          `trust.records[${index}].outcome`,
          `${label}: outcome`,
          [
            ['kept', 'kept'],
            ['broken', 'broken'],
          ],
          String(record['outcome'] ?? 'broken'),
          (d, value) => void (asLoose(asList(asLoose(d['trust'])['records'])[index])['outcome'] = value),
        ),
      ),
      h('td', {}, idPicker(host, [...path, 'seenBy'], record['seenBy'], { label: fieldWords([...path, 'seenBy'], draft), choices: actorOptions, optional: true, none: 'every other actor' })),
      h('td', {}, numberField(host, [...path, 'weight'], record['weight'], `${label}: weight`, '1')),
      h('td', { class: 'evidence' }, textField(host, [...path, 'evidence'], record['evidence'], `${label}: evidence`)),
      h(
        'td',
        {},
        actionButton(host, '✕', `Remove ${label}`, (d) => {
          asList(asLoose(d['trust'])['records']).splice(index, 1);
          tidy(d);
        }),
      ),
    );
  });

  const estimateRows = estimates.map((item, index) => {
    const estimate = asLoose(item);
    const path = ['trust', 'set', index] as const;
    const pick = (key: 'of' | 'in', label: string) =>
      choiceField(host, `trust.set[${index}].${key}`, `Estimate ${index + 1}: ${label}`, actorOptions, String(estimate[key] ?? ''), (d, value) => void (asLoose(asList(asLoose(d['trust'])['set'])[index])[key] = value));
    return h(
      'tr',
      { 'data-anchor': `trust.set[${index}]` },
      h('td', {}, pick('of', 'whose trust')),
      h('td', {}, pick('in', 'trust in')),
      h('td', {}, numberField(host, [...path, 'value'], estimate['value'], `Estimate ${index + 1}: value`)),
      h('td', { class: 'evidence' }, textField(host, [...path, 'evidence'], estimate['evidence'], `Estimate ${index + 1}: evidence`)),
      h(
        'td',
        {},
        actionButton(host, '✕', `Remove estimate ${index + 1}`, (d) => {
          asList(asLoose(d['trust'])['set']).splice(index, 1);
          tidy(d);
        }),
      ),
    );
  });

  return h(
    'div',
    { class: 'trust-editor' },
    h(
      'div',
      { class: 'grid-form' },
      labelled('Prior mean μ₀', numberField(host, ['trust', 'prior', 'mean'], prior['mean'], 'Trust prior mean', '1')),
      labelled('Prior strength n₀', numberField(host, ['trust', 'prior', 'strength'], prior['strength'], 'Trust prior strength', '2')),
      labelled('Half-life (years)', numberField(host, ['trust', 'halfLifeYears'], trust['halfLifeYears'], 'Trust half-life in years', 'no decay')),
    ),
    h('h4', {}, 'Kept and broken agreements'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'grid', id: 'trust-records' },
        h('thead', {}, h('tr', {}, ['Date', 'Label', 'Whose conduct', 'Outcome', 'Seen by (default: all others)', 'Weight', 'Evidence', ''].map((title) => h('th', {}, title)))),
        h('tbody', {}, recordRows),
      ),
    ),
    actionButton(host, '+ Record', 'Add a trust record', (d) => void listAt(trustOf(d), 'records').push({ date: startDate, actors: [actorIds[0] ?? ''], outcome: 'broken' }), 'add-trust-record'),
    h('h4', {}, 'Direct estimates (override the records for that pair)'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'grid', id: 'trust-estimates' },
        h('thead', {}, h('tr', {}, ['Whose trust', 'In whom', 'Value', 'Evidence', ''].map((title) => h('th', {}, title)))),
        h('tbody', {}, estimateRows),
      ),
    ),
    actionButton(host, '+ Estimate', 'Add a direct trust estimate', (d) => void listAt(trustOf(d), 'set').push({ of: actorIds[0] ?? '', in: actorIds[1] ?? '', value: 0.5 }), 'add-trust-estimate'),
  );
}
