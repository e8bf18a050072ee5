/**
 * Each actor's position round by round on one issue, with the weighted median and the c·s-weighted
 * mean: how the bargaining unfolds. Every series stays visible: the median and the mean are drawn
 * first, behind the actors (an actor on the median shows its colour over the median's black), and each
 * line is labelled at its end, actors that end at the same position in one label ("40.0:" and their
 * names). Actors keep their colour and shape from their place in the scenario (palette.ts). The
 * legend is drawn inside the SVG (so exports keep it) under the chart, in columns when there are many.
 */
import * as Plot from '@observablehq/plot';
import type { IssueForecast } from '../../../src/models/model.js';
import type { Issue } from '../../../src/scenario/schema.js';
import { actorStyle, type ActorStyle } from '../palette.js';
import { formatValue } from '../scaleLabels.js';
import type { CsvRow } from './card.js';
import { chartLineHeight, measurer, plotStyle } from './chartText.js';
import { yIssueAxis } from './issueAxis.js';
import { coincident, fitText, spreadLabels } from './labelLayout.js';
import { svgLegend, type LegendEntry } from './svgLegend.js';

export interface RoundsData {
  rows: CsvRow[];
  chart: SVGSVGElement | HTMLElement;
}

/** The frame's height. */
const frameHeight = 300;
/** The x axis's ticks and label, above the legend. */
const axisBottom = 40;

interface EndLabel {
  text: string;
  colour: string;
  bold: boolean;
  /** The value it labels, where it wants to be. */
  value: number;
}

/**
 * The labels at the lines' ends: one per actor ("Russia: 95.0"), or for actors ending at the same
 * shown position a heading ("40.0:") and their names; collapsed to one line per position when they
 * would not fit the frame.
 */
export function endLabels(finals: readonly { actor: string; name: string; colour: string; position: number }[], decimals: number, capacity: number): EndLabel[] {
  const groups = coincident(finals, (final) => final.position, (final) => final.position.toFixed(decimals)).reverse();
  const shown = (value: number) => value.toFixed(decimals);
  const full = groups.flatMap((group): EndLabel[] =>
    group.items.length === 1
      ? [{ text: `${group.items[0]!.name}: ${shown(group.value)}`, colour: group.items[0]!.colour, bold: false, value: group.value }]
      : [{ text: `${shown(group.value)}:`, colour: 'currentColor', bold: true, value: group.value }, ...group.items.map((item) => ({ text: item.name, colour: item.colour, bold: false, value: group.value }))],
  );
  if (full.length <= capacity) return full;
  return groups.map((group) => ({
    text: `${shown(group.value)}: ${group.items.map((item) => item.name).join(', ')}`,
    colour: group.items.length === 1 ? group.items[0]!.colour : 'currentColor',
    bold: group.items.length > 1,
    value: group.value,
  }));
}

/**
 * `names`: display names by actor id, distinct (see `actorNames`); `styles`: each actor's colour and
 * shape by id (palette.ts `actorStyles` of the scenario's actors). Series are keyed by id so that
 * equal names never merge.
 */
