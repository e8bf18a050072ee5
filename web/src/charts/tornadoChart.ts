/**
 * A tornado chart of a sweep's one-at-a-time sensitivity on one issue: for each estimate (largest
 * swing first), the outcome with the estimate at the 5th and at the 95th percentile of its noise law,
 * everything else as given, drawn as bars from the baseline.
 */
import * as Plot from '@observablehq/plot';
import type { IssueSummary } from '../../../src/analysis/sweep/index.js';
import type { Issue } from '../../../src/scenario/schema.js';
import { measurer, plotStyle } from './chartText.js';
import { xIssueAxis } from './issueAxis.js';
import { fitText } from './labelLayout.js';
import type { CsvRow } from './card.js';
import { svgLegend } from './svgLegend.js';

/** How many estimates the chart shows (the CSV has them all). */
export const tornadoRows = 15;

export function tornadoChart(summary: IssueSummary, issue: Issue, width: number): { rows: CsvRow[]; chart: SVGSVGElement | HTMLElement } {
  // Estimates that do not move this issue's outcome at all have no bar: they are left out (the CSV keeps them).
  const ranked = summary.sensitivity.filter((entry) => entry.swing > 0).slice(0, tornadoRows);
  const bars = ranked.flatMap((entry) => [
    { input: entry.input, end: 'estimate at its 5th percentile', from: summary.baseline, to: entry.outcomeLow, estimate: entry.low },
    { input: entry.input, end: 'estimate at its 95th percentile', from: summary.baseline, to: entry.outcomeHigh, estimate: entry.high },
  ]);
  const measure = measurer();
  const inputWidth = Math.min(Math.max(60, ...ranked.map((entry) => measure(entry.input))), Math.max(90, 0.35 * width), 220);
  const marginLeft = Math.ceil(inputWidth + 14);
  const marginRight = 24;
  const axis = xIssueAxis(issue, width - marginLeft - marginRight, { name: `outcome on ${issue.name ?? issue.id}` });
  const ends = ['estimate at its 5th percentile', 'estimate at its 95th percentile'];
  const endColours = ['#E69F00', '#0072B2'];
  const legend = svgLegend(
    ends.map((end, index) => ({ label: end, colour: endColours[index]! })),
    width - 20,
    { maxLabel: 40 },
  );
  const marginTop = legend.height + 14;
  const chart = Plot.plot({
    width,
    height: marginTop + 10 + 24 * Math.max(1, ranked.length) + axis.margin,
    style: plotStyle,
    marginTop,
    marginLeft,
    marginRight,
    marginBottom: axis.margin,
    x: { ...axis.scale, grid: true },
    y: { domain: ranked.map((entry) => entry.input), label: null, tickFormat: (input: string) => fitText(input, inputWidth, measure) },
    color: { domain: ends, range: endColours },
    marks: [
      ...axis.marks,
      Plot.barX(bars, {
        y: 'input',
        x1: 'from',
        x2: 'to',
        fill: 'end',
        insetTop: 3,
        insetBottom: 3,
        title: (bar: (typeof bars)[number]) => `${bar.input} = ${bar.estimate.toFixed(2)}: outcome ${bar.to.toFixed(1)}`,
      }),
      Plot.ruleX([summary.baseline], { stroke: 'black', strokeWidth: 1.5 }),
      Plot.text(ranked, { y: 'input', x: issue.scale.max, textAnchor: 'end', dx: -2, text: (entry: (typeof ranked)[number]) => `swing ${entry.swing.toFixed(1)}`, fill: '#444' }),
    ],
  }) as SVGSVGElement;
  legend.draw(chart, 10, 4);
  chart.setAttribute('aria-label', `Sensitivity of the outcome on ${issue.name ?? issue.id}`);
  const rows: CsvRow[] = summary.sensitivity.map((entry, index) => ({
    issue: summary.issue,
    rank: index + 1,
    input: entry.input,
    value: entry.value,
    low: entry.low,
    high: entry.high,
    outcomeLow: entry.outcomeLow,
    outcomeHigh: entry.outcomeHigh,
    swing: entry.swing,
    firstOrder: entry.firstOrder ?? undefined,
  }));
  return { rows, chart };
}
