/**
 * The timeline chart: on the timeline's dates, the dated events (solid rules) and branch points (dashed
 * rules), the forecast path of each branch leaf (a line per leaf, its probability in the legend, a ring
 * at its end for the model's outcome in that leaf; gaps where the model has no value) and the
 * mixture path (black, dashed), for one issue of one model's forecast (every model runs once per leaf,
 * channels-spec §5.4). Without a timeline the x axis is the round.
 */
import * as Plot from '@observablehq/plot';
import type { IssueForecast } from '../../../src/models/model.js';
import type { Issue } from '../../../src/scenario/schema.js';
import type { CsvRow } from '../charts/card.js';
import { svgLegend, type LegendEntry } from '../charts/svgLegend.js';
import { yIssueAxis } from '../charts/issueAxis.js';
import { actorPalette } from '../palette.js';
import { leafPaths, mixturePath, type PathPoint } from './timelinePaths.js';

export interface DatedMark {
  date: string;
  label: string;
  kind: 'event' | 'branch';
}

/** The frame's height, and the x axis's ticks and label under it. */
const frameHeight = 316;
const axisBottom = 40;
const toDate = (text: string): Date => new Date(`${text}T00:00:00Z`);

export function timelineChart(forecast: IssueForecast, issue: Issue, marks: readonly DatedMark[], model: string, width: number): { rows: CsvRow[]; chart: SVGSVGElement } {
  const paths = leafPaths(forecast);
  const mixture = mixturePath(paths);
  const dated = paths.every((path) => path.points.every((point) => point.date !== null));
  const x = (point: PathPoint): Date | number => (dated ? toDate(point.date!) : point.round);
  // No actor is drawn here: the leaves take the actor palette's colours in order.
  const colourOf = (index: number) => actorPalette[index % actorPalette.length]!;
  const leafName = (label: string, probability: number) => `${label === '' ? 'the one run' : label} (p = ${probability.toFixed(3)})`;
  const legend = svgLegend(
    [
      ...(paths.length > 1 ? [{ label: 'mixture (probability-weighted)', colour: 'black', mark: 'dashed', strong: true } satisfies LegendEntry] : []),
      ...paths.map((path, index): LegendEntry => ({ label: leafName(path.label, path.probability), colour: colourOf(index), mark: 'line' })),
      ...(marks.some((mark) => mark.kind === 'event') ? [{ label: 'dated event', colour: '#777', mark: 'line' } satisfies LegendEntry] : []),
      ...(marks.some((mark) => mark.kind === 'branch') ? [{ label: 'branch point', colour: '#777', mark: 'dashed' } satisfies LegendEntry] : []),
    ],
    width - 20,
    { maxLabel: 48 },
  );
  const shownMarks = dated ? marks : [];
  const labelRows = Math.min(3, Math.max(1, shownMarks.length));
  // The dated marks' labels sit in rows just above the frame, the issue's name above them.
  const axis = yIssueAxis(issue, frameHeight, Math.min(170, Math.max(60, 0.2 * width)), width, { above: 14 * labelRows });
  const marginTop = axis.marginTop;
  const chart = Plot.plot({
    width,
    height: marginTop + frameHeight + axisBottom + legend.height,
    marginTop,
    marginBottom: axisBottom + legend.height,
    marginLeft: axis.margin,
    marginRight: 40,
    x: dated ? { type: 'utc', label: 'date', labelOffset: 32 } : { label: 'round', labelOffset: 32, tickFormat: 'd' },
    y: { ...axis.scale, grid: true },
    marks: [
      ...axis.marks,
      ...shownMarks.map((mark) => Plot.ruleX([toDate(mark.date)], { stroke: '#777', strokeWidth: 1, ...(mark.kind === 'branch' ? { strokeDasharray: '5,4' } : {}), ariaDescription: `${mark.kind} ${mark.label}` })),
      // The labels in rows above the frame, so that close dates do not overprint.
      ...Array.from({ length: labelRows }, (_, row) =>
        Plot.text(
          shownMarks.flatMap((mark, index) => (index % labelRows === row ? [{ date: toDate(mark.date), label: `${mark.label} (${mark.date})` }] : [])),
          { x: 'date', text: 'label', frameAnchor: 'top', dy: -14 * (labelRows - row) - 4, dx: 3, fontSize: 10, textAnchor: 'start' },
        ),
      ),
      ...paths.map((path, index) =>
        Plot.line(path.points, { x, y: 'value', stroke: colourOf(index), strokeWidth: 1.8, strokeOpacity: 0.9, ariaDescription: 'leaf path' }),
      ),
      ...paths.map((path, index) =>
        Plot.dot(path.points, { x, y: 'value', fill: colourOf(index), r: 2, tip: true, title: (point: PathPoint) => `${leafName(path.label, path.probability)}, ${point.date ?? `round ${point.round}`}: ${point.value === null ? 'no agreement' : point.value.toFixed(1)}` }),
      ),
      // Each leaf's outcome (the model's forecast in that leaf), a ring at the path's end.
      Plot.dot(
        paths.map((path, index) => ({ at: x(path.points.at(-1)!), outcome: path.outcome, colour: colourOf(index), name: leafName(path.label, path.probability) })),
        { x: 'at', y: 'outcome', stroke: 'colour', r: 5, strokeWidth: 1.5, title: (d: { name: string; outcome: number }) => `${d.name}: outcome ${d.outcome.toFixed(1)}`, ariaDescription: 'leaf outcome' },
      ),
      // Dashed, so that leaves running under it still show.
      paths.length > 1 ? Plot.line(mixture, { x, y: 'value', stroke: 'black', strokeWidth: 2.5, strokeDasharray: '7,5', ariaDescription: 'mixture path' }) : null,
    ],
  }) as SVGSVGElement;
  legend.draw(chart, 10, marginTop + frameHeight + axisBottom); // just under the x axis
  chart.setAttribute('aria-label', `${model}: the forecast path of each branch leaf on ${issue.name ?? issue.id}`);
  const rows: CsvRow[] = [
    ...paths.flatMap((path) => path.points.map((point) => ({ series: path.label === '' ? 'run' : path.label, probability: path.probability, round: point.round, date: point.date ?? '', value: point.value ?? '' }))),
    ...(paths.length > 1 ? mixture.map((point) => ({ series: 'mixture', probability: 1, round: point.round, date: point.date ?? '', value: point.value ?? '' })) : []),
  ];
  return { rows, chart };
}
