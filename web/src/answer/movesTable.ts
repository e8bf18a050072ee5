/**
 * Who moves, as `parley forecast` lists it: per iterative model, each actor that moved (largest
 * concession first) with its start, its end and its moves round by round — toward whom and why, the
 * "why" sentence on hover (and focus) of each move — then who held firm.
 */
import type { ForecastMoves, MoveReason, MovesSummary } from '../../../src/analysis/moves/moves.js';
import { modelLabel } from '../../../src/analysis/answer/answer.js';
import { h } from '../dom.js';

export const reasonWords: Record<MoveReason, string> = {
  'conflict-lost': 'conflict lost',
  compromise: 'compromise',
  capitulation: 'capitulation',
  'smp-bargain': 'SMP bargain',
  unexplained: 'unexplained',
};

export function movesCard(moves: readonly ForecastMoves[], issueId: string, names: Record<string, string>, show: (value: number) => string): HTMLElement {
  const name = (id: string | null): string => (id === null ? 'nobody recorded' : (names[id] ?? id));
  const blocks = moves.flatMap((forecast) => {
    const summary = forecast.issues.find((candidate) => candidate.issue === issueId);
    return summary ? [movesBlock(modelLabel(forecast.model, forecast.preset), summary, name, show)] : [];
  });
  return h(
    'section',
    { class: 'card', id: 'moves', 'aria-label': 'Who moves' },
    h('h3', {}, 'Who moves'),
    blocks.length > 0 ? blocks : h('p', { class: 'empty' }, 'No iterative model ran on this issue.'),
    h('p', { class: 'chart-note' }, 'Hover over or focus a move to read why the actor moved (the same words as parley explain).'),
  );
}

function movesBlock(label: string, summary: MovesSummary, name: (id: string | null) => string, show: (value: number) => string): HTMLElement {
  return h(
    'div',
    { class: 'moves-block', 'data-model': label },
    h('h4', {}, `${label}: who moves, largest concession first`),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'moves-table' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Actor'), h('th', {}, 'Start'), h('th', {}, 'End'), h('th', {}, 'Conceded'), h('th', {}, 'Moves (round → position, toward whom, why)'))),
        h(
          'tbody',
          {},
          summary.movers.map((mover) =>
            h(
              'tr',
              { 'data-actor': mover.actor },
              h('th', { scope: 'row' }, name(mover.actor)),
              h('td', {}, show(mover.start)),
              h('td', {}, show(mover.end)),
              h('td', {}, show(mover.concession)),
              h(
                'td',
                { class: 'move-list' },
                mover.moves.map((move) =>
                  h('span', { class: `move move-${move.why}`, tabindex: 0, title: `Round ${move.round}: ${name(mover.actor)} moved ${show(move.from)} → ${show(move.to)}, ${move.text}` }, `r${move.round} → ${show(move.to)} toward ${name(move.toward)} (${reasonWords[move.why]})`),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'held-firm' }, `Held firm: ${summary.heldFirm.length === 0 ? 'nobody' : summary.heldFirm.map((id) => name(id)).join(', ')}`),
  );
}
