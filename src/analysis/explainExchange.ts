/**
 * Plain-words explanations of an exchange-model forecast (Stokman's exchange of voting positions, as
 * Decide computes it; exchange-spec.md) for one actor in one round: the trades it made (what it gave
 * way on, how far, to whom, and what it got where), where its preference and voting position ended,
 * and who gained or lost it something through trades of their own (externalities, §4).
 *
 * Pure: every number is read from the Forecast (`forecast.exchange`, `rounds[].voting`), none recomputed.
 */
import { InputError } from '../errors.js';
import type { ExchangeSide, Forecast, RealisedExchange } from '../models/model.js';
import { formatShort, formatSignificant } from './formatNumber.js';
import { ownValue } from '../scenario/keyed.js';

export interface ExchangeExplainRequest {
  actor: string;
  /** A round, 1 or later. */
  round: number;
  /** Display names by actor id; ids are used where absent. */
  names?: Readonly<Record<string, string>>;
  /** Decimals for positions by issue id (see decimalsForScale); 1 where absent. */
  decimals?: Readonly<Record<string, number>>;
}

export interface ExchangeSentence {
  /** `summary`: the round in one sentence; `trade`: one of the actor's exchanges; `externality`: another pair's trade as it affected the actor. */
  topic: 'summary' | 'trade' | 'position' | 'externality';
  /** The other actor of a trade. */
  other?: string;
  text: string;
}

export interface ExchangeExplanation {
  actor: string;
  round: number;
  /** The actor's exchanges in the round, in realisation order. */
  trades: number;
  /** The sum of its exchanges' gains (Decide's "own"). */
  gain: number;
  /** Its externalities from others' trades: inner and outer, positive and negative, summed. */
  externality: number;
  sentences: ExchangeSentence[];
}

interface Context {
  name: (id: string) => string;
  at: (issue: string, value: number) => string;
}

function signedMove(side: ExchangeSide, context: Context): string {
  const text = context.at(side.supplies, Math.abs(side.move));
  return side.move >= 0 ? `+${text}` : `−${text}`;
}

/** "Gave way on q (0 → 100, +100) to J, who gave way on p (100 → 33.3) its way; each gained 10.1." */
function tradeSentence(exchange: RealisedExchange, actor: string, context: Context): string {
  const own = exchange.i.actor === actor ? exchange.i : exchange.j;
  const other = own === exchange.i ? exchange.j : exchange.i;
  const { name, at } = context;
  const capped = own.capped || other.capped ? ' The move was held back so the outcome would not pass the demander’s own position (the outcome cap).' : '';
  return (
    `Trade ${exchange.sequence} with ${name(other.actor)}: ${name(actor)} gave way on ${own.supplies}, moving its voting position from ${at(own.supplies, own.from)} to ${at(own.supplies, own.to)} (${signedMove(own, context)}), ` +
    `and in return ${name(other.actor)} moved from ${at(other.supplies, other.from)} to ${at(other.supplies, other.to)} on ${other.supplies}, the issue ${name(actor)} cares about relatively more. ` +
    `Each side gains ${formatSignificant(exchange.gain)} (equal gain).${capped}`
  );
}

function externalitySentence(exchange: RealisedExchange, effect: number, context: Context): string {
  const { name } = context;
  const verb = effect > 0 ? `gained ${formatSignificant(effect, 3, true)}` : `lost ${formatSignificant(-effect)}`;
  const why = effect > 0 ? 'the outcomes moved toward its positions' : 'the outcomes moved away from its positions';
  return `From trade ${exchange.sequence} of ${name(exchange.i.actor)} and ${name(exchange.j.actor)} (on ${exchange.i.supplies} and ${exchange.j.supplies}) it ${verb}: ${why}.`;
}

/** Explains one actor's round of an exchange-model forecast. */
export function explainExchangeActor(forecast: Forecast, request: ExchangeExplainRequest): ExchangeExplanation {
  const rounds = forecast.exchange?.rounds;
  if (!rounds) throw new InputError({ field: 'model', message: `the forecast of "${forecast.model}" has no exchanges to explain; run the exchange model` });
  const round = rounds.find((candidate) => candidate.round === request.round);
  if (!round) throw new InputError({ field: 'round', message: `round ${request.round} was not run; expected 1 to ${rounds.length}` });
  const { actor } = request;
  const account = round.externalities[actor];
  if (!account) throw new InputError({ field: 'actor', message: `unknown actor "${actor}"; expected one of ${Object.keys(round.externalities).join(', ')}` });
  const name = (id: string) => ownValue(request.names, id) ?? id;
  const at = (issue: string, value: number) => formatShort(value, ownValue(request.decimals, issue) ?? 1);
  const context: Context = { name, at };

  const mine = round.exchanges.filter((exchange) => exchange.i.actor === actor || exchange.j.actor === actor);
  const gain = mine.reduce((sum, exchange) => sum + exchange.gain, 0);
  const externality = account.innerPositive + account.innerNegative + account.outerPositive + account.outerNegative;
  const sentences: ExchangeSentence[] = [];
  const tradeWord = mine.length === 1 ? 'trade' : 'trades';
  sentences.push({
    topic: 'summary',
    text:
      mine.length === 0
        ? `In round ${request.round} ${name(actor)} made no trade: no partner on the other side of two issues valued them the other way round, or its exchanges were out-bid or became invalid.`
        : `In round ${request.round} ${name(actor)} made ${mine.length} ${tradeWord}, gaining ${formatSignificant(gain)} in all; others' trades ${externality > 0 ? `gained it ${formatSignificant(externality)}` : externality < 0 ? `cost it ${formatSignificant(-externality)}` : 'did not affect it'}.`,
  });
  for (const exchange of mine) sentences.push({ topic: 'trade', other: exchange.i.actor === actor ? exchange.j.actor : exchange.i.actor, text: tradeSentence(exchange, actor, context) });
  for (const issue of forecast.issues) {
    const now = issue.rounds[request.round];
    const before = issue.rounds[request.round - 1];
    const voting = now?.voting?.positions[actor];
    if (!now || !before || voting === undefined || before.positions[actor] === undefined) continue;
    const start = before.positions[actor]!;
    if (voting === start && now.positions[actor] === start) continue;
    sentences.push({
      topic: 'position',
      text: `On ${issue.issue} it prefers ${at(issue.issue, start)} but votes ${at(issue.issue, voting)}; its preference for the next round becomes ${at(issue.issue, now.positions[actor]!)} (part of the move carries over).`,
    });
  }
  for (const exchange of round.exchanges) {
    const effect = exchange.effects[actor];
    if (effect !== undefined && effect !== 0) sentences.push({ topic: 'externality', other: exchange.i.actor, text: externalitySentence(exchange, effect, context) });
  }
  if (externality !== 0) {
    sentences.push({
      topic: 'externality',
      text: `Its externalities this round: inner ${formatSignificant(account.innerPositive, 3, true)} / ${formatSignificant(account.innerNegative)}, outer ${formatSignificant(account.outerPositive, 3, true)} / ${formatSignificant(account.outerNegative)} (inner: it sits with one of the trading sides; outer: it does not).`,
    });
  }
  return { actor, round: request.round, trades: mine.length, gain, externality, sentences };
}
