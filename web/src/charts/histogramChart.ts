/**
 * A sweep's distribution of one issue's outcome: the share of runs per histogram bin over the issue's
 * scale, with the 5/25/50/75/95% quantiles and the baseline (every estimate as given) as rules.
 */
import * as Plot from '@observablehq/plot';
import type { IssueSummary } from '../../../src/analysis/sweep/index.js';
import type { Issue } from '../../../src/scenario/schema.js';
import { formatValue } from '../scaleLabels.js';
import { measurer, plotStyle } from './chartText.js';
import { packLabels } from './labelLayout.js';
import { xIssueAxis } from './issueAxis.js';
import type { CsvRow } from './card.js';

/** The quantile rules; their labels are packed into rows so that close quantiles do not overprint. */
const quantileRules = [
  { key: 'p5', label: '5%', dash: '3,3' },
  { key: 'p25', label: '25%', dash: '6,3' },
  { key: 'p50', label: 'median', dash: '' },
  { key: 'p75', label: '75%', dash: '6,3' },
  { key: 'p95', label: '95%', dash: '3,3' },
] as const;

export function histogramChart(summary: IssueSummary, runs: number, issue: Issue, width: number): { rows: CsvRow[]; chart: SVGSVGElement | HTMLElement } {
  const { min, max, counts } = summary.histogram;
  const binWidth = (max - min) / counts.length;
  const bins = counts.map((count, index) => ({ from: min + index * binWidth, to: min + (index + 1) * binWidth, count, share: count / runs }));
  const bold = measurer({ bold: true });
  const rules = quantileRules.map((rule) => ({ ...rule, value: summary.quantiles[rule.key], text: `${rule.label} ${summary.quantiles[rule.key].toFixed(1)}` }));
  const marginLeft = 56;
  const marginRight = 30;
  const frameWidth = width - marginLeft - marginRight;
  const axis = xIssueAxis(issue, frameWidth);
  const packed = packLabels(
    rules.map((rule) => marginLeft + ((rule.value - min) / (max - min || 1)) * frameWidth),
    rules.map((rule) => bold(rule.text)),
    width,
    6,
  );
  const labelRows = Math.max(1, ...packed.map((label) => label.row + 1));
  const marginTop = 16 + labelRows * 14;
  const top = Math.max(...bins.map((bin) => bin.share), 0.01);
  const chart = Plot.plot({
    width,
    height: marginTop + 220 + axis.margin,
    style: plotStyle,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom: axis.margin,
    x: { ...axis.scale, domain: [min, max] },
    y: { domain: [0, top * 1.1], label: 'share of runs', tickFormat: '.0%', grid: true },
    marks: [
      ...axis.marks,
      Plot.rectY(bins, { x1: 'from', x2: 'to', y: 'share', fill: '#56B4E9', stroke: 'white', insetLeft: 0.5, insetRight: 0.5, title: (bin: (typeof bins)[number]) => `${formatValue(bin.from)}–${formatValue(bin.to)}: ${bin.count} runs` }),
      Plot.ruleY([0]),
      ...rules.map((rule) => Plot.ruleX([rule.value], { stroke: 'black', strokeWidth: rule.key === 'p50' ? 2.5 : 1.5, strokeDasharray: rule.dash })),
      ...rules.map((rule, index) =>
        Plot.text([rule], { x: 'value', frameAnchor: 'top', textAnchor: packed[index]!.anchor, lineAnchor: 'bottom', dy: -4 - packed[index]!.row * 14, text: 'text', fontWeight: 'bold' }),
      ),
      Plot.ruleX([summary.baseline], { stroke: '#D55E00', strokeWidth: 2 }),
      Plot.text([summary.baseline], { x: (value: number) => value, frameAnchor: 'bottom', dy: -4, dx: 4, textAnchor: 'start', text: (value: number) => `baseline ${value.toFixed(1)}`, fill: '#D55E00', fontWeight: 'bold' }),
    ],
  });
  chart.setAttribute('aria-label', `Distribution of the outcome on ${issue.name ?? issue.id} over ${runs} runs`);
  const rows: CsvRow[] = bins.map((bin) => ({ issue: summary.issue, binFrom: bin.from, binTo: bin.to, runs: bin.count, share: bin.share }));
  return { rows, chart };
}
