/**
 * Baseline predictors that read the DEU data directly rather than a model: what any model has to beat.
 * Where a predictor's input is missing on an issue (no reference point; the Parliament takes no
 * position under consultation) it falls back to the middle of the scale, 50, and the number of
 * fallbacks is reported with its row.
 */
import { median } from './metrics.js';
import type { BacktestCase } from './cases.js';

export interface Baseline {
  id: string;
  description: string;
  /** The forecast, or undefined when the input is missing (then 50 is used). */
  forecast: (item: BacktestCase) => number | undefined;
}

const positionOf = (item: BacktestCase, actor: string): number | undefined => item.positions.find((position) => position.actor === actor)?.position;

export const baselines: readonly Baseline[] = [
  { id: 'constant-50', description: 'the middle of the scale', forecast: () => 50 },
  { id: 'reference-point', description: 'the status quo (reference point); 50 where undefined', forecast: (item) => item.issue.referencePoint },
  { id: 'commission', description: "the Commission's position; 50 where it has none", forecast: (item) => positionOf(item, 'COM') },
  { id: 'parliament', description: "the Parliament's position; 50 where it has none", forecast: (item) => positionOf(item, 'EP') },
  {
    id: 'median-position',
    description: 'the unweighted median of the positions (midpoint of the two middle ones)',
    forecast: (item) => median(item.positions.map((position) => position.position)),
  },
];

export const fallbackForecast = 50;
