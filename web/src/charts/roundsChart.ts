/**
 * Each actor's position round by round on one issue, with the weighted median and the c·s-weighted
 * mean as heavier lines: how the bargaining unfolds.
 */
import * as Plot from '@observablehq/plot';
import type { IssueForecast } from '../../../src/models/model.js';
import type { Issue } from '../../../src/scenario/schema.js';
import { categorical } from '../palette.js';
import { scaleAxis } from '../scaleLabels.js';
import type { CsvRow } from './card.js';

export interface RoundsData {
  rows: CsvRow[];
  chart: SVGSVGElement | HTMLElement;
}

export function roundsChart(issueForecast: IssueForecast, issue: Issue, names: Record<string, string>, width: number): RoundsData {
  const actorRows = issueForecast.rounds.flatMap((round) =>
    Object.entries(round.positions).map(([actor, position]) => ({ round: round.round, series: names[actor] ?? actor, position })),
  );
  const summaryRows = issueForecast.rounds.flatMap((round) => [
    { round: round.round, series: 'median', position: round.median },
    { round: round.round, series: 'mean', position: round.mean },
  ]);
  const axis = scaleAxis(issue);
  const actors = [...new Set(actorRows.map((row) => row.series))];
  const lastRound = issueForecast.rounds.at(-1)?.round ?? 0;
  const chart = Plot.plot({
    width,
    height: 360,
    marginLeft: 150,
    marginRight: 100,
    x: { label: 'round', domain: [0, Math.max(1, lastRound)], ticks: Math.min(lastRound, 10), tickFormat: 'd' },
    y: { domain: [issue.scale.min, issue.scale.max], ticks: axis.ticks, tickFormat: axis.tickFormat, label: axis.label, grid: true },
    color: { domain: actors, range: categorical, legend: true },
    marks: [
      Plot.line(actorRows, { x: 'round', y: 'position', z: 'series', stroke: 'series', strokeWidth: 1.5, strokeOpacity: 0.85 }),
      Plot.dot(actorRows, { x: 'round', y: 'position', fill: 'series', r: 2, tip: true, title: (d: { series: string; round: number; position: number }) => `${d.series}, round ${d.round}: ${d.position.toFixed(1)}` }),
      Plot.line(summaryRows.filter((row) => row.series === 'median'), { x: 'round', y: 'position', stroke: 'black', strokeWidth: 3 }),
      Plot.line(summaryRows.filter((row) => row.series === 'mean'), { x: 'round', y: 'position', stroke: 'black', strokeWidth: 2, strokeDasharray: '6,4' }),
      Plot.text(summaryRows, Plot.selectFirst({ x: 'round', y: 'position', z: 'series', text: 'series', dx: -6, textAnchor: 'end', fontWeight: 'bold' })),
    ],
  });
  chart.setAttribute('aria-label', `Positions by round on ${issue.name ?? issue.id}`);
  return { rows: [...actorRows, ...summaryRows], chart };
}
