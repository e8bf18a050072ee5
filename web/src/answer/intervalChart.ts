/**
 * One issue's answer drawn on its own scale: the 5–95 % interval (thin bar), the 25–75 % interval
 * (thick bar), the median (tick), the predictor's point forecast (diamond), every model's outcome
 * (small labelled ticks below) and the status quo (dotted), so the interval reads against the scale.
 */
import * as Plot from '@observablehq/plot';
import type { IssueAnswer } from '../../../src/analysis/answer/answer.js';
import { modelLabel } from '../../../src/analysis/answer/answer.js';
import type { Issue } from '../../../src/scenario/schema.js';
import type { CsvRow } from '../charts/card.js';
import { categorical } from '../palette.js';
import { scaleAxis } from '../scaleLabels.js';

export function intervalChart(answer: IssueAnswer, issue: Issue, width: number, show: (value: number) => string): { chart: SVGSVGElement | HTMLElement; rows: CsvRow[] } {
  const { p5, p25, median, p75, p95 } = answer.interval;
  const axis = scaleAxis(issue);
  const models = answer.models.map((model, index) => ({ name: modelLabel(model.model, model.preset), outcome: model.outcome, colour: categorical[index % categorical.length]! }));
  const modelRow = (index: number): number => 1 + (index % 2);
  const chart = Plot.plot({
    width,
    height: 150,
    marginLeft: 24,
    marginRight: 24,
    marginTop: 28,
    x: { domain: [issue.scale.min, issue.scale.max], ticks: axis.ticks, tickFormat: axis.tickFormat, label: axis.label, grid: true },
    y: { domain: [-0.6, 2.6], axis: null, reverse: true },
    marks: [
      issue.statusQuo === undefined ? null : Plot.ruleX([issue.statusQuo], { stroke: '#777', strokeDasharray: '2,3' }),
      Plot.ruleY([0], { x1: p5, x2: p95, stroke: categorical[0], strokeWidth: 4, strokeOpacity: 0.45 }),
      Plot.ruleY([0], { x1: p25, x2: p75, stroke: categorical[0], strokeWidth: 12, strokeOpacity: 0.7 }),
      Plot.tickX([median], { y: 0, stroke: 'black', strokeWidth: 2, inset: -6 }),
      Plot.dot([answer.forecast], { x: (d: number) => d, y: 0, symbol: 'diamond', r: 7, fill: categorical[5], stroke: 'white' }),
      Plot.text([answer.forecast], { x: (d: number) => d, y: 0, dy: -16, text: (d: number) => `forecast ${show(d)}`, fontWeight: 'bold', fill: categorical[5] }),
      Plot.text([p5, p95], { x: (d: number) => d, y: 0, dy: 16, text: (d: number, index: number) => `${index === 0 ? '5 %' : '95 %'} ${show(d)}`, fill: '#444' }),
      Plot.dot(models, { x: 'outcome', y: (_d: unknown, index: number) => modelRow(index), r: 3.5, fill: 'colour', title: (d: (typeof models)[number]) => `${d.name}: ${show(d.outcome)}` }),
      Plot.text(models, { x: 'outcome', y: (_d: unknown, index: number) => modelRow(index), dy: -9, text: 'name', fill: 'colour', fontSize: 10 }),
    ],
  });
  chart.setAttribute('aria-label', `The answer on ${issue.name ?? issue.id}: forecast ${show(answer.forecast)}, 5–95 % ${show(p5)}–${show(p95)}`);
  const rows: CsvRow[] = [
    { kind: 'forecast', name: modelLabel(answer.predictor.model, answer.predictor.preset), value: answer.forecast },
    ...(['p5', 'p25', 'median', 'p75', 'p95'] as const).map((key) => ({ kind: 'quantile', name: key, value: answer.interval[key] })),
    ...models.map((model) => ({ kind: 'model', name: model.name, value: model.outcome })),
  ];
  return { chart, rows };
}
