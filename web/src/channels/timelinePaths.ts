/**
 * The timeline chart's data (channels-spec.md §4–§5): the forecast path of each branch leaf, round by
 * round on the timeline's dates, and the mixture path. A leaf's value in a round is its weighted median
 * (the EUM's forecast, Scholz et al. 2011); the mixture at a round is Σ_ℓ P(ℓ) · value_ℓ (B4's mixture
 * mean, round by round), a leaf that stopped early keeping its last value. Without branches the one run
 * is the single leaf. Pure.
 */
import type { IssueForecast, Round } from '../../../src/models/model.js';

export interface PathPoint {
  round: number;
  /** The round's end date ("YYYY-MM-DD"; round 0: the start), or null without a timeline. */
  date: string | null;
  value: number;
}

export interface LeafPath {
  /** `channel=cut, aid=passes` ("" for the one leaf without branches). */
  label: string;
  probability: number;
  points: PathPoint[];
  /** The model's outcome in this leaf. */
  outcome: number;
}

const pointOf = (round: Round): PathPoint => ({ round: round.round, date: round.endDate ?? round.startDate ?? null, value: round.median });

/** `channel=cut, aid=passes`: the leaf's outcomes in branch order. */
export function leafText(leaf: Record<string, string>): string {
  return Object.entries(leaf)
    .map(([branch, outcome]) => `${branch}=${outcome}`)
    .join(', ');
}

/** Each leaf's path (the forecast's own rounds when it has no leaves). */
export function leafPaths(forecast: IssueForecast): LeafPath[] {
  if (!forecast.leaves) return [{ label: '', probability: 1, points: forecast.rounds.map(pointOf), outcome: forecast.outcome }];
  return forecast.leaves.map((leaf) => ({ label: leafText(leaf.leaf), probability: leaf.probability, points: leaf.rounds.map(pointOf), outcome: leaf.outcome }));
}

/** (B4, per round) Σ P(ℓ) · value_ℓ(t) over the longest path's rounds; a shorter path holds its last value. */
export function mixturePath(paths: readonly LeafPath[]): PathPoint[] {
  const longest = paths.reduce<LeafPath | undefined>((best, path) => (best === undefined || path.points.length > best.points.length ? path : best), undefined);
  if (longest === undefined) return [];
  return longest.points.map((point, index) => ({
    round: point.round,
    date: point.date,
    value: paths.reduce((sum, path) => sum + path.probability * (path.points[Math.min(index, path.points.length - 1)]?.value ?? 0), 0),
  }));
}
