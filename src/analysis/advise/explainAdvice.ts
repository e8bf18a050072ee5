/**
 * Advice in plain words, read from the forecasts it compares: what the move changes, for whom, and why
 * the model reacts — the actors whose final positions differ and, for the EUM, the round-1 dyads whose
 * reading changes (Scholz, Calbert & Smith 2011, Fig. 6). No number is recomputed: each is read from
 * the baseline's and the changed scenario's forecasts.
 */
import { dyadList } from '../../models/dyadTable.js';
import type { Dyad, IssueForecast } from '../../models/model.js';
import { describeReading } from '../explain.js';
import { formatShort } from '../formatNumber.js';
import type { Candidate } from './search.js';
import { channelKinds, type Move } from './levers.js';
import { applyMoves, type Scorer, type Variant } from './variant.js';

export interface Wording {
  names: Readonly<Record<string, string>>;
  decimals: number;
  issueName: string;
}

const name = (wording: Wording, id: string): string => wording.names[id] ?? id;

/** One move in words, e.g. "the United States lowers its salience on talks from 60 to 35". */
export function describeMove(move: Move, wording: Wording): string {
  const { lever, value } = move;
  const number = (x: number): string => formatShort(x, wording.decimals);
  const who = name(wording, lever.target);
  const direction = value < lever.current ? 'lowers' : 'raises';
  if (lever.field === 'channel' && lever.issue !== undefined) return describeChannelMove(move, who, name(wording, lever.other!), wording.issueName);
  if (lever.field === 'channel') return `${who} ${value === 0 ? 'closes' : 'opens'} its channel with ${name(wording, lever.other!)}`;
  if (lever.field === 'capability') return `${who} ${direction} its capability from ${number(lever.current)} to ${number(value)}`;
  const what = lever.field === 'position' ? 'position' : 'salience';
  const change = `its ${what} on ${wording.issueName} from ${number(lever.current)} to ${number(value)}`;
  if (lever.kind === 'persuade') return `${who} is persuaded to move ${change} (needs ${who}'s consent)`;
  return lever.field === 'position' ? `${who} moves ${change} (an offer)` : `${who} ${direction} ${change}`;
}

/** A scenario channel lever in words: "the United States opens a private channel with Russia on talks". */
function describeChannelMove(move: Move, who: string, other: string, issueName: string): string {
  const from = channelKinds[move.lever.current];
  const to = channelKinds[move.value];
  if (to === 'closed') return `${who} closes its ${from} channel with ${other} on ${issueName}`;
  if (from === 'closed') return `${who} opens a ${to} channel with ${other} on ${issueName}`;
  return `${who} makes its ${from} channel with ${other} on ${issueName} ${to}`;
}

/** Sentences for one candidate: the change, the forecast's response, and why (at most `limit` of each kind of reason). */
export function explainCandidate(candidate: Candidate, base: Variant, scorer: Scorer, issue: string, wording: Wording, focus?: string, limit = 3): string[] {
  const number = (x: number): string => formatShort(x, wording.decimals);
  const withDyads = { dyads: true };
  const dyadsOption = 'dyads' in scorer.forecast(base).options;
  const before = issueOf(scorer.forecast(base, dyadsOption ? withDyads : {}).issues, issue);
  const after = issueOf(scorer.forecast(applyMoves(base, candidate.moves), dyadsOption ? withDyads : {}).issues, issue);
  const moves = candidate.moves.map((move) => describeMove(move, wording)).join(' and ');
  const sentences = [`If ${moves}, the forecast on ${wording.issueName} is ${number(after.outcome)} instead of ${number(before.outcome)}.`];
  // Why first (the dyads read differently), then what follows (who ends elsewhere).
  sentences.push(...changedReadings(before, after, wording).slice(0, limit), ...changedEnds(before, after, wording, focus).slice(0, limit));
  return sentences;
}

function issueOf(issues: readonly IssueForecast[], issue: string): IssueForecast {
  return issues.find((candidate) => candidate.issue === issue)!;
}

/** Actors that end elsewhere, `focus` first (iterative models only: a static model has no rounds to end in). */
function changedEnds(before: IssueForecast, after: IssueForecast, wording: Wording, focus?: string): string[] {
  if (before.rounds.length < 2) return [];
  const first = before.rounds[0]!.positions;
  const last = before.rounds.at(-1)!.positions;
  const lastAfter = after.rounds.at(-1)!.positions;
  const number = (x: number): string => formatShort(x, wording.decimals);
  const ids = Object.keys(lastAfter).sort((a, b) => Number(b === focus) - Number(a === focus));
  return ids.flatMap((id) => {
    const was = last[id];
    const now = lastAfter[id]!;
    if (was === undefined || number(was) === number(now)) return [];
    const holds = number(now) === number(after.rounds[0]!.positions[id]!);
    const today = number(was) === number(first[id]!) ? `holds at ${number(was)}` : `ends at ${number(was)}`;
    return [`${name(wording, id)} ${holds ? `holds at ${number(now)}` : `ends at ${number(now)}`} (today it ${today}).`];
  });
}

/** Round-1 dyads whose reading changes (EUM with dyads). */
function changedReadings(before: IssueForecast, after: IssueForecast, wording: Wording): string[] {
  const oldTable = before.rounds[1]?.dyads;
  const nowTable = after.rounds[1]?.dyads;
  if (!oldTable || !nowTable) return [];
  const [old, now] = [dyadList(oldTable), dyadList(nowTable)];
  const key = (dyad: Dyad): string => `${dyad.actor}\u0000${dyad.other}`;
  const previous = new Map(old.map((dyad) => [key(dyad), dyad]));
  const options = { names: wording.names, decimals: wording.decimals };
  return now.flatMap((dyad) => {
    const was = previous.get(key(dyad));
    if (!was || was.perception === dyad.perception) return [];
    return [`In round 1, ${describeReading(dyad, options)} (today: ${describeReading(was, options)}).`];
  });
}
