/**
 * Plain-words explanations of an expected-utility forecast, for one actor in one round of one issue:
 * how it reads each dyad (Scholz, Calbert & Smith 2011, Fig. 6: conflict, compromise, capitulation,
 * stalemate), what it expects from challenging each other actor and what it thinks they expect, the
 * offers it receives and makes, and which it takes.
 *
 * Pure: the input is a Forecast computed with `dyads: true`; every number in the text is read from it
 * (rounded for reading), none is recomputed. The CLI prints these sentences and the workbench shows
 * `describeDyad` as the hover text of a dyad-matrix cell.
 */
import { InputError } from '../errors.js';
import { dyadsInvolving } from '../models/dyadTable.js';
import type { Dyad, Forecast, IssueForecast, Move, Round } from '../models/model.js';
import { formatShort, formatSignificant } from './formatNumber.js';
import { adjustedMoveSentence, adjustedOfferSentence, fromDyad, fromHold, fromMove } from './explainChannels.js';
import { ownValue } from '../scenario/keyed.js';

export interface ExplainRequest {
  actor: string;
  issue: string;
  /** A bargaining round, 1 or later (round 0 is the input and has no dyads). */
  round: number;
  /** Display names by actor id (the scenario's `name`); ids are used where absent. */
  names?: Readonly<Record<string, string>>;
  /** Decimals for positions (see decimalsForScale); 1 by default, right for a 0–100 scale. */
  decimals?: number;
}

export interface ExplanationSentence {
  /** What the sentence is about, so a user interface can group or filter sentences. */
  topic: 'summary' | 'dyad' | 'expectations' | 'offer-received' | 'offer-made' | 'channel';
  /** The other actor, for sentences about one dyad or offer. */
  other?: string;
  text: string;
}

export interface Explanation {
  actor: string;
  issue: string;
  round: number;
  /** The actor's position at the start of the round (the end of the previous one) and at its end. */
  from: number;
  to: number;
  sentences: ExplanationSentence[];
}

interface Wording {
  name: (id: string) => string;
  position: (value: number) => string;
}

export function explainActor(forecast: Forecast, request: ExplainRequest): Explanation {
  const issue = findIssueForecast(forecast, request.issue);
  const { before, current } = findRound(issue, request.round);
  const { actor } = request;
  if (!Object.hasOwn(current.positions, actor)) {
    throw new InputError({ field: 'actor', message: `actor "${actor}" takes no part in issue "${issue.issue}"; expected one of ${Object.keys(current.positions).join(', ')}` });
  }
  if (!current.dyads) {
    throw new InputError({ field: 'dyads', message: `the ${forecast.model} forecast has no dyads for round ${current.round}: run it with the option dyads: true (parley forecast --dyads)` });
  }
  const wording = wordingFor(request);
  const from = before.positions[actor]!;
  const to = current.positions[actor]!;
  const sentences: ExplanationSentence[] = [summarySentence(actor, issue.issue, before, current, wording)];
  // Only the actor's own dyads become objects (both directions), in the table's order.
  const dyads = dyadsInvolving(current.dyads, actor);
  const mineByOther = new Map<string, Dyad>();
  const theirsByOther = new Map<string, Dyad>();
  for (const dyad of dyads) {
    if (dyad.actor === actor && !mineByOther.has(dyad.other)) mineByOther.set(dyad.other, dyad);
    if (dyad.other === actor && !theirsByOther.has(dyad.actor)) theirsByOther.set(dyad.actor, dyad);
  }

  const others = Object.keys(current.positions).filter((id) => id !== actor);
  for (const other of others) {
    const mine = mineByOther.get(other);
    const theirs = theirsByOther.get(other);
    const text = pairText(mine, theirs, wording);
    if (text === undefined) continue;
    sentences.push({ topic: 'dyad', other, text });
    if (mine) sentences.push({ topic: 'expectations', other, text: `${capitalise(expectationsClause(mine, wording))}.` });
  }
  for (const dyad of dyads.filter((candidate) => candidate.actor === actor && candidate.offer !== undefined)) {
    sentences.push({ topic: 'offer-received', other: dyad.other, text: offerReceived(dyad, wording) });
  }
  sentences.push(...channelSentences(actor, current, dyads, wording));
  for (const dyad of dyads.filter((candidate) => candidate.other === actor && candidate.offer !== undefined)) {
    sentences.push({ topic: 'offer-made', other: dyad.actor, text: offerMade(dyad, current, wording) });
  }
  return { actor, issue: issue.issue, round: current.round, from, to, sentences };
}