export function roundsChart(issueForecast: IssueForecast, issue: Issue, names: Record<string, string>, width: number, styles: ReadonlyMap<string, ActorStyle> = new Map()): RoundsData {
  const actorRows = issueForecast.rounds.flatMap((round) =>
    Object.entries(round.positions).map(([actor, position]) => ({ round: round.round, actor, series: names[actor] ?? actor, position })),
  );
  const summaryRows = issueForecast.rounds.flatMap((round) => [
    { round: round.round, series: 'median', position: round.median },
    { round: round.round, series: 'mean', position: round.mean },
  ]);
  const actors = [...new Set(actorRows.map((row) => row.actor))];
  const styleOf = (actor: string, index: number): ActorStyle => styles.get(actor) ?? actorStyle(index);
  const actorStyleList = actors.map(styleOf);
  const manyActors = new Set(actorStyleList.map((style) => style.colour)).size < actors.length;
  const legend = svgLegend(
    [
      { label: 'weighted median', colour: 'black', mark: 'line', strong: true },
      { label: 'weighted mean', colour: 'black', mark: 'dashed', strong: true },
      ...actors.map((actor, index): LegendEntry => ({ label: names[actor] ?? actor, colour: actorStyleList[index]!.colour, ...(manyActors && { symbol: actorStyleList[index]!.symbol }) })),
    ],
    width - 20,
    { maxLabel: 36 },
  );
  const axis = yIssueAxis(issue, frameHeight, Math.min(170, Math.max(60, 0.2 * width)), width);
  const marginTop = axis.marginTop;
  const marginLeft = axis.margin;
  const marginRight = Math.round(Math.min(200, Math.max(70, 0.24 * width)));
  const height = marginTop + frameHeight + axisBottom + legend.height;

  // The end labels, spread apart so that none overprints another, within the frame's height.
  const range = issue.scale.max - issue.scale.min || 1;
  const decimals = range <= 10 ? 2 : 1;
  const lastRound = issueForecast.rounds.at(-1);
  const finals = Object.entries(lastRound?.positions ?? {}).map(([actor, position]) => ({ actor, name: names[actor] ?? actor, colour: styleOf(actor, actors.indexOf(actor)).colour, position }));
  const labels = endLabels(finals, decimals, Math.floor(frameHeight / chartLineHeight));
  const toPixel = (value: number) => marginTop + ((issue.scale.max - value) / range) * frameHeight;
  const toValue = (pixel: number) => issue.scale.max - ((pixel - marginTop) / frameHeight) * range;
  // A group's lines are centred on its value.
  const lineOf = labels.map((label, index) => index - labels.findIndex((other) => other.value === label.value));
  const linesAt = (value: number) => labels.filter((label) => label.value === value).length;
  const wanted = labels.map((label, index) => toPixel(label.value) + (lineOf[index]! - (linesAt(label.value) - 1) / 2) * chartLineHeight);
  const placed = spreadLabels(wanted, chartLineHeight, marginTop, marginTop + frameHeight);
  const measure = measurer();
  const boldMeasure = measurer({ bold: true });
  const labelRows = labels.map((label, index) => ({
    ...label,
    text: fitText(label.text, marginRight - 12, label.bold ? boldMeasure : measure),
    y: toValue(placed[index]!),
  }));

  const lastRoundNumber = lastRound?.round ?? 0;
  const chart = Plot.plot({
    width,
    height,
    style: plotStyle,
    marginTop,
    marginBottom: axisBottom + legend.height,
    marginLeft,
    marginRight,
    x: { label: 'round →', labelAnchor: 'right', labelOffset: 32, domain: [0, Math.max(1, lastRoundNumber)], ticks: Math.min(lastRoundNumber, Math.max(2, Math.floor((width - marginLeft - marginRight) / 30))), tickFormat: 'd' },
    y: axis.scale,
    color: { domain: actors, range: actorStyleList.map((style) => style.colour) },
    symbol: { domain: actors, range: actorStyleList.map((style) => style.symbol) },
    marks: [
      ...axis.marks,
      Plot.gridY(axis.scale.ticks as number[], { stroke: '#000', strokeOpacity: 0.1 }),
      // Behind the actors: the median and the mean.
      Plot.line(summaryRows.filter((row) => row.series === 'median'), { x: 'round', y: 'position', stroke: 'black', strokeWidth: 4, strokeOpacity: 0.8 }),
      Plot.line(summaryRows.filter((row) => row.series === 'mean'), { x: 'round', y: 'position', stroke: 'black', strokeWidth: 2, strokeDasharray: '6,4' }),
      Plot.line(actorRows, { x: 'round', y: 'position', z: 'actor', stroke: 'actor', strokeWidth: 2 }),
      Plot.dot(actorRows, {
        x: 'round',
        y: 'position',
        fill: 'actor',
        symbol: 'actor',
        r: manyActors ? 3.5 : 2.5,
        tip: true,
        title: (d: { series: string; round: number; position: number }) => `${d.series}, round ${d.round}: ${formatValue(Number(d.position.toFixed(decimals)))}`,
      }),
      ...[false, true].map((bold) =>
        Plot.text(labelRows.filter((row) => row.bold === bold), { x: lastRoundNumber, y: 'y', text: 'text', fill: { value: 'colour', scale: null }, fontWeight: bold ? 'bold' : 'normal', textAnchor: 'start', dx: 8, className: 'end-label' }),
      ),
    ],
  }) as SVGSVGElement;
  legend.draw(chart, 10, marginTop + frameHeight + axisBottom); // just under the x axis
  chart.setAttribute('aria-label', `Positions by round on ${issue.name ?? issue.id}`);
  return { rows: [...actorRows.map(({ round, series, position }) => ({ round, series, position })), ...summaryRows], chart };
}
