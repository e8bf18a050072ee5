/**
 * The proposals the deal analysis judges (channels-spec.md §3.8, D6): per proposal its date, label,
 * who offers it to whom (picked by name), on which issue, the position offered (on the issue's scale),
 * the channel (public or private) and the evidence. The labels are the problems' words.
 */
import { fieldWords } from '../../../src/scenario/fieldWords.js';
import { h } from '../dom.js';
import type { Draft } from '../editor/draft.js';
import { freshProposal } from './dealEdits.js';
import { actionButton, asList, asLoose, choiceField, dropEmpty, labelled, listAt, numberField, textField, type ChannelsHost } from './fields.js';
import type { Choice } from './idPicks.js';

const channels: readonly Choice[] = [
  ['public', 'public'],
  ['private', 'private'],
];

/** "0–100" for the issue's scale (default 0–100), as the position's placeholder. */
function scaleHint(draft: Draft, issueId: string): string {
  const scale = asLoose(draft.issues.find((issue) => issue['id'] === issueId)?.['scale']);
  return `${typeof scale['min'] === 'number' ? scale['min'] : 0}–${typeof scale['max'] === 'number' ? scale['max'] : 100}`;
}

export function proposalsEditor(host: ChannelsHost, names: Record<string, string>, issueId: string): HTMLElement {
  const draft = host.draft;
  const actors: Choice[] = draft.actors.map((actor) => [String(actor.id), names[String(actor.id)] ?? String(actor.id)]);
  const issues: Choice[] = draft.issues.map((issue) => [String(issue['id']), String(issue['name'] ?? issue['id'])]);
  const proposals = asList(draft['proposals']);
  return h(
    'div',
    { class: 'proposals' },
    h(
      'ol',
      { class: 'dated-list', id: 'proposals-list' },
      proposals.map((item, index) => {
        const proposal = asLoose(item);
        const path = ['proposals', index] as const;
        const words = (key: string) => fieldWords([...path, key], draft);
        const pick = (key: 'from' | 'to' | 'issue' | 'channel', choices: readonly Choice[]) => {
          const current = String(proposal[key] ?? '');
          return choiceField(host, `proposals[${index}].${key}`, words(key), choices, current, (d, value) => {
            asLoose(asList(d['proposals'])[index])[key] = value;
          });
        };
        return h(
          'li',
          { class: 'dated-item proposal-item', 'data-anchor': `proposals[${index}]` },
          h(
            'div',
            { class: 'grid-form' },
            labelled('Date', textField(host, [...path, 'date'], proposal['date'], words('date'), 'YYYY-MM-DD')),
            labelled('Label', textField(host, [...path, 'label'], proposal['label'], words('label'))),
            labelled('From', pick('from', actors)),
            labelled('To', pick('to', actors)),
            labelled('Issue', pick('issue', issues)),
            labelled('Position', numberField(host, [...path, 'position'], proposal['position'], words('position'), scaleHint(draft, String(proposal['issue'] ?? '')))),
            labelled('Channel', pick('channel', channels)),
            labelled('Evidence', textField(host, [...path, 'evidence'], proposal['evidence'], words('evidence'))),
            actionButton(host, 'Remove proposal', `Remove ${fieldWords(path, draft)}`, (d) => {
              asList(d['proposals']).splice(index, 1);
              dropEmpty(d, 'proposals');
            }),
          ),
        );
      }),
    ),
    actionButton(host, '+ Proposal', 'Add a proposal', (d) => void listAt(d, 'proposals').push(freshProposal(d, issueId)), 'add-proposal'),
  );
}
