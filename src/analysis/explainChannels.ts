/**
 * Plain words for the EUM's channel adjustment (channels-spec.md §10.1): why an actor moved less than
 * the octant asked, or refused every offer and held. Every number is read from the forecast (the
 * move's or hold's channel, base target, shortfall and terms). `explain` and the workbench's hover
 * text use these sentences.
 */
import type { ChannelTerms, Dyad, Hold, Move, Shortfall } from '../models/model.js';

export interface ChannelWording {
  name: (id: string) => string;
  position: (value: number) => string;
}

/** What one sentence is about: a move or hold, or a received offer that was not taken. */
export interface AdjustedOffer {
  actor: string;
  proposer: string;
  kind: Move['kind'];
  channel: 'public' | 'private';
  a: number;
  b: number;
  from: number;
  baseTo: number;
  /** Where the offer takes the actor; undefined when it refused it. */
  to: number | undefined;
  shortfall: Shortfall;
  terms: ChannelTerms;
}

const kindWords: Record<Move['kind'], string> = {
  'conflict-lost': 'a conflict it loses against',
  compromise: 'a compromise with',
  capitulation: 'that it must capitulate to',
};

const signed = (value: number): string => `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(3)}`;
const points = (value: number): string => value.toFixed(1);
const two = (value: number): string => value.toFixed(2);

/** The clauses of (E5): trust, audience cost, red line, each omitted when its part is 0. */
function reasons(offer: AdjustedOffer, wording: ChannelWording): string[] {
  const them = wording.name(offer.proposer);
  const { shortfall, terms } = offer;
  const why: string[] = [];
  if (shortfall.trust > 1e-9) {
    why.push(
      offer.kind === 'compromise'
        ? `it trusts ${them} to keep an agreement with probability ${two(terms.trust)}, so it concedes only ${two(terms.trust)} of the compromise (${points(shortfall.trust)} points less)`
        : `pressure in a private channel counts only as far as it trusts ${them} (${two(terms.trust)}): ${points(shortfall.trust)} points less`,
    );
  }
  if (shortfall.audience > 1e-9) {
    why.push(
      offer.channel === 'public'
        ? `a public retreat costs it ${two(terms.audienceCost)} of the scale (its audience cost): ${points(shortfall.audience)} points less`
        : `the private exchange may leak (probability ${two(terms.leak ?? 0)}), so its audience cost still takes ${points(shortfall.audience)} points`,
    );
  }
  if (shortfall.redLine > 1e-9 && terms.redLine) {
    const line = terms.redLine;
    why.push(`its public red line (${line.kind === 'atLeast' ? 'at least' : 'at most'} ${wording.position(line.bound)}, cost ${two(line.cost)}) stops it ${points(shortfall.redLine)} points short`);
  }
  return why;
}

function head(offer: AdjustedOffer, wording: ChannelWording): string {
  return (
    `${wording.name(offer.actor)} sees ${kindWords[offer.kind]} ${wording.name(offer.proposer)} (a = ${signed(offer.a)}, b = ${signed(offer.b)}) ` +
    `in their ${offer.channel} channel and would move from ${wording.position(offer.from)} to ${wording.position(offer.baseTo)}`
  );
}

/** The sentence for the offer an actor took (a shortened move) or, when it held, its most pressing refused offer. */
export function adjustedMoveSentence(offer: AdjustedOffer, wording: ChannelWording): string {
  const why = reasons(offer, wording);
  const tail = offer.to === undefined ? `so it refuses it, as it refuses every other offer, and holds at ${wording.position(offer.from)}` : `so it moves to ${wording.position(offer.to)}`;
  return why.length === 0 ? `${head(offer, wording)}; it does.` : `${head(offer, wording)}, but ${why.join('; ')}; ${tail}.`;
}

/** A received offer that was not taken: how far it would have taken the actor, and what it took instead. */
export function adjustedOfferSentence(offer: AdjustedOffer, taken: { proposer: string; to: number } | undefined, wording: ChannelWording): string {
  const why = reasons(offer, wording);
  const tail = offer.to === undefined ? `so it refuses this offer and would stay at ${wording.position(offer.from)}` : `so this offer would take it only to ${wording.position(offer.to)}`;
  const sentence = why.length === 0 ? `${head(offer, wording)}.` : `${head(offer, wording)}, but ${why.join('; ')}; ${tail}.`;
  return taken && taken.proposer !== offer.proposer ? `${sentence} It takes ${wording.name(taken.proposer)}'s offer instead (${wording.position(taken.to)}).` : sentence;
}

/** A shortened move as an AdjustedOffer (undefined when the move was not shortened). */
export function fromMove(move: Move): AdjustedOffer | undefined {
  if (move.baseTo === undefined || !move.shortfall || !move.terms || !move.channel) return undefined;
  const { actor, proposer, kind, channel, from, baseTo, to, shortfall, terms } = move;
  return { actor, proposer, kind, channel, a: move.expectedUtility, b: move.otherExpectedUtility, from, baseTo, to, shortfall, terms };
}

export function fromHold(hold: Hold): AdjustedOffer {
  const { actor, proposer, kind, channel, from, shortfall, terms } = hold;
  return { actor, proposer, kind, channel, a: hold.expectedUtility, b: hold.otherExpectedUtility, from, baseTo: hold.wouldMoveTo, to: undefined, shortfall, terms };
}

/** An adjusted dyad (kept dyads) as an AdjustedOffer. */
export function fromDyad(dyad: Dyad): AdjustedOffer | undefined {
  const from = dyad.from;
  if (from === undefined || dyad.baseOffer === undefined || dyad.offer === undefined || !dyad.shortfall || !dyad.terms || !dyad.channel) return undefined;
  if (dyad.perception !== 'conflict-lost' && dyad.perception !== 'compromise' && dyad.perception !== 'capitulation') return undefined;
  return {
    actor: dyad.actor,
    proposer: dyad.other,
    kind: dyad.perception,
    channel: dyad.channel,
    a: dyad.expectedUtility,
    b: dyad.otherExpectedUtility,
    from,
    baseTo: dyad.baseOffer,
    to: dyad.offer === from ? undefined : dyad.offer,
    shortfall: dyad.shortfall,
    terms: dyad.terms,
  };
}
