/**
 * The timeline (channels-spec.md §3.1: start, step, end), the dated events with their effects (§3.6)
 * and the branches (§3.7: a date, outcomes with probabilities and effects, an optional `when` on an
 * earlier branch's outcome).
 */
import { h } from '../dom.js';
import type { Draft } from '../editor/draft.js';
import { effectsList } from './effectsEditor.js';
import { actionButton, asList, asLoose, choiceField, dropEmpty, labelled, listAt, numberField, textField, type ChannelsHost } from './fields.js';

export function timelineFields(host: ChannelsHost): HTMLElement {
  const timeline = asLoose(host.draft['timeline']);
  return h(
    'div',
    { class: 'grid-form', 'data-anchor': 'timeline' },
    labelled('Start', textField(host, ['timeline', 'start'], timeline['start'], 'Timeline start', String(host.draft.asOf ?? 'YYYY-MM-DD'))),
    labelled('Step (1m, 2w, 10d)', textField(host, ['timeline', 'step'], timeline['step'], 'Timeline step', '1m')),
    labelled('End', textField(host, ['timeline', 'end'], timeline['end'], 'Timeline end', 'YYYY-MM-DD')),
  );
}

const startOf = (draft: Draft): string => String(asLoose(draft['timeline'])['start'] ?? draft.asOf ?? '');

export function eventsEditor(host: ChannelsHost, names: Record<string, string>): HTMLElement {
  const events = asList(host.draft['events']);
  return h(
    'div',
    { class: 'events' },
    h(
      'ol',
      { class: 'dated-list', id: 'events-list' },
      events.map((item, index) => {
        const event = asLoose(item);
        const path = ['events', index] as const;
        const name = String(event['label'] ?? `event ${index + 1}`);
        return h(
          'li',
          { class: 'dated-item', 'data-anchor': `events[${index}]` },
          h(
            'div',
            { class: 'grid-form' },
            labelled('Date', textField(host, [...path, 'date'], event['date'], `${name}: date`, 'YYYY-MM-DD')),
            labelled('Label', textField(host, [...path, 'label'], event['label'], `Event ${index + 1}: label`)),
            labelled('Evidence', textField(host, [...path, 'evidence'], event['evidence'], `${name}: evidence`)),
            actionButton(host, 'Remove event', `Remove ${name}`, (d) => {
              asList(d['events']).splice(index, 1);
              dropEmpty(d, 'events');
            }),
          ),
          effectsList(host, [...path, 'effects'], asList(event['effects']), (d) => listAt(asLoose(asList(d['events'])[index]), 'effects'), names, `Add an effect to ${name}`),
        );
      }),
    ),
    actionButton(host, '+ Event', 'Add a dated event', (d) => void listAt(d, 'events').push({ date: startOf(d), label: 'new event', effects: [] }), 'add-event'),
  );
}

