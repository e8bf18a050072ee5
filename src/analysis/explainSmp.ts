/**
 * Plain-words explanations of an SMP forecast (KTAB's Spatial Model of Politics), for one actor in one
 * turn: which target it found best and why (its estimate of prevailing and its expected gain), the
 * bargain it proposed and what became of it, the bargains proposed to it, and which it took.
 *
 * Pure: every number is read from the Forecast's `Round.smp` (rounded for reading), none is recomputed.
 * `parley explain --model smp` and the workbench's hover text can print these sentences.
 */
import { InputError } from '../errors.js';
import type { Forecast, IssueForecast, SmpBargain, SmpChoice, SmpRound } from '../models/model.js';
import type { ExplanationSentence } from './explain.js';
import { formatShort, formatSignificant } from './formatNumber.js';
import { idRecord, ownValue } from '../scenario/keyed.js';

export interface SmpExplainRequest {
  actor: string;
  /** A turn, 1 or later (round 0 is the input and has no bargains). */
  round: number;
  /** Any issue of the space to explain; default: the forecast's first issue. */
  issue?: string;
  /** Display names by actor id; ids are used where absent. */
  names?: Readonly<Record<string, string>>;
  /** Decimals for positions; 1 by default, right for a 0–100 scale. */
  decimals?: number;
}

export interface SmpExplanation {
  actor: string;
  round: number;
  /** The issues (dimensions) of the space, in order. */
  issues: string[];
  /** The actor's position before and after the turn, per issue. */
  from: Record<string, number>;
  to: Record<string, number>;
  sentences: ExplanationSentence[];
}

export function explainSmpActor(forecast: Forecast, request: SmpExplainRequest): SmpExplanation {
  const space = spaceIssues(forecast, request.issue, request.round);
  const first = space[0]!;
  const smp = first.rounds[request.round]!.smp!;
  const { actor } = request;
  if (!Object.hasOwn(smp.probabilities, actor))
    throw new InputError({ field: 'actor', message: `actor "${actor}" takes no part in this space; expected one of ${Object.keys(smp.probabilities).join(', ')}` });
  const name = (id: string) => ownValue(request.names, id) ?? id;
  const decimals = request.decimals ?? 1;
  const issues = space.map((issueForecast) => issueForecast.issue);
  const point = (values: Readonly<Record<string, number>>) => `(${issues.map((issue) => `${issue} ${formatShort(values[issue]!, decimals)}`).join(', ')})`;
  const from = idRecord(space.map((issueForecast) => [issueForecast.issue, issueForecast.rounds[request.round - 1]!.positions[actor]!]));
  const to = idRecord(space.map((issueForecast) => [issueForecast.issue, issueForecast.rounds[request.round]!.positions[actor]!]));
  const choiceOf = (id: string) => smp.choices.find((choice) => choice.actor === id);
  const context: Context = { smp, name, point, choiceOf };

  const sentences: ExplanationSentence[] = [{ topic: 'summary', text: summary(actor, from, to, context) }];
  const made = smp.bargains.filter((bargain) => bargain.initiator === actor);
  if (made.length === 0)
    sentences.push({ topic: 'offer-made', text: `${name(actor)} saw no challenge worth making in turn ${request.round}: none promised it a gain.` });
  for (const bargain of made) sentences.push({ topic: 'offer-made', other: bargain.receiver, text: offerMade(bargain, context) });
  for (const bargain of smp.bargains.filter((candidate) => candidate.receiver === actor))
    sentences.push({ topic: 'offer-received', other: bargain.initiator, text: offerReceived(bargain, context) });
  const probability = smp.probabilities[actor]!;
  sentences.push({
    topic: 'summary',
    text: `After the turn, ${name(actor)}'s position has probability ${formatSignificant(probability)} of being the outcome.`,
  });
  return { actor, round: request.round, issues, from, to, sentences };
}

interface Context {
  smp: SmpRound;
  name: (id: string) => string;
  point: (values: Readonly<Record<string, number>>) => string;
  choiceOf: (id: string) => SmpChoice | undefined;
}

