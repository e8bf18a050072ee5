/**
 * The advice, as `parley advise` reports it: each lever's flip point, the best plan within the
 * budget with its gain, cost and the sentences that explain it, the Pareto front of cost against
 * gain (a chart and its points), and the notes.
 */
import * as Plot from '@observablehq/plot';
import { channelChange, channelState, type Advice, type CandidateReport, type MoveReport } from '../../../src/analysis/advise/index.js';
import { decimalsForScale, formatShort } from '../../../src/analysis/formatNumber.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { actorNames } from '../../../src/scenario/views.js';
import { chartCard } from '../charts/card.js';
import { fileSlug } from '../controls.js';
import { h } from '../dom.js';
import { markColours } from '../palette.js';

export function adviceReport(scenario: Scenario, advice: Advice, width: number): HTMLElement {
  const issue = scenario.issues.find((candidate) => candidate.id === advice.issue)!;
  const names = actorNames(scenario.actors);
  const name = (id: string): string => names[id] ?? id;
  const number = (x: number): string => formatShort(x, decimalsForScale(issue.scale));
  const goal =
    advice.goal.kind === 'flip'
      ? `make ${name(advice.goal.other)} move toward ${name(advice.actor)} (today it concedes ${number(advice.baseline.concession ?? 0)})`
      : `move the forecast ${advice.goal.kind} ${number(advice.goal.value)} (today ${number(advice.baseline.outcome)})`;
  const robust = advice.levers.some((lever) => lever.flipPoint?.robustness) || advice.best?.robustness !== undefined;
  const leverLabel = (lever: { kind: string; field: string; target: string; other?: string }): string =>
    lever.kind === 'channel' ? `channel with ${name(lever.other!)}` : lever.kind === 'persuade' ? `persuade ${name(lever.target)}: ${lever.field}` : `own ${lever.field}`;
  const moveText = (move: MoveReport): string => `${leverLabel(move)}: ${move.field === 'channel' ? channelChange(move, move.to) : `${number(move.from)} → ${number(move.to)}`} (cost ${number(move.cost)})`;
  const robustText = (candidate: CandidateReport): string => (candidate.robustness ? `${Math.round(candidate.robustness.share * 100)} % of ${candidate.robustness.draws} draws${candidate.robustness.fragile ? ' (fragile)' : ''}` : '');

  const flipTable = h(
    'table',
    { class: 'advice-levers', id: 'advice-levers' },
    h('thead', {}, h('tr', {}, ['Lever', 'Today', 'Flip at', 'Cost', 'Forecast', ...(robust ? ['Works in'] : [])].map((label) => h('th', {}, label)))),
    h(
      'tbody',
      {},
      advice.levers.map((lever) => {
        const flip = lever.flipPoint;
        const today = lever.kind === 'channel' ? channelState(lever, lever.current) : number(lever.current);
        const move = flip?.moves[0];
        return h(
          'tr',
          { 'data-lever': lever.lever },
          h('th', { scope: 'row', title: lever.unit }, leverLabel(lever)),
          h('td', {}, today),
          h('td', {}, move ? (move.field === 'channel' ? channelChange(move, move.to) : number(move.to)) : 'not within range'),
          h('td', {}, flip ? number(flip.cost) : ''),
          h('td', {}, flip ? number(flip.outcome) : ''),
          robust ? h('td', {}, flip ? robustText(flip) : '') : null,
        );
      }),
    ),
  );
  const units = [...new Set(advice.levers.map((lever) => `${lever.kind === 'channel' ? 'channel' : lever.field}: ${lever.unit}`))];

  const best = advice.best
    ? h(
        'section',
        { class: 'card', id: 'advice-best', 'aria-label': 'Best plan' },
        h('h3', {}, 'Best plan within the budget'),
        h('p', { class: 'advice-best-summary' }, `Gain `, h('strong', { 'data-key': 'gain', 'data-value': String(advice.best.gain) }, number(advice.best.gain)), `, cost ${number(advice.best.cost)}, forecast ${number(advice.best.outcome)}${advice.best.reached ? ', reaches the goal' : ', does not reach the goal'}${advice.best.robustness ? `; works in ${robustText(advice.best)}` : ''}.`),
        h('ul', { class: 'advice-moves' }, advice.best.moves.map((move) => h('li', {}, moveText(move)))),
        h('div', { class: 'explanation advice-explanation' }, (advice.best.explanation ?? []).map((sentence) => h('p', {}, sentence))),
      )
    : h('section', { class: 'card', id: 'advice-best' }, h('p', {}, 'No change within the budget improves on today.'));

  const cards: (HTMLElement | null)[] = [
    h(
      'section',
      { class: 'card', id: 'advice-goal' },
      h('h3', {}, `Advice for ${name(advice.actor)} on ${issue.name ?? issue.id}`),
      h('p', {}, `Model ${advice.model}, preset ${advice.preset}. Goal: ${goal}${advice.budget === null ? '' : `; budget ${number(advice.budget)}`}. ${advice.evaluations} model runs.`),
    ),
    best,
    h('section', { class: 'card', id: 'advice-flip-points' }, h('h3', {}, 'Flip points: the smallest change per lever that reaches the goal'), h('div', { class: 'table-scroll' }, flipTable), h('p', { class: 'hint' }, `Costs: ${units.join('; ')}.`)),
    paretoCard(advice, scenario, width, number),
  ];
  const explained = advice.levers.filter((lever) => lever.flipPoint?.explanation);
  if (explained.length > 0)
    cards.push(
      h(
        'section',
        { class: 'card', id: 'advice-why' },
        h('h3', {}, 'Why, per flip point'),
        explained.map((lever) => h('div', { class: 'explanation advice-explanation' }, h('h4', {}, leverLabel(lever)), lever.flipPoint!.explanation!.map((sentence) => h('p', {}, sentence)))),
      ),
    );
  if (advice.notes.length > 0) cards.push(h('ul', { class: 'answer-notes' }, advice.notes.map((note) => h('li', {}, `note: ${note}`))));
  return h('div', { class: 'advice-report' }, cards);
}

function paretoCard(advice: Advice, scenario: Scenario, width: number, number: (x: number) => string): HTMLElement | null {
  if (advice.pareto.length === 0) return null;
  const points = advice.pareto.map((point) => ({ cost: point.cost, gain: point.gain, reached: point.reached, moves: point.moves.length }));
  const chart = Plot.plot({
    width: Math.min(width, 640),
    height: 260,
    marginLeft: 56,
    x: { label: 'cost (the levers’ units)', grid: true },
    y: { label: 'gain', grid: true },
    marks: [
      Plot.line(points, { x: 'cost', y: 'gain', stroke: markColours.data, curve: 'step-after' }),
      Plot.dot(points, { x: 'cost', y: 'gain', fill: (d: (typeof points)[number]) => (d.reached ? markColours.reached : markColours.unreached), r: 5, title: (d: (typeof points)[number]) => `cost ${number(d.cost)} → gain ${number(d.gain)}${d.reached ? ' (reaches the goal)' : ''}, ${d.moves} lever${d.moves === 1 ? '' : 's'}` }),
    ],
  });
  chart.setAttribute('aria-label', 'Pareto front of cost against gain');
  return chartCard({
    id: 'advice-pareto',
    title: 'Pareto front: cost → gain',
    chart,
    rows: points,
    fileName: `${fileSlug(scenario.title)}-${advice.issue}-pareto`,
    note: `The candidates no other beats in both cost and gain: ${advice.pareto.map((point) => `${number(point.cost)} → ${number(point.gain)}`).join(', ')}. Green: reaches the goal.`,
  });
}
