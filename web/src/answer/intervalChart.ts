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
  // Labels of neighbouring models go on different rows, so close outcomes do not overprint.
  const modelRows = ['models 1', 'models 2', 'models 3', 'models 4'];
  // Models whose outcomes print alike share one dot and one label ("weighted-median, eum (default)").
  const groups = new Map<string, { names: string[]; outcome: number }>();
  for (const model of answer.models) {
    const key = show(model.outcome);
    const group = groups.get(key) ?? { names: [], outcome: model.outcome };
    group.names.push(modelLabel(model.model, model.preset));
    groups.set(key, group);
  }
  const models = [...groups.values()]
    .sort((a, b) => a.outcome - b.outcome)
    .map((group, index) => ({ name: group.names.join(', '), outcome: group.outcome, colour: categorical[index % categorical.length]!, row: modelRows[index % modelRows.length]! }));
  const bars = [
    { from: p5, to: p95, row: 'answer', width: 4 },
    { from: p25, to: p75, row: 'answer', width: 12 },
  ];
  const point = [{ at: answer.forecast, row: 'answer', label: `forecast ${show(answer.forecast)}` }];
  const ends = [
    { at: p5, row: 'answer', label: `5 % ${show(p5)}` },
    { at: p95, row: 'answer', label: `95 % ${show(p95)}` },
  ];
  const chart = Plot.plot({
    width,
    height: 210,
    marginLeft: 70,
    marginRight: 70,
    marginTop: 24,
    x: { domain: [issue.scale.min, issue.scale.max], ticks: axis.ticks, tickFormat: axis.tickFormat, label: axis.label, grid: true },
    y: { domain: ['answer', ...modelRows], axis: null, type: 'band', padding: 0 },
    marks: [
      issue.statusQuo === undefined ? null : Plot.ruleX([issue.statusQuo], { stroke: '#777', strokeDasharray: '2,3' }),
      Plot.ruleY(bars, { y: 'row', x1: 'from', x2: 'to', stroke: categorical[0], strokeWidth: 'width', strokeOpacity: 0.55 }),
      Plot.tickX([{ at: median, row: 'answer' }], { x: 'at', y: 'row', stroke: 'black', strokeWidth: 2, inset: 8 }),
      Plot.dot(point, { x: 'at', y: 'row', symbol: 'diamond', r: 7, fill: categorical[5], stroke: 'white' }),
      Plot.text(point, { x: 'at', y: 'row', dy: -17, text: 'label', fontWeight: 'bold', fill: categorical[5] }),
      Plot.text(ends, { x: 'at', y: 'row', dy: 17, text: 'label', fill: '#444' }),
      Plot.dot(models, { x: 'outcome', y: 'row', r: 3.5, fill: 'colour', title: (d: (typeof models)[number]) => `${d.name}: ${show(d.outcome)}` }),
      Plot.text(models, { x: 'outcome', y: 'row', dy: -9, text: 'name', fill: 'colour', fontSize: 10 }),
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
