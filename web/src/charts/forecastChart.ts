/**
 * Every model's final forecast on the issue's own scale (labelled vertical rules), over the actors'
 * starting positions drawn as dots sized by capability × salience (their voting weight), each actor in
 * its own colour (and shape beyond 8 actors: palette.ts).
 *
 * No forecast hides another: forecasts that read the same (to the decimals shown) share one rule,
 * drawn in alternating dashes of each model's colour, and one label ("EUM, Nash: 45.0"); the status quo
 * takes part in this like a model (grey, "status quo"). Labels are packed into as few rows above the
 * frame as keep them apart. A legend of the models is drawn in the SVG under the chart.
 */
import * as Plot from '@observablehq/plot';
import type { Forecast } from '../../../src/models/model.js';
import type { Issue, Scenario } from '../../../src/scenario/schema.js';
import { participants, votingWeights } from '../../../src/scenario/views.js';
import { actorNames } from '../actorNames.js';
import { actorStyles, modelColour, statusQuoColour, type ActorStyle } from '../palette.js';
import type { CsvRow } from './card.js';
import { chartLineHeight, measurer, plotStyle } from './chartText.js';
import { xIssueAxis } from './issueAxis.js';
import { coincident, fitText, packLabels, type Measure } from './labelLayout.js';
import { forecastLabel } from './modelLabels.js';
import { svgLegend } from './svgLegend.js';

/** A vertical rule: a model's forecast or the status quo. */
interface Marker {
  id: string;
  name: string;
  colour: string;
  position: number;
  statusQuo: boolean;
}

/** One rule and label per shown value, its members in the given order (models first, then the status quo). */
export function markerGroups(markers: readonly Marker[], decimals: number): { value: number; items: Marker[]; text: string }[] {
  return coincident(markers, (marker) => marker.position, (marker) => marker.position.toFixed(decimals)).map((group) => ({
    ...group,
    text: `${group.items.map((marker) => marker.name).join(', ')}: ${group.value.toFixed(decimals)}`,
  }));
}

function dash(members: number, index: number): { strokeDasharray?: string; strokeDashoffset?: number } {
  if (members === 1) return {};
  const segment = 7;
  return { strokeDasharray: `${segment},${segment * (members - 1)}`, strokeDashoffset: -segment * index };
}