function summary(actor: string, from: Record<string, number>, to: Record<string, number>, context: Context): string {
  const choice = context.choiceOf(actor);
  const { name, point } = context;
  if (!choice || choice.bargain === null) {
    const options = choice ? ` (the status quo was the likeliest of its ${choice.options} option${choice.options === 1 ? '' : 's'}, p = ${formatSignificant(choice.probability)})` : '';
    return `${name(actor)} stayed at ${point(from)}${options}.`;
  }
  const bargain = context.smp.bargains[choice.bargain]!;
  const partner = bargain.initiator === actor ? bargain.receiver : bargain.initiator;
  const whose = bargain.initiator === actor ? 'its own bargain with' : 'the bargain proposed by';
  return `${name(actor)} moved from ${point(from)} to ${point(to)}, taking ${whose} ${name(partner)} (p = ${formatSignificant(choice.probability)} among ${choice.options} options).`;
}

function offerMade(bargain: SmpBargain, context: Context): string {
  const { name, point } = context;
  const why =
    `${name(bargain.initiator)}'s best target was ${name(bargain.receiver)}: it expected to prevail with probability ` +
    `${formatSignificant(bargain.probability)} and to gain ${formatSignificant(bargain.expectedGain, 3, true)} from a challenge, ` +
    `and reckoned ${name(bargain.receiver)} would ${bargain.receiverExpectedGain < 0 ? 'lose' : 'gain'} ${formatSignificant(Math.abs(bargain.receiverExpectedGain))}.`;
  const proposal = ` It proposed to move to ${point(bargain.initiatorPosition)} and that ${name(bargain.receiver)} move to ${point(bargain.receiverPosition)}${perspective(bargain)}.`;
  return `${why}${proposal} ${fate(bargain, context)}`;
}

function offerReceived(bargain: SmpBargain, context: Context): string {
  const { name, point } = context;
  return (
    `${name(bargain.initiator)} targeted ${name(bargain.receiver)} (expecting ${formatSignificant(bargain.expectedGain, 3, true)}, ` +
    `P(prevail) = ${formatSignificant(bargain.probability)}) and proposed that ${name(bargain.receiver)} move to ${point(bargain.receiverPosition)}${perspective(bargain)}. ` +
    fate(bargain, context)
  );
}

function perspective(bargain: SmpBargain): string {
  if (bargain.perspective === 'receiver') return ", as the receiver's estimate of the contest puts it";
  if (bargain.perspective === 'compromise') return ', a power-weighted compromise of both estimates';
  return '';
}

/** What each party did with the bargain. */
function fate(bargain: SmpBargain, context: Context): string {
  const { name } = context;
  const took = (id: string) => context.choiceOf(id)?.bargain === bargain.id;
  const initiator = took(bargain.initiator);
  const receiver = took(bargain.receiver);
  if (initiator && receiver) return 'Both took it.';
  if (receiver) return `${name(bargain.receiver)} took it; ${name(bargain.initiator)} ${elsewhere(bargain.initiator, context)}.`;
  if (initiator) return `${name(bargain.initiator)} took it; ${name(bargain.receiver)} ${elsewhere(bargain.receiver, context)}.`;
  return `Neither took it: ${name(bargain.initiator)} ${elsewhere(bargain.initiator, context)}, ${name(bargain.receiver)} ${elsewhere(bargain.receiver, context)}.`;
}

function elsewhere(actor: string, context: Context): string {
  const choice = context.choiceOf(actor);
  if (!choice || choice.bargain === null) return 'stayed put';
  const bargain = context.smp.bargains[choice.bargain]!;
  const partner = bargain.initiator === actor ? bargain.receiver : bargain.initiator;
  return `took the bargain with ${context.name(partner)} instead`;
}

/** The issues of the space holding `issueId` (those sharing its turn record), in forecast order. */
function spaceIssues(forecast: Forecast, issueId: string | undefined, round: number): IssueForecast[] {
  if (forecast.model !== 'smp') throw new InputError({ field: 'model', message: `explainSmpActor explains SMP forecasts, not "${forecast.model}"` });
  const anchor = issueId === undefined ? forecast.issues[0] : forecast.issues.find((candidate) => candidate.issue === issueId);
  if (!anchor) throw new InputError({ field: 'issue', message: `unknown issue "${issueId}"; expected one of ${forecast.issues.map((i) => i.issue).join(', ')}` });
  const last = anchor.rounds.length - 1;
  if (!Number.isInteger(round) || round < 1 || round > last)
    throw new InputError({ field: 'round', message: `round ${round} is not a turn of this run; expected 1 to ${last}` });
  const key = JSON.stringify(anchor.rounds[round]!.smp);
  return forecast.issues.filter((candidate) => candidate.rounds.length === anchor.rounds.length && JSON.stringify(candidate.rounds[round]!.smp) === key);
}