export function branchesEditor(host: ChannelsHost, names: Record<string, string>): HTMLElement {
  const branches = asList(host.draft['branches']);
  return h(
    'div',
    { class: 'branches' },
    h(
      'ol',
      { class: 'dated-list', id: 'branches-list' },
      branches.map((item, index) => {
        const branch = asLoose(item);
        const path = ['branches', index] as const;
        const name = String(branch['label'] ?? branch['id'] ?? `branch ${index + 1}`);
        const when = asLoose(branch['when']);
        const earlier = branches.slice(0, index).map(asLoose);
        const whenBranch = earlier.find((candidate) => candidate['id'] === when['branch']);
        const outcomes = asList(branch['outcomes']).map(asLoose);
        const sum = outcomes.reduce((total, outcome) => total + (typeof outcome['probability'] === 'number' ? outcome['probability'] : 0), 0);
        return h(
          'li',
          { class: 'dated-item', 'data-anchor': `branches[${index}]` },
          h(
            'div',
            { class: 'grid-form' },
            labelled('Id', textField(host, [...path, 'id'], branch['id'], `Branch ${index + 1}: id`)),
            labelled('Date', textField(host, [...path, 'date'], branch['date'], `${name}: date`, 'YYYY-MM-DD')),
            labelled('Label', textField(host, [...path, 'label'], branch['label'], `Branch ${index + 1}: label`)),
            labelled(
              'Only when',
              choiceField(
                host,
                `branches[${index}].when.branch`,
                `${name}: only when an earlier branch`,
                [['', 'always'], ...earlier.map((candidate) => [String(candidate['id']), String(candidate['label'] ?? candidate['id'])] as [string, string])],
                String(when['branch'] ?? ''),
                (d, value) => {
                  const target = asLoose(asList(d['branches'])[index]);
                  if (value === '') delete target['when'];
                  else target['when'] = { branch: value, outcome: String(asLoose(asList(asLoose(asList(d['branches']).find((candidate) => asLoose(candidate)['id'] === value))['outcomes'])[0])['id'] ?? '') };
                },
              ),
            ),
            whenBranch
              ? labelled(
                  'has outcome',
                  choiceField(
                    host,
                    `branches[${index}].when.outcome`,
                    `${name}: the earlier branch's outcome`,
                    asList(whenBranch['outcomes']).map((outcome) => [String(asLoose(outcome)['id']), String(asLoose(outcome)['label'] ?? asLoose(outcome)['id'])] as [string, string]),
                    String(when['outcome'] ?? ''),
                    (d, value) => void (asLoose(asLoose(asList(d['branches'])[index])['when'])['outcome'] = value),
                  ),
                )
              : null,
            actionButton(host, 'Remove branch', `Remove ${name}`, (d) => {
              asList(d['branches']).splice(index, 1);
              dropEmpty(d, 'branches');
            }),
          ),
          h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'grid outcomes', 'data-anchor': `branches[${index}].outcomes` },
              h('thead', {}, h('tr', {}, ['Outcome id', 'Label', 'Probability', 'Effects', ''].map((title) => h('th', {}, title)))),
              h(
                'tbody',
                {},
                outcomes.map((outcome, at) => {
                  const outcomePath = [...path, 'outcomes', at] as const;
                  const outcomeName = `${name}, outcome ${String(outcome['label'] ?? outcome['id'] ?? at + 1)}`;
                  return h(
                    'tr',
                    { 'data-anchor': `branches[${index}].outcomes[${at}]` },
                    h('td', {}, textField(host, [...outcomePath, 'id'], outcome['id'], `${outcomeName}: id`)),
                    h('td', {}, textField(host, [...outcomePath, 'label'], outcome['label'], `${outcomeName}: label`)),
                    h('td', {}, numberField(host, [...outcomePath, 'probability'], outcome['probability'], `${outcomeName}: probability`)),
                    h('td', {}, effectsList(host, [...outcomePath, 'effects'], asList(outcome['effects']), (d) => listAt(asLoose(asList(asLoose(asList(d['branches'])[index])['outcomes'])[at]), 'effects'), names, `Add an effect to ${outcomeName}`)),
                    h(
                      'td',
                      {},
                      actionButton(host, '✕', `Remove ${outcomeName}`, (d) => void asList(asLoose(asList(d['branches'])[index])['outcomes']).splice(at, 1)),
                    ),
                  );
                }),
              ),
              h('tfoot', {}, h('tr', {}, h('td', { colspan: 2 }, actionButton(host, '+ Outcome', `Add an outcome to ${name}`, (d) => void listAt(asLoose(asList(d['branches'])[index]), 'outcomes').push({ id: `outcome${outcomes.length + 1}`, probability: 0 }))), h('td', { class: 'sum' }, `Σ = ${Number(sum.toFixed(9))}`), h('td', { colspan: 2 }))),
            ),
          ),
        );
      }),
    ),
    actionButton(
      host,
      '+ Branch',
      'Add a branch',
      (d) => {
        const list = listAt(d, 'branches');
        list.push({ id: `branch${list.length + 1}`, date: startOf(d), outcomes: [{ id: 'yes', probability: 0.5, effects: [] }, { id: 'no', probability: 0.5, effects: [] }] });
      },
      'add-branch',
    ),
  );
}

/** Unused fields stay out of the file: a timeline with nothing set is removed. */
export function tidyTimeline(draft: Draft): void {
  const timeline = draft['timeline'];
  if (timeline !== undefined && Object.keys(asLoose(timeline)).length === 0) delete draft['timeline'];
}