/**
 * One dyad as its receiver sees it, with the numbers behind it: the hover text of a dyad-matrix cell.
 * E.g. "Russia sees a conflict it wins against Ukraine and will not move (Russia expects +0.21 from
 * challenging Ukraine and thinks Ukraine expects +0.05 from challenging it; P(Russia prevails) = 0.72)."
 */
export function describeDyad(dyad: Dyad, options: Pick<ExplainRequest, 'names' | 'decimals'> = {}): string {
  const wording = wordingFor(options);
  const plain = `${capitalise(dyadClause(dyad, wording))} (${expectationsClause(dyad, wording)}).`;
  // With channels (channels-spec §10.1), the same sentence `explain` prints for an adjusted offer.
  const adjusted = fromDyad(dyad);
  return adjusted ? `${plain} ${capitalise(adjustedOfferSentence(adjusted, undefined, wording))}` : plain;
}

/** The receiver's reading of a dyad in words, without the numbers behind it (used by the advice). */
export function describeReading(dyad: Dyad, options: Pick<ExplainRequest, 'names' | 'decimals'> = {}): string {
  return dyadClause(dyad, wordingFor(options));
}

/**
 * With channels (channels-spec §10.1): why the actor's move was shortened or why it held, and each
 * adjusted offer it did not take.
 */
function channelSentences(actor: string, current: Round, dyads: readonly Dyad[], wording: Wording): ExplanationSentence[] {
  const sentences: ExplanationSentence[] = [];
  const move = current.moves?.find((candidate) => candidate.actor === actor);
  const hold = current.holds?.find((candidate) => candidate.actor === actor);
  const chosen = move ? fromMove(move) : hold ? fromHold(hold) : undefined;
  if (chosen) sentences.push({ topic: 'channel', other: chosen.proposer, text: capitalise(adjustedMoveSentence(chosen, wording)) });
  const taken = move ? { proposer: move.proposer, to: move.to } : undefined;
  for (const dyad of dyads) {
    if (dyad.actor !== actor || dyad.other === chosen?.proposer || dyad.other === move?.proposer) continue;
    const offer = fromDyad(dyad);
    if (offer) sentences.push({ topic: 'channel', other: dyad.other, text: capitalise(adjustedOfferSentence(offer, taken, wording)) });
  }
  return sentences;
}


/** Both readings of a pair in one sentence; a shared stalemate (or position) is said once. */
function pairText(mine: Dyad | undefined, theirs: Dyad | undefined, wording: Wording): string | undefined {
  if (mine && theirs && mine.perception === theirs.perception) {
    const both = `${wording.name(mine.actor)} and ${wording.name(mine.other)}`;
    if (mine.perception === 'stalemate') return `${capitalise(both)} see a stalemate: neither expects to gain from a challenge.`;
    if (mine.perception === 'same-position') return `${capitalise(both)} already hold the same position.`;
  }
  const clauses = [mine, theirs].flatMap((dyad) => (dyad ? [dyadClause(dyad, wording)] : []));
  return clauses.length === 0 ? undefined : `${capitalise(clauses.join('; '))}.`;
}

/** The receiver's reading of the dyad in words (Fig. 6 octants as named in model.ts `Perception`). */
function dyadClause(dyad: Dyad, wording: Wording): string {
  const me = wording.name(dyad.actor);
  const them = wording.name(dyad.other);
  const to = dyad.offer === undefined ? `${them}'s position` : wording.position(dyad.offer);
  switch (dyad.perception) {
    case 'conflict-won':
      return `${me} sees a conflict it wins against ${them} and will not move`;
    case 'conflict-lost':
      return `${me} sees a conflict it loses against ${them} and would give in, moving to ${to}`;
    case 'compromise':
      return `${me} would accept a compromise with ${them} at ${to}`;
    case 'capitulation':
      return `${me} would capitulate to ${them}, moving to ${to}`;
    case 'compromise-won':
      return `${me} expects ${them} to compromise toward it`;
    case 'capitulation-won':
      return `${me} expects ${them} to capitulate to it`;
    case 'stalemate':
      return `${me} sees a stalemate with ${them}: neither expects to gain from a challenge`;
    case 'same-position':
      return `${me} already stands where ${them} does`;
  }
}

