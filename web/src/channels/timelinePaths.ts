/**
 * The timeline chart's data (channels-spec.md §4–§5): the forecast path of each branch leaf, round by
 * round on the timeline's dates, and the mixture path. A leaf's value in a round is the model's own
 * path where it reports one (Nash with dated effects: the (N6) agreement on that round's inputs, null
 * where none exists), else its weighted median of positions at the round's end (the EUM's forecast,
 * Scholz et al. 2011). The mixture at a round is Σ_ℓ P(ℓ) · value_ℓ (B4's mixture mean, round by
 * round; null when a leaf has no value there), a leaf that stopped early keeping its last value.
 * Without branches the one run is the single leaf. Pure.
 */
import type { IssueForecast, LeafForecast, Round } from '../../../src/models/model.js';

export interface PathPoint {
  round: number;
  /** The round's end date ("YYYY-MM-DD"; round 0: the start), or null without a timeline. */
  date: string | null;
  /** null: no value in that round (Nash: no agreement acceptable to every party). */
  value: number | null;
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

/** A round of Nash's path holds the agreement on that round's inputs: drawn from the round's start. */
const pathPoints = (path: NonNullable<IssueForecast['path']>): PathPoint[] => path.map((point) => ({ round: point.round, date: point.startDate ?? point.endDate ?? null, value: point.outcome }));

const pointsOf = (run: Pick<LeafForecast, 'rounds' | 'path'>): PathPoint[] => (run.path ? pathPoints(run.path) : run.rounds.map(pointOf));

/** `channel=cut, aid=passes`: the leaf's outcomes in branch order. */
export function leafText(leaf: Record<string, string>): string {
  return Object.entries(leaf)
    .map(([branch, outcome]) => `${branch}=${outcome}`)
    .join(', ');
}

/** Each leaf's path (the forecast's own rounds when it has no leaves). */
export function leafPaths(forecast: IssueForecast): LeafPath[] {
  if (!forecast.leaves) return [{ label: '', probability: 1, points: pointsOf(forecast), outcome: forecast.outcome }];
  return forecast.leaves.map((leaf) => ({ label: leafText(leaf.leaf), probability: leaf.probability, points: pointsOf(leaf), outcome: leaf.outcome }));
}

/** (B4, per round) Σ P(ℓ) · value_ℓ(t) over the longest path's rounds; a shorter path holds its last value. */
export function mixturePath(paths: readonly LeafPath[]): PathPoint[] {
  const longest = paths.reduce<LeafPath | undefined>((best, path) => (best === undefined || path.points.length > best.points.length ? path : best), undefined);
  if (longest === undefined) return [];
  return longest.points.map((point, index) => {
    const values = paths.map((path) => path.points[Math.min(index, path.points.length - 1)]?.value ?? null);
    const value = values.some((v) => v === null) ? null : paths.reduce((sum, path, at) => sum + path.probability * values[at]!, 0);
    return { round: point.round, date: point.date, value };
  });
}