export function forecastChart(
  forecasts: readonly Forecast[],
  scenario: Scenario,
  issue: Issue,
  width: number,
  styles: ReadonlyMap<string, ActorStyle> = actorStyles(scenario.actors),
): { rows: CsvRow[]; chart: SVGSVGElement | HTMLElement } {
  const people = participants(scenario, issue.id);
  const weights = votingWeights(people);
  const names = actorNames(scenario.actors);
  const actorRows = people.map((person, index) => ({
    kind: 'actor',
    id: person.id,
    name: names[person.id] ?? person.id,
    position: person.position,
    weight: weights[index]!,
  }));
  const outcomeRows = forecasts.flatMap((forecast) => {
    const issueForecast = forecast.issues.find((candidate) => candidate.issue === issue.id);
    return issueForecast ? [{ kind: 'forecast', id: forecast.model, name: forecastLabel(forecast), position: issueForecast.outcome, weight: 0 }] : [];
  });
  const markers: Marker[] = [
    ...outcomeRows.map((row) => ({ id: row.id, name: row.name, colour: modelColour(row.id), position: row.position, statusQuo: false })),
    ...(issue.statusQuo === undefined ? [] : [{ id: 'status-quo', name: 'status quo', colour: statusQuoColour, position: issue.statusQuo, statusQuo: true }]),
  ];
  const range = issue.scale.max - issue.scale.min || 1;
  const decimals = range <= 10 ? 2 : 1;
  const groups = markerGroups(markers, decimals);

  const measure = measurer();
  const bold: Measure = measurer({ bold: true });
  const nameWidth = Math.min(Math.max(...actorRows.map((row) => measure(row.name)), 40), Math.max(80, 0.3 * width));
  const marginLeft = Math.ceil(nameWidth + 14);
  const marginRight = 24;
  const frameWidth = width - marginLeft - marginRight;
  const axis = xIssueAxis(issue, frameWidth);
  const labelTexts = groups.map((group) => fitText(group.text, width - 4, bold));
  const packed = packLabels(
    groups.map((group) => marginLeft + ((group.value - issue.scale.min) / range) * frameWidth),
    labelTexts.map((text) => bold(text)),
    width,
  );
  const labelRows = Math.max(0, ...packed.map((label) => label.row + 1));
  const marginTop = 12 + labelRows * (chartLineHeight + 3);
  const legend = svgLegend(
    markers.map((marker) => ({ label: marker.name, colour: marker.colour, mark: marker.statusQuo ? ('dashed' as const) : ('line' as const) })),
    width - 20,
  );
  const rowHeight = 24;
  const frameHeight = Math.max(120, 20 + rowHeight * actorRows.length);
  const marginBottom = axis.margin + legend.height + 8;
  const styleOf = (id: string) => styles.get(id) ?? { colour: '#0072B2', symbol: 'circle' as const };
  const manyActors = new Set(actorRows.map((row) => styleOf(row.id).colour)).size < actorRows.length;

  const chart = Plot.plot({
    width,
    height: marginTop + frameHeight + marginBottom,
    style: plotStyle,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    x: axis.scale,
    // Rows keyed by actor id: two actors of the same name keep a row each.
    y: { label: null, domain: actorRows.map((row) => row.id), tickFormat: (id: string) => fitText(names[id] ?? id, nameWidth, measure) },
    r: { range: [3, 16] },
    symbol: { domain: actorRows.map((row) => row.id), range: actorRows.map((row) => styleOf(row.id).symbol) },
    marks: [
      Plot.gridX(axis.scale.ticks as number[], { stroke: '#000', strokeOpacity: 0.1 }),
      ...axis.marks,
      Plot.dot(actorRows, {
        x: 'position',
        y: 'id',
        r: 'weight',
        fill: { value: (d: { id: string }) => styleOf(d.id).colour, scale: null },
        ...(manyActors && { symbol: 'id' }),
        fillOpacity: 0.6,
        stroke: { value: (d: { id: string }) => styleOf(d.id).colour, scale: null },
        title: (d: { name: string; position: number; weight: number }) => `${d.name}: position ${d.position}, capability × salience ${d.weight.toFixed(2)}`,
      }),
      // Each group's rule: one colour, or the members' colours in turn along it.
      ...groups.flatMap((group) =>
        group.items.map((marker, index) =>
          Plot.ruleX([group.value], {
            stroke: marker.colour,
            strokeWidth: marker.statusQuo && group.items.length === 1 ? 2 : 3,
            ...(marker.statusQuo && group.items.length === 1 ? { strokeDasharray: '2,3' } : dash(group.items.length, index)),
            className: marker.statusQuo ? 'status-quo' : 'forecast-rule',
          }),
        ),
      ),
      ...groups.map((group, index) =>
        Plot.text([labelTexts[index]!], {
          x: group.value,
          frameAnchor: 'top',
          textAnchor: packed[index]!.anchor,
          lineAnchor: 'bottom',
          dy: -6 - packed[index]!.row * (chartLineHeight + 3),
          text: (value: string) => value,
          fill: group.items.length === 1 ? group.items[0]!.colour : 'currentColor',
          fontWeight: 'bold',
          className: 'forecast-label',
        }),
      ),
    ],
  }) as SVGSVGElement;
  legend.draw(chart, 10, marginTop + frameHeight + axis.margin + 4);
  chart.setAttribute('aria-label', `Forecasts on ${issue.name ?? issue.id}`);
  return { rows: [...outcomeRows, ...actorRows], chart };
}
