/**
 * The channels as a pair matrix (actor × actor, on one issue or on every issue): one tab stop (a roving
 * tabindex); the arrow keys, Home and End move between cells, Space or Enter turns the cell's channel
 * public → private → closed → public, and the panel under the matrix edits the chosen pair's channel,
 * leak probability and evidence. The matrix is symmetric: (i, j) and (j, i) are the same pair.
 */
import { formatFieldPath } from '../../../src/scenario/fieldPath.js';
import { h } from '../dom.js';
import type { Draft } from '../editor/draft.js';
import { choiceField, labelled, numberFrom, textField, type ChannelsHost } from './fields.js';
import { cellOf, nextKind, withCell, type ChannelKind, type PairCell } from './pairChannels.js';

export interface MatrixState {
  /** The issue shown, or undefined for every issue. */
  issue: string | undefined;
  row: number;
  column: number;
}

const cellText = (cell: PairCell): string => (cell.kind === 'private' ? `private ${cell.leak ?? 0}` : cell.kind);

const ids = (draft: Draft): string[] => draft.actors.map((actor) => String(actor.id ?? ''));
const issueIds = (draft: Draft): string[] => draft.issues.map((issue) => String(issue.id ?? ''));

function setChannels(draft: Draft, channels: unknown[]): void {
  if (channels.length === 0) delete draft['channels'];
  else draft['channels'] = channels;
}

/** Sets the pair's channel on the matrix's issue (or every issue). */
export function setPair(draft: Draft, a: string, b: string, issue: string | undefined, kind: ChannelKind, leak?: number): void {
  setChannels(draft, withCell(draft['channels'] as unknown[] | undefined, a, b, issueIds(draft), issue, leak === undefined ? { kind } : { kind, leak }));
}

export function matrixGrid(host: ChannelsHost, state: MatrixState, names: Record<string, string>, chooseCell: (row: number, column: number) => void): HTMLElement {
  const draft = host.draft;
  const actors = ids(draft);
  // The tab stop stays in the matrix when actors were removed (in the editor) since it was chosen.
  state.row = Math.max(0, Math.min(state.row, actors.length - 1));
  state.column = Math.max(0, Math.min(state.column, actors.length - 1));
  const channels = draft['channels'] as unknown[] | undefined;
  const name = (id: string) => names[id] ?? id;
  const where = state.issue === undefined ? 'every issue' : (draft.issues.find((issue) => issue.id === state.issue)?.['name'] as string | undefined) ?? state.issue;

  function move(event: KeyboardEvent): void {
    const last = actors.length - 1;
    let { row, column } = state;
    if (event.key === 'ArrowRight') column = Math.min(last, column + 1);
    else if (event.key === 'ArrowLeft') column = Math.max(0, column - 1);
    else if (event.key === 'ArrowDown') row = Math.min(last, row + 1);
    else if (event.key === 'ArrowUp') row = Math.max(0, row - 1);
    else if (event.key === 'Home') column = 0;
    else if (event.key === 'End') column = last;
    else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      if (row === column) return;
      const a = actors[row]!;
      const b = actors[column]!;
      host.change((d) => setPair(d, a, b, state.issue, nextKind(cellOf(channels, a, b, state.issue, issueIds(draft)).kind)));
      return;
    } else return;
    event.preventDefault();
    chooseCell(row, column);
  }

  const table = h(
    'table',
    { class: 'grid pair-matrix', role: 'grid', id: 'pair-matrix', 'aria-label': `Channels between actors on ${where}`, onkeydown: move as EventListener },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), actors.map((id) => h('th', { scope: 'col' }, name(id))))),
    h(
      'tbody',
      {},
      actors.map((rowId, row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, name(rowId)),
          actors.map((columnId, column) => {
            const chosen = row === state.row && column === state.column;
            if (row === column)
              return h('td', { role: 'gridcell', class: 'pair-cell self', 'data-cell': `${row},${column}`, tabindex: chosen ? 0 : -1, 'aria-disabled': 'true', 'aria-label': `${name(rowId)} (itself)`, onclick: () => chooseCell(row, column) }, '—');
            const cell = cellOf(channels, rowId, columnId, state.issue, issueIds(draft));
            return h(
              'td',
              {
                role: 'gridcell',
                class: `pair-cell ${cell.kind}`,
                'data-cell': `${row},${column}`,
                'data-anchors': cell.rules.map((index) => formatFieldPath(['channels', index])).join(' '),
                tabindex: chosen ? 0 : -1,
                'aria-selected': chosen ? 'true' : 'false',
                'aria-label': `${name(rowId)} and ${name(columnId)}: ${cellText(cell)}`,
                onclick: () => chooseCell(row, column),
              },
              cellText(cell),
            );
          }),
        ),
      ),
    ),
  );
  return h('div', { class: 'pair-matrix-wrap' }, h('div', { class: 'table-scroll' }, table), pairPanel(host, state, actors, name, where));
}

/** The chosen pair's channel, leak and evidence. */
function pairPanel(host: ChannelsHost, state: MatrixState, actors: string[], name: (id: string) => string, where: string): HTMLElement {
  const a = actors[state.row];
  const b = actors[state.column];
  if (a === undefined || b === undefined || a === b) return h('p', { class: 'hint', id: 'pair-panel' }, 'Choose a pair of different actors (arrow keys, Space to change its channel).');
  const draft = host.draft;
  const channels = draft['channels'] as unknown[] | undefined;
  const cell = cellOf(channels, a, b, state.issue, issueIds(draft));
  const kinds: [string, string][] = [
    ['public', 'public'],
    ['private', 'private'],
    ['closed', 'closed'],
  ];
  const rule = cell.rules.length === 1 ? cell.rules[0]! : undefined;
  return h(
    'div',
    { class: 'grid-form pair-panel', id: 'pair-panel' },
    h('strong', {}, `${name(a)} and ${name(b)}, on ${where}`),
    labelled(
      'Channel',
      choiceField(host, 'pair-channel', `Channel between ${name(a)} and ${name(b)}`, cell.kind === 'mixed' ? [['mixed', 'mixed (differs by issue)'], ...kinds] : kinds, cell.kind, (d, value) => {
        if (value !== 'mixed') setPair(d, a, b, state.issue, value as ChannelKind);
      }),
    ),
    cell.kind === 'private'
      ? labelled(
          'Leak probability',
          h('input', {
            type: 'text',
            class: 'cell number',
            id: 'pair-leak',
            'aria-label': `Leak probability between ${name(a)} and ${name(b)}`,
            value: String(cell.leak ?? 0),
            'data-field': rule === undefined ? undefined : formatFieldPath(['channels', rule, 'leak']),
            onchange: (event: Event) => {
              const value = numberFrom((event.target as HTMLInputElement).value);
              host.change((d) => setPair(d, a, b, state.issue, 'private', (value ?? 0) as number));
            },
          }),
        )
      : null,
    rule !== undefined ? labelled('Evidence', textField(host, ['channels', rule, 'evidence'], (channels?.[rule] as Record<string, unknown>)['evidence'], `Evidence for the channel between ${name(a)} and ${name(b)}`)) : null,
  );
}
