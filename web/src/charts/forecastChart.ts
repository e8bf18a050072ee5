/**
 * Every model's final forecast on the issue's own scale (labelled vertical rules), over the actors'
 * starting positions drawn as dots sized by capability × salience (their voting weight).
 */
import * as Plot from '@observablehq/plot';
import type { Forecast } from '../../../src/models/model.js';
import type { Issue, Scenario } from '../../../src/scenario/schema.js';
import { participants, votingWeights } from '../../../src/scenario/views.js';
import { actorNames, shortLabel } from '../actorNames.js';
import { categorical } from '../palette.js';
import { scaleAxis } from '../scaleLabels.js';
import type { CsvRow } from './card.js';

export function forecastChart(
  forecasts: readonly Forecast[],
  scenario: Scenario,
  issue: Issue,
  width: number,
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
    const label = forecast.preset && forecast.preset !== 'default' ? `${forecast.model} (${forecast.preset})` : forecast.model;
    return issueForecast ? [{ kind: 'forecast', id: forecast.model, name: label, position: issueForecast.outcome, weight: 0 }] : [];
  });
  const axis = scaleAxis(issue);
  const rowHeight = 22;
  const chart = Plot.plot({
    width,
    height: Math.max(200, 70 + rowHeight * actorRows.length + 16 * outcomeRows.length),
    marginLeft: 180,
    marginRight: 100,
    marginTop: 20 + 16 * outcomeRows.length,
    x: { domain: [issue.scale.min, issue.scale.max], ticks: axis.ticks, tickFormat: axis.tickFormat, label: axis.label, grid: true },
    // Rows keyed by actor id: two actors of the same name keep a row each.
    y: { label: null, domain: actorRows.map((row) => row.id), tickFormat: (id: string) => shortLabel(names[id] ?? id, 26) },
    r: { range: [3, 16] },
    marks: [
      issue.statusQuo === undefined
        ? null
        : Plot.ruleX([issue.statusQuo], { stroke: '#777', strokeDasharray: '2,3' }),
      Plot.dot(actorRows, {
        x: 'position',
        y: 'id',
        r: 'weight',
        fill: '#56B4E9',
        fillOpacity: 0.7,
        stroke: '#0072B2',
        title: (d: { name: string; position: number; weight: number }) => `${d.name}: position ${d.position}, capability × salience ${d.weight.toFixed(2)}`,
      }),
      ...outcomeRows.map((row, index) =>
        Plot.ruleX([row.position], { stroke: categorical[index % categorical.length], strokeWidth: 2.5 }),
      ),
      ...outcomeRows.map((row, index) =>
        Plot.text([row], {
          x: 'position',
          frameAnchor: 'top',
          dy: -16 * (outcomeRows.length - index) + 4,
          text: (d: { name: string; position: number }) => `${d.name}: ${d.position.toFixed(1)}`,
          fill: categorical[index % categorical.length],
          fontWeight: 'bold',
        }),
      ),
    ],
  });
  chart.setAttribute('aria-label', `Forecasts on ${issue.name ?? issue.id}`);
  return { rows: [...outcomeRows, ...actorRows], chart };
}
