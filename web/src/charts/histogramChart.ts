/**
 * A sweep's distribution of one issue's outcome: the share of runs per histogram bin over the issue's
 * scale, with the 5/25/50/75/95% quantiles and the baseline (every estimate as given) as rules.
 */
import * as Plot from '@observablehq/plot';
import type { IssueSummary } from '../../../src/analysis/sweep/index.js';
import type { Issue } from '../../../src/scenario/schema.js';
import { formatValue } from '../scaleLabels.js';
import { plotStyle } from './chartText.js';
import { xIssueAxis } from './issueAxis.js';
import type { CsvRow } from './card.js';

/** The quantile rules; labels on two rows (`row`), so that close quantiles do not overprint. */
const quantileRules = [
  { key: 'p5', label: '5%', dash: '3,3', row: 0 },
  { key: 'p25', label: '25%', dash: '6,3', row: 1 },
  { key: 'p50', label: 'median', dash: '', row: 0 },
  { key: 'p75', label: '75%', dash: '6,3', row: 1 },
  { key: 'p95', label: '95%', dash: '3,3', row: 0 },
] as const;

export function histogramChart(summary: IssueSummary, runs: number, issue: Issue, width: number): { rows: CsvRow[]; chart: SVGSVGElement | HTMLElement } {
  const { min, max, counts } = summary.histogram;
  const binWidth = (max - min) / counts.length;
  const bins = counts.map((count, index) => ({ from: min + index * binWidth, to: min + (index + 1) * binWidth, count, share: count / runs }));
  const rules = quantileRules.map((rule) => ({ ...rule, value: summary.quantiles[rule.key] }));
  const marginLeft = 56;
  const marginRight = 30;
  const axis = xIssueAxis(issue, width - marginLeft - marginRight);
  const top = Math.max(...bins.map((bin) => bin.share), 0.01);
  const chart = Plot.plot({
    width,
    height: 42 + 220 + axis.margin,
    style: plotStyle,
    marginLeft,
    marginRight,
    marginTop: 42,
    marginBottom: axis.margin,
    x: { ...axis.scale, domain: [min, max] },
    y: { domain: [0, top * 1.1], label: 'share of runs', tickFormat: '.0%', grid: true },
    marks: [
      ...axis.marks,
      Plot.rectY(bins, { x1: 'from', x2: 'to', y: 'share', fill: '#56B4E9', stroke: 'white', insetLeft: 0.5, insetRight: 0.5, title: (bin: (typeof bins)[number]) => `${formatValue(bin.from)}–${formatValue(bin.to)}: ${bin.count} runs` }),
      Plot.ruleY([0]),
      ...rules.map((rule) => Plot.ruleX([rule.value], { stroke: 'black', strokeWidth: rule.key === 'p50' ? 2.5 : 1.5, strokeDasharray: rule.dash })),
      ...[0, 1].map((row) =>
        Plot.text(
          rules.filter((rule) => rule.row === row),
          { x: 'value', frameAnchor: 'top', dy: row === 0 ? -30 : -16, text: (rule: (typeof rules)[number]) => `${rule.label} ${rule.value.toFixed(1)}`, fontWeight: 'bold' },
        ),
      ),
      Plot.ruleX([summary.baseline], { stroke: '#D55E00', strokeWidth: 2 }),
      Plot.text([summary.baseline], { x: (value: number) => value, frameAnchor: 'bottom', dy: -4, dx: 4, textAnchor: 'start', text: (value: number) => `baseline ${value.toFixed(1)}`, fill: '#D55E00', fontWeight: 'bold' }),
    ],
  });
  chart.setAttribute('aria-label', `Distribution of the outcome on ${issue.name ?? issue.id} over ${runs} runs`);
  const rows: CsvRow[] = bins.map((bin) => ({ issue: summary.issue, binFrom: bin.from, binTo: bin.to, runs: bin.count, share: bin.share }));
  return { rows, chart };
}
