/**
 * The exchange model in the workbench (docs/exchange.md): for a chosen round, the table of realised
 * exchanges (who gave way on which issue, from where to where, the equal gain), a chart of each
 * actor's preference against its voting position on the chosen issue, and the externalities per actor.
 * A round slider re-draws the three cards in place.
 */
import * as Plot from '@observablehq/plot';
import type { ExchangeRound, Forecast, IssueForecast } from '../../../src/models/model.js';
import type { Issue, Scenario } from '../../../src/scenario/schema.js';
import { actorNames } from '../actorNames.js';
import { chartCard, type CsvRow } from '../charts/card.js';
import { stepSlider } from '../controls.js';
import { h } from '../dom.js';
import { measurer, plotStyle } from '../charts/chartText.js';
import { xIssueAxis } from '../charts/issueAxis.js';
import { fitText } from '../charts/labelLayout.js';
import { forecastLabel } from '../charts/modelLabels.js';
import type { ExportMeta } from '../exportMeta.js';

/** What the three cards share: the actors' names, the file names' stem, the number of rounds, and what their exports say about themselves (exportMeta.ts) besides the issue and the round. */
interface CardContext {
  names: Record<string, string>;
  slug: string;
  last: number;
  about: Omit<ExportMeta, 'title' | 'issue' | 'round'>;
}

const number = (value: number, decimals = 1) => value.toFixed(decimals);

function table(head: string[], rows: Array<Array<string | number>>, id: string): HTMLTableElement {
  return h(
    'table',
    { class: 'outcomes', id },
    h('thead', {}, h('tr', {}, head.map((cell) => h('th', {}, cell)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, String(cell)))))),
  );
}

function exchangesCard(round: ExchangeRound, { names, slug, last, about }: CardContext, picker: HTMLElement): HTMLElement {
  const rows: CsvRow[] = round.exchanges.map((exchange) => ({
    round: round.round,
    sequence: exchange.sequence,
    gain: exchange.gain,
    i: exchange.i.actor,
    iSupplies: exchange.i.supplies,
    iFrom: exchange.i.from,
    iTo: exchange.i.to,
    j: exchange.j.actor,
    jSupplies: exchange.j.supplies,
    jFrom: exchange.j.from,
    jTo: exchange.j.to,
  }));
  const body = table(
    ['#', 'Actor', 'gives way on', 'from → to', 'Partner', 'gives way on', 'from → to', 'Gain each'],
    round.exchanges.map((exchange) => [
      exchange.sequence,
      names[exchange.i.actor] ?? exchange.i.actor,
      exchange.i.supplies,
      `${number(exchange.i.from)} → ${number(exchange.i.to)}${exchange.i.capped ? ' (capped)' : ''}`,
      names[exchange.j.actor] ?? exchange.j.actor,
      exchange.j.supplies,
      `${number(exchange.j.from)} → ${number(exchange.j.to)}${exchange.j.capped ? ' (capped)' : ''}`,
      exchange.gain.toPrecision(3),
    ]),
    'exchange-table',
  );
  return chartCard({
    id: 'exchange-exchanges',
    title: `Realised exchanges — round ${round.round} (${round.exchanges.length})`,
    chart: round.exchanges.length === 0 ? h('p', {}, 'No exchange was realised in this round.') : body,
    rows,
    fileName: `${slug}-exchanges-round-${round.round}`,
    meta: { ...about, issue: 'every pair of issues', round: `round ${round.round} of ${last}` },
    extra: [picker],
    note: 'In realisation order. Each actor moves its voting position on the issue it gives way on; both gain the same utility.',
  });
}

