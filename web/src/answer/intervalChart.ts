/**
 * One issue's answer drawn on its own scale: the 5–95 % interval (thin bar), the 25–75 % interval
 * (thick bar), the median (tick), the predictor's point forecast (diamond), every model's outcome
 * (dots below, each labelled in the first row where it overlaps no other label) and the status quo
 * (dotted), so the interval reads against the scale. Models are in their fixed colours (palette.ts).
 */
import * as Plot from '@observablehq/plot';
import type { IssueAnswer } from '../../../src/analysis/answer/answer.js';
import { modelLabel } from '../../../src/analysis/answer/answer.js';
import type { Issue } from '../../../src/scenario/schema.js';
import type { CsvRow } from '../charts/card.js';
import { measurer } from '../charts/chartText.js';
import { xIssueAxis } from '../charts/issueAxis.js';
import { packLabels } from '../charts/labelLayout.js';
import { markColours, modelColour, statusQuoColour } from '../palette.js';

const marginLeft = 70;
const marginRight = 70;
/** The height of a row of the frame: the answer's, its interval's ends', and each row of model labels. */
const rowHeight = 28;
/** The model labels' font size. */
const labelSize = 11;

/** A group's colour: its model's fixed colour when its members are presets of one model, else neutral. */
function groupColour(modelIds: readonly string[]): string {
  return modelIds.every((id) => id === modelIds[0]) ? modelColour(modelIds[0]!) : '#444444';
}

export function intervalChart(answer: IssueAnswer, issue: Issue, width: number, show: (value: number) => string): { chart: SVGSVGElement | HTMLElement; rows: CsvRow[] } {
  const { p5, p25, median, p75, p95 } = answer.interval;
  const frameWidth = width - marginLeft - marginRight;
  const axis = xIssueAxis(issue, frameWidth);
  // Models whose outcomes print alike share one dot and one label ("weighted-median, eum (default)").
  const groups = new Map<string, { names: string[]; modelIds: string[]; outcome: number }>();
  for (const model of answer.models) {
    const key = show(model.outcome);
    const group = groups.get(key) ?? { names: [], modelIds: [], outcome: model.outcome };
    group.names.push(modelLabel(model.model, model.preset));
    group.modelIds.push(model.model);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => a.outcome - b.outcome);
  // Each label in the first row where it overlaps no other (packLabels), so close outcomes do not overprint.
  const { min, max } = issue.scale;
  const measure = measurer({ size: labelSize });
  const packed = packLabels(
    sorted.map((group) => ((group.outcome - min) / (max - min || 1)) * frameWidth),
    sorted.map((group) => measure(group.names.join(', '))),
    frameWidth,
    6,
  );
  const modelRows = Array.from({ length: Math.max(1, ...packed.map((label) => label.row + 1)) }, (_, row) => `models ${row + 1}`);
  const models = sorted.map((group, index) => ({ name: group.names.join(', '), outcome: group.outcome, colour: groupColour(group.modelIds), row: modelRows[packed[index]!.row]!, anchor: packed[index]!.anchor }));
  const bars = [
    { from: p5, to: p95, row: 'answer', width: 4 },
    { from: p25, to: p75, row: 'answer', width: 12 },
  ];
  const point = [{ at: answer.forecast, row: 'answer', label: `forecast ${show(answer.forecast)}` }];
  const ends = [
    { at: p5, row: 'ends', label: `5 % ${show(p5)}` },
    { at: p95, row: 'ends', label: `95 % ${show(p95)}` },
  ];
  const chart = Plot.plot({
    width,
    height: 24 + rowHeight * (2 + modelRows.length) + axis.margin,
    marginLeft,
    marginRight,
    marginTop: 24,
    marginBottom: axis.margin,
    x: { ...axis.scale, grid: true },
    y: { domain: ['answer', 'ends', ...modelRows], axis: null, type: 'band', padding: 0 },
    marks: [
      ...axis.marks,
      issue.statusQuo === undefined ? null : Plot.ruleX([issue.statusQuo], { stroke: statusQuoColour, strokeDasharray: '2,3' }),
      Plot.ruleY(bars, { y: 'row', x1: 'from', x2: 'to', stroke: modelColour(answer.predictor.model), strokeWidth: 'width', strokeOpacity: 0.55 }),
      Plot.tickX([{ at: median, row: 'answer' }], { x: 'at', y: 'row', stroke: 'black', strokeWidth: 2, inset: 8 }),
      Plot.dot(point, { x: 'at', y: 'row', symbol: 'diamond', r: 7, fill: markColours.forecast, stroke: 'white' }),
      Plot.text(point, { x: 'at', y: 'row', dy: -17, text: 'label', fontWeight: 'bold', fill: markColours.forecast }),
      Plot.text(ends, { x: 'at', y: 'row', dy: -6, text: 'label', fill: '#444' }),
      Plot.dot(models, { x: 'outcome', y: 'row', r: 3.5, fill: 'colour', title: (d: (typeof models)[number]) => `${d.name}: ${show(d.outcome)}` }),
      ...(['start', 'middle', 'end'] as const).map((anchor) => Plot.text(models.filter((model) => model.anchor === anchor), { x: 'outcome', y: 'row', dy: -9, text: 'name', fill: 'colour', fontSize: labelSize, textAnchor: anchor })),
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