function expectationsClause(dyad: Dyad, wording: Wording): string {
  const me = wording.name(dyad.actor);
  const them = wording.name(dyad.other);
  return (
    `${me} expects ${formatSignificant(dyad.expectedUtility, 3, true)} from challenging ${them} and thinks ` +
    `${them} expects ${formatSignificant(dyad.otherExpectedUtility, 3, true)} from challenging it; ` +
    `P(${me} prevails) = ${formatSignificant(dyad.probability)}`
  );
}

function summarySentence(actor: string, issue: string, before: Round, current: Round, wording: Wording): ExplanationSentence {
  const me = wording.name(actor);
  const from = before.positions[actor]!;
  const to = current.positions[actor]!;
  const move = current.moves?.find((candidate) => candidate.actor === actor);
  const action =
    move !== undefined
      ? `moves from ${wording.position(move.from)} to ${wording.position(move.to)}, ${moveReason(move, wording)}`
      : from === to
        ? `holds ${wording.position(from)} and does not move`
        : `moves from ${wording.position(from)} to ${wording.position(to)}`;
  const median = `The median moves from ${wording.position(before.median)} to ${wording.position(current.median)}.`;
  return { topic: 'summary', text: `In round ${current.round} on ${issue}, ${me} ${action}. ${median}` };
}

function moveReason(move: Move, wording: Wording): string {
  return moveReasonText(move, (id) => wording.name(id));
}

/** Why an EUM actor moved, in words: "giving in to X after a conflict it expects to lose", … */
export function moveReasonText(move: Pick<Move, 'kind' | 'proposer'>, name: (id: string) => string): string {
  const proposer = name(move.proposer);
  switch (move.kind) {
    case 'conflict-lost':
      return `giving in to ${proposer} after a conflict it expects to lose`;
    case 'compromise':
      return `accepting a compromise offered by ${proposer}`;
    case 'capitulation':
      return `capitulating to ${proposer}`;
  }
}

function offerReceived(dyad: Dyad, wording: Wording): string {
  const fate = dyad.taken ? 'taken' : 'not taken';
  return `Offer from ${wording.name(dyad.other)}: ${wording.name(dyad.actor)} would move to ${wording.position(dyad.offer!)} (${perceptionNoun(dyad)}) — ${fate}.`;
}

function offerMade(dyad: Dyad, current: Round, wording: Wording): string {
  const receiver = wording.name(dyad.actor);
  // The receiver took another offer exactly when it moved (read from the moves: the dyads may be only the explained actor's).
  const tookAnother = !dyad.taken && (current.moves ?? []).some((move) => move.actor === dyad.actor);
  const fate = dyad.taken ? `${receiver} takes it` : tookAnother ? `${receiver} takes another offer` : `${receiver} does not take it`;
  return `Offer to ${receiver}: ${receiver} would move to ${wording.position(dyad.offer!)} (${perceptionNoun(dyad)}) — ${fate}.`;
}

function perceptionNoun(dyad: Dyad): string {
  return dyad.perception === 'conflict-lost' ? 'a conflict it loses' : dyad.perception.replace('-', ' ');
}

function findIssueForecast(forecast: Forecast, issueId: string): IssueForecast {
  const issue = forecast.issues.find((candidate) => candidate.issue === issueId);
  if (!issue) {
    throw new InputError({ field: 'issue', message: `unknown issue "${issueId}"; expected one of ${forecast.issues.map((candidate) => candidate.issue).join(', ')}` });
  }
  return issue;
}

function findRound(issue: IssueForecast, roundNumber: number): { before: Round; current: Round } {
  const index = issue.rounds.findIndex((candidate) => candidate.round === roundNumber);
  const last = issue.rounds.at(-1)?.round ?? 0;
  if (index < 1 || !Number.isInteger(roundNumber)) {
    throw new InputError({
      field: 'round',
      message: last === 0 ? `issue "${issue.issue}" has no bargaining rounds to explain` : `round must be an integer from 1 to ${last}, got ${roundNumber}`,
    });
  }
  return { before: issue.rounds[index - 1]!, current: issue.rounds[index]! };
}

function wordingFor(options: Pick<ExplainRequest, 'names' | 'decimals'>): Wording {
  const decimals = options.decimals ?? 1;
  return {
    name: (id) => ownValue(options.names, id) ?? id,
    position: (value) => formatShort(value, decimals),
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
