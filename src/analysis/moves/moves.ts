/**
 * Who moves: for an iterative model's forecast of one issue, each actor's start and end, its
 * round-by-round moves with toward whom and why, the largest concessions first, and who held firm.
 *
 * The moves are read from the forecast, never recomputed: a position change between rounds r−1 and r
 * is explained by the round's EUM `moves` (Scholz et al. 2011, Fig. 6: conflict lost, compromise,
 * capitulation) or by the SMP choice that took a bargain (KTAB: the actor took the bargain it was
 * party to, toward the other party). A model that reports its moves in `Round.moves` (the shape EUM
 * uses) is explained the same way, whatever its id.
 */
import type { Forecast, IssueForecast, Round } from '../../models/model.js';
import { moveReasonText } from '../explain.js';

export type MoveReason = 'conflict-lost' | 'compromise' | 'capitulation' | 'smp-bargain' | 'unexplained';

export interface MoveStep {
  round: number;
  from: number;
  to: number;
  /** The actor it moved toward (the proposer, or the bargain's other party); null when unknown. */
  toward: string | null;
  why: MoveReason;
  /** The "why" sentence, e.g. "giving in to European Union after a conflict it expects to lose". */
  text: string;
}

export interface ActorMoves {
  actor: string;
  start: number;
  end: number;
  /** |end − start|: how far the actor conceded overall. */
  concession: number;
  /** Σ |to − from| over its moves (≥ concession when it moved back and forth). */
  travelled: number;
  moves: MoveStep[];
}

export interface MovesSummary {
  issue: string;
  /** Actors that moved at least once, the largest concession first (then the longest way travelled). */
  movers: ActorMoves[];
  /** Actors whose position never changed. */
  heldFirm: string[];
}

/** True when a forecast has rounds to summarise (an iterative model). */
export function isIterative(result: IssueForecast): boolean {
  return result.rounds.length > 1;
}

/**
 * The moves summary of one issue. `names` maps actor ids to the names people read; `tolerance` is the
 * smallest change that counts as a move (default 1e-9 of the positions' span).
 */
export function summarizeMoves(result: IssueForecast, names: (id: string) => string = (id) => id, tolerance?: number): MovesSummary {
  const rounds = result.rounds;
  const actors = Object.keys(rounds[0]?.positions ?? {});
  const epsilon = tolerance ?? 1e-9 * Math.max(1e-12, span(rounds));
  const movers: ActorMoves[] = [];
  const heldFirm: string[] = [];
  for (const actor of actors) {
    const moves: MoveStep[] = [];
    for (let r = 1; r < rounds.length; r++) {
      const from = rounds[r - 1]!.positions[actor];
      const to = rounds[r]!.positions[actor];
      if (from === undefined || to === undefined || Math.abs(to - from) <= epsilon) continue;
      moves.push({ round: rounds[r]!.round, from, to, ...explainStep(rounds[r]!, actor, names) });
    }
    if (moves.length === 0) {
      heldFirm.push(actor);
      continue;
    }
    const start = rounds[0]!.positions[actor]!;
    const end = rounds[rounds.length - 1]!.positions[actor]!;
    const travelled = moves.reduce((sum, move) => sum + Math.abs(move.to - move.from), 0);
    movers.push({ actor, start, end, concession: Math.abs(end - start), travelled, moves });
  }
  movers.sort((a, b) => b.concession - a.concession || b.travelled - a.travelled);
  return { issue: result.issue, movers, heldFirm };
}

function span(rounds: readonly Round[]): number {
  let low = Infinity;
  let high = -Infinity;
  for (const round of rounds) for (const position of Object.values(round.positions)) {
    low = Math.min(low, position);
    high = Math.max(high, position);
  }
  return high > low ? high - low : Math.abs(high);
}

/** Toward whom and why an actor moved in a round: the round's EUM move, else its SMP choice. */
function explainStep(round: Round, actor: string, names: (id: string) => string): Pick<MoveStep, 'toward' | 'why' | 'text'> {
  const move = round.moves?.find((candidate) => candidate.actor === actor);
  if (move) return { toward: move.proposer, why: move.kind, text: moveReasonText(move, names) };
  const choice = round.smp?.choices.find((candidate) => candidate.actor === actor);
  const bargain = choice?.bargain === null || choice === undefined ? undefined : round.smp!.bargains.find((candidate) => candidate.id === choice.bargain);
  if (bargain) {
    const other = bargain.initiator === actor ? bargain.receiver : bargain.initiator;
    const proposed = bargain.initiator === actor ? `its own bargain with ${names(other)}` : `the bargain ${names(other)} proposed`;
    return { toward: other, why: 'smp-bargain', text: `taking ${proposed} (P = ${choice!.probability.toFixed(2)} in its queue of ${choice!.options})` };
  }
  return { toward: null, why: 'unexplained', text: 'the forecast records no move or bargain for this change' };
}

export interface ForecastMoves {
  model: string;
  preset: string | null;
  issues: MovesSummary[];
}

/** The moves summary of every issue of an iterative forecast; undefined for a non-iterative one. */
export function forecastMoves(forecast: Forecast, names: (id: string) => string = (id) => id): ForecastMoves | undefined {
  const issues = forecast.issues.filter(isIterative);
  if (issues.length === 0) return undefined;
  return { model: forecast.model, preset: forecast.preset ?? null, issues: issues.map((result) => summarizeMoves(result, names)) };
}
