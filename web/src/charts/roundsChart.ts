/**
 * Each actor's position round by round on one issue, with the weighted median and the c·s-weighted
 * mean as heavier lines: how the bargaining unfolds. The legend is drawn inside the SVG (so exports
 * keep it) under the chart — the axis label takes the top — in columns when there are many actors;
 * every dot names its actor on hover.
 */
import * as Plot from '@observablehq/plot';
import type { IssueForecast } from '../../../src/models/model.js';
import type { Issue } from '../../../src/scenario/schema.js';
import { categorical } from '../palette.js';
import { scaleAxis } from '../scaleLabels.js';
import type { CsvRow } from './card.js';
import { svgLegend, type LegendEntry } from './svgLegend.js';

export interface RoundsData {
  rows: CsvRow[];
  chart: SVGSVGElement | HTMLElement;
}

/** The chart's height without its legend, whatever the legend takes below it. */
const plotHeight = 360;
/** The x axis's ticks and label, above the legend. */
const axisBottom = 40;

/** `names`: display names by actor id, distinct (see `actorNames`); series are keyed by id so that equal names never merge. */
export function roundsChart(issueForecast: IssueForecast, issue: Issue, names: Record<string, string>, width: number): RoundsData {
  const actorRows = issueForecast.rounds.flatMap((round) =>
    Object.entries(round.positions).map(([actor, position]) => ({ round: round.round, actor, series: names[actor] ?? actor, position })),
  );
  const summaryRows = issueForecast.rounds.flatMap((round) => [
    { round: round.round, series: 'median', position: round.median },
    { round: round.round, series: 'mean', position: round.mean },
  ]);
  const axis = scaleAxis(issue);
  const actors = [...new Set(actorRows.map((row) => row.actor))];
  const colourOf = (index: number) => categorical[index % categorical.length]!;
  const legend = svgLegend(
    [
      { label: 'weighted median', colour: 'black', mark: 'line', strong: true },
      { label: 'weighted mean', colour: 'black', mark: 'dashed', strong: true },
      ...actors.map((actor, index): LegendEntry => ({ label: names[actor] ?? actor, colour: colourOf(index) })),
    ],
    width - 20,
    { maxLabel: 36 },
  );
  const lastRound = issueForecast.rounds.at(-1)?.round ?? 0;
  const chart = Plot.plot({
    width,
    height: plotHeight + legend.height,
    marginBottom: axisBottom + legend.height,
    marginLeft: 150,
    marginRight: 30,
    x: { label: 'round', labelOffset: 32, domain: [0, Math.max(1, lastRound)], ticks: Math.min(lastRound, 10), tickFormat: 'd' },
    y: { domain: [issue.scale.min, issue.scale.max], ticks: axis.ticks, tickFormat: axis.tickFormat, label: axis.label, grid: true },
    color: { domain: actors, range: actors.map((_, index) => colourOf(index)) },
    marks: [
      Plot.line(actorRows, { x: 'round', y: 'position', z: 'actor', stroke: 'actor', strokeWidth: 1.5, strokeOpacity: 0.85 }),
      Plot.dot(actorRows, { x: 'round', y: 'position', fill: 'actor', r: 2, tip: true, title: (d: { series: string; round: number; position: number }) => `${d.series}, round ${d.round}: ${d.position.toFixed(1)}` }),
      Plot.line(summaryRows.filter((row) => row.series === 'median'), { x: 'round', y: 'position', stroke: 'black', strokeWidth: 3 }),
      Plot.line(summaryRows.filter((row) => row.series === 'mean'), { x: 'round', y: 'position', stroke: 'black', strokeWidth: 2, strokeDasharray: '6,4' }),
    ],
  }) as SVGSVGElement;
  legend.draw(chart, 10, plotHeight); // just under the x axis: the frame ends at plotHeight − axisBottom
  chart.setAttribute('aria-label', `Positions by round on ${issue.name ?? issue.id}`);
  return { rows: [...actorRows.map(({ round, series, position }) => ({ round, series, position })), ...summaryRows], chart };
}
