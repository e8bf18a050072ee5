/**
 * The backtest's error by model: each predictor's value with its 95% cluster-bootstrap interval, one
 * row per predictor in the backtest's order, coloured by kind (baseline, model, fitted). Drawn for the
 * MAE and for the paired difference to the compromise model (negative = better).
 */
import * as Plot from '@observablehq/plot';
import type { PredictorRow } from '../../../src/analysis/backtest/backtest.js';
import type { CsvRow } from './card.js';
import { measurer, plotStyle } from './chartText.js';
import { wrapText } from './labelLayout.js';
import { svgLegend } from './svgLegend.js';

export const kindColours: Record<PredictorRow['kind'], string> = { baseline: '#999999', model: '#0072B2', fitted: '#D55E00' };

export type BacktestMeasure = 'mae' | 'maeDifference';

export function backtestChart(rows: readonly PredictorRow[], measure: BacktestMeasure, width: number): { rows: CsvRow[]; chart: SVGSVGElement | HTMLElement } {
  const points = rows.map((row) => {
    const interval = measure === 'mae' ? row.metrics.mae : row.maeDifference;
    return { id: row.id, kind: row.kind, value: interval.value, low: interval.low, high: interval.high };
  });
  const compromise = rows.find((row) => row.id === 'weighted-mean');
  const reference = measure === 'mae' ? compromise?.metrics.mae.value : 0;
  const label = measure === 'mae' ? 'mean absolute error (points on 0–100), 95% interval →' : '← better   ΔMAE vs the compromise model (weighted-mean)   worse →';
  const kinds = Object.keys(kindColours) as PredictorRow['kind'][];
  const legend = svgLegend(
    kinds.map((kind) => ({ label: kind, colour: kindColours[kind] })),
    width - 20,
  );
  const marginTop = legend.height + 14;
  const measureText = measurer();
  const marginLeft = Math.ceil(Math.max(40, ...points.map((point) => measureText(point.id))) + 14);
  const marginRight = 50;
  // The axis's words, wrapped to the frame under it (never clipped at a phone's width).
  const labelLines = wrapText(label, width - marginLeft - marginRight, measureText);
  const marginBottom = 26 + 13 * labelLines.length;
  const chart = Plot.plot({
    width,
    height: marginTop + 10 + 24 * points.length + marginBottom,
    style: plotStyle,
    marginTop,
    marginLeft,
    marginRight,
    marginBottom,
    x: { label: null, grid: true, ...(measure === 'mae' && { domain: [0, Math.max(...points.map((point) => point.high)) * 1.05] }) },
    y: { domain: points.map((point) => point.id), label: null },
    color: { domain: kinds, range: kinds.map((kind) => kindColours[kind]) },
    marks: [
      Plot.text([labelLines.join('\n')], { frameAnchor: 'bottom', lineAnchor: 'top', dy: 24, text: (value: string) => value }),
      reference === undefined ? null : Plot.ruleX([reference], { stroke: '#444', strokeDasharray: '4,3' }),
      Plot.ruleY(points, { y: 'id', x1: 'low', x2: 'high', stroke: 'kind', strokeWidth: 2 }),
      Plot.tickX(points, { y: 'id', x: 'low', stroke: 'kind', inset: 6 }),
      Plot.tickX(points, { y: 'id', x: 'high', stroke: 'kind', inset: 6 }),
      Plot.dot(points, {
        y: 'id',
        x: 'value',
        fill: 'kind',
        r: 4.5,
        title: (point: (typeof points)[number]) => `${point.id}: ${point.value.toFixed(2)} [${point.low.toFixed(2)}, ${point.high.toFixed(2)}]`,
      }),
      Plot.text(points, { y: 'id', x: 'high', dx: 8, textAnchor: 'start', text: (point: (typeof points)[number]) => signed(point.value, measure) }),
    ],
  }) as SVGSVGElement;
  legend.draw(chart, 10, 4);
  chart.setAttribute('aria-label', measure === 'mae' ? 'Mean absolute error by model with 95% intervals' : 'Difference to the compromise model with 95% intervals');
  return { rows: points.map((point) => ({ predictor: point.id, kind: point.kind, [measure]: point.value, low: point.low, high: point.high })), chart };
}

function signed(value: number, measure: BacktestMeasure): string {
  return measure === 'mae' || value < 0 ? value.toFixed(2) : `+${value.toFixed(2)}`;
}