function preferenceVotingCard(issueForecast: IssueForecast, issue: Issue, roundNumber: number, width: number, { names, slug, last, about }: CardContext): HTMLElement {
  const start = issueForecast.rounds[roundNumber - 1]!;
  const end = issueForecast.rounds[roundNumber]!;
  const voting = end.voting!;
  const rows = Object.keys(start.positions).map((actor) => ({ actor, name: names[actor] ?? actor, preference: start.positions[actor]!, voting: voting.positions[actor] ?? start.positions[actor]! }));
  // Names in the margin they need (at most 30% of the width), the scale's ends under the axis, 11 px text (charts/issueAxis.ts).
  const measure = measurer();
  const nameWidth = Math.min(Math.max(40, ...rows.map((row) => measure(row.name))), Math.max(80, 0.3 * width));
  const marginLeft = Math.ceil(nameWidth + 14);
  const axis = xIssueAxis(issue, width - marginLeft - 24);
  const chart = Plot.plot({
    width,
    height: 30 + 22 * rows.length + axis.margin,
    style: plotStyle,
    marginLeft,
    marginRight: 24,
    marginBottom: axis.margin,
    x: { ...axis.scale, grid: true },
    y: { label: null, domain: rows.map((row) => row.actor), tickFormat: (id: string) => fitText(names[id] ?? id, nameWidth, measure) },
    marks: [
      ...axis.marks,
      Plot.ruleX([voting.preferenceOutcome], { stroke: '#999', strokeDasharray: '3,3' }),
      Plot.ruleX([voting.outcome], { stroke: '#D55E00', strokeWidth: 2 }),
      Plot.link(rows, { x1: 'preference', x2: 'voting', y1: 'actor', y2: 'actor', stroke: '#0072B2', markerEnd: 'arrow' }),
      Plot.dot(rows, { x: 'preference', y: 'actor', stroke: '#0072B2', fill: 'white', r: 5, title: (d: { name: string; preference: number }) => `${d.name} prefers ${number(d.preference)}` }),
      Plot.dot(rows, { x: 'voting', y: 'actor', fill: '#0072B2', r: 4, title: (d: { name: string; voting: number }) => `${d.name} votes ${number(d.voting)}` }),
    ],
  });
  chart.setAttribute('aria-label', `Preference and voting position on ${issue.name ?? issue.id}, round ${roundNumber}`);
  return chartCard({
    id: 'exchange-voting',
    title: `Preference vs voting position — ${issue.name ?? issue.id}, round ${roundNumber}`,
    chart,
    rows: rows.map((row) => ({ round: roundNumber, ...row })),
    fileName: `${slug}-${issue.id}-voting-round-${roundNumber}`,
    meta: { ...about, issue: issue.name ?? issue.id, round: `round ${roundNumber} of ${last}` },
    note: `Open dot: preference at the start of the round; filled: voting position after its trades. Dashed: outcome of preferences (${number(voting.preferenceOutcome)}); orange: outcome of voting positions (${number(voting.outcome)}).`,
  });
}

function externalitiesCard(round: ExchangeRound, { names, slug, last, about }: CardContext): HTMLElement {
  const actors = Object.keys(round.externalities);
  const rows: CsvRow[] = actors.map((actor) => ({ round: round.round, actor, ...round.externalities[actor]! }));
  const body = table(
    ['Actor', 'Own gain', 'Inner +', 'Inner −', 'Outer +', 'Outer −'],
    actors.map((actor) => {
      const account = round.externalities[actor]!;
      return [names[actor] ?? actor, account.own.toPrecision(3), account.innerPositive.toPrecision(3), account.innerNegative.toPrecision(3), account.outerPositive.toPrecision(3), account.outerNegative.toPrecision(3)];
    }),
    'exchange-externalities-table',
  );
  return chartCard({
    id: 'exchange-externalities',
    title: `Externalities — round ${round.round}`,
    chart: body,
    rows,
    fileName: `${slug}-externalities-round-${round.round}`,
    meta: { ...about, issue: 'every issue', round: `round ${round.round} of ${last}` },
    note: 'What others’ trades did to each actor: positive when the outcomes moved toward it. Inner: it sits with one of the trading sides on that pair of issues; outer: it does not.',
  });
}

/** The exchange model's cards for the chosen issue (none when no exchange forecast was run). */
export function exchangeCards(forecasts: readonly Forecast[], scenario: Scenario, issue: Issue, width: number, slug: string): HTMLElement[] {
  const forecast = forecasts.find((candidate) => candidate.exchange !== undefined);
  const issueForecast = forecast?.issues.find((candidate) => candidate.issue === issue.id);
  if (!forecast?.exchange || !issueForecast || forecast.exchange.rounds.length === 0) return [];
  const last = forecast.exchange.rounds.length;
  const context: CardContext = { names: actorNames(scenario.actors), slug, last, about: { scenario: scenario.title, asOf: scenario.asOf, model: forecastLabel(forecast) } };
  const container = h('div', { class: 'exchange-cards' });
  const draw = (roundNumber: number): void => {
    const round = forecast.exchange!.rounds[roundNumber - 1]!;
    const picker = stepSlider('Round', 'exchange-round', { min: 1, max: last, value: roundNumber }, draw);
    container.replaceChildren(
      exchangesCard(round, context, picker),
      preferenceVotingCard(issueForecast, issue, roundNumber, width, context),
      externalitiesCard(round, context),
    );
  };
  draw(1);
  return [container];
}
