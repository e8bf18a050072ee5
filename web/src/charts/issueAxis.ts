/**
 * An issue's scale as a chart axis that is never clipped: the ticks are numbers, and the scale's two
 * end labels are drawn as text of their own — under an x axis, the low end left-aligned at the frame's
 * left edge and the high end right-aligned at its right edge, each wrapped to half the frame; beside a
 * y axis, in the left margin, wrapped to it — with the issue's name wrapped to the chart's width. The
 * margins these take are measured and returned, so the caller reserves exactly what they need.
 */
import * as Plot from '@observablehq/plot';
import type { Issue } from '../../../src/scenario/schema.js';
import { formatValue } from '../scaleLabels.js';
import { chartLineHeight, measurer } from './chartText.js';
import { wrapText } from './labelLayout.js';

/** Tick length, gap and tick text height under an x axis, in pixels. */
const xTickSpace = 22;
const gap = 6;

export interface IssueAxis {
  /** Plot's scale options for this axis (domain, ticks, number labels, no axis label). */
  scale: Plot.ScaleOptions;
  /** The end labels and the name, as Plot marks. */
  marks: Plot.Markish[];
  /** The margin they take: below an x axis, or left of a y axis. */
  margin: number;
  /** A y axis's name goes above the frame: the top margin it takes. */
  marginTop: number;
}

function ticks(issue: Issue): number[] {
  const { min, max } = issue.scale;
  return [0, 0.25, 0.5, 0.75, 1].map((fraction) => min + fraction * (max - min));
}

/** The x axis of a frame `frameWidth` wide in a chart `width` wide; `name: false` leaves the issue's name out. */
export function xIssueAxis(issue: Issue, frameWidth: number, options: { name?: boolean | string; arrow?: boolean } = {}): IssueAxis {
  const measure = measurer();
  const { min, max, minLabel, maxLabel } = issue.scale;
  const half = Math.max(40, frameWidth / 2 - gap);
  const low = minLabel ? wrapText(`← ${minLabel}`, half, measure, 4) : [];
  const high = maxLabel ? wrapText(`${maxLabel} →`, half, measure, 4) : [];
  const endLines = Math.max(low.length, high.length);
  const nameText = options.name === false ? undefined : typeof options.name === 'string' ? options.name : (issue.name ?? issue.id);
  const name = nameText ? wrapText(nameText, frameWidth, measurer({ bold: true }), 2) : [];
  const endsTop = xTickSpace;
  const nameTop = endsTop + endLines * chartLineHeight + (endLines > 0 ? 4 : 0);
  const marks: Plot.Markish[] = [
    low.length ? Plot.text([min], { x: (value: number) => value, frameAnchor: 'bottom', textAnchor: 'start', lineAnchor: 'top', dy: endsTop, text: () => low.join('\n'), title: () => minLabel, fill: 'currentColor', className: 'scale-end' }) : null,
    high.length ? Plot.text([max], { x: (value: number) => value, frameAnchor: 'bottom', textAnchor: 'end', lineAnchor: 'top', dy: endsTop, text: () => high.join('\n'), title: () => maxLabel, fill: 'currentColor', className: 'scale-end' }) : null,
    name.length ? Plot.text([name.join('\n')], { frameAnchor: 'bottom', lineAnchor: 'top', dy: nameTop, text: (value: string) => value, fontWeight: 'bold', className: 'axis-name' }) : null,
  ];
  return {
    scale: { domain: [min, max], ticks: ticks(issue), tickFormat: formatValue, label: null },
    marks,
    margin: nameTop + name.length * chartLineHeight + 4,
    marginTop: 0,
  };
}

/**
 * The y axis of a frame `frameHeight` tall, its end labels given at most `labelWidth` pixels in the
 * left margin (less when they need less); the issue's name above the frame, wrapped to `width`, and
 * `above` pixels higher when the chart draws something of its own just above the frame.
 */
export function yIssueAxis(issue: Issue, frameHeight: number, labelWidth: number, width: number, { above = 0 }: { above?: number } = {}): IssueAxis {
  const measure = measurer();
  const { min, max, minLabel, maxLabel } = issue.scale;
  // Plot's tick (6 px) and padding (3 px), the widest number, and a gap before the end label.
  const tickWidth = Math.max(...ticks(issue).map((tick) => measure(formatValue(tick)))) + 9 + gap;
  const maxLines = Math.max(1, Math.floor((frameHeight / 2 - 4) / chartLineHeight));
  const high = maxLabel ? wrapText(`${maxLabel} ↑`, labelWidth, measure, maxLines) : [];
  const low = minLabel ? wrapText(`${minLabel} ↓`, labelWidth, measure, maxLines) : [];
  const used = Math.max(0, ...[...high, ...low].map(measure));
  const name = wrapText(issue.name ?? issue.id, width - 8, measurer({ bold: true }), 2);
  const margin = Math.ceil(tickWidth + used + 4);
  const marks: Plot.Markish[] = [
    high.length ? Plot.text([max], { y: (value: number) => value, frameAnchor: 'left', textAnchor: 'end', lineAnchor: 'top', dx: -tickWidth, dy: -4, text: () => high.join('\n'), title: () => maxLabel, fill: 'currentColor', className: 'scale-end' }) : null,
    low.length ? Plot.text([min], { y: (value: number) => value, frameAnchor: 'left', textAnchor: 'end', lineAnchor: 'bottom', dx: -tickWidth, dy: 4, text: () => low.join('\n'), title: () => minLabel, fill: 'currentColor', className: 'scale-end' }) : null,
    Plot.text([name.join('\n')], { frameAnchor: 'top-left', textAnchor: 'start', lineAnchor: 'bottom', dx: -margin + 4, dy: -10 - above, text: (value: string) => value, fontWeight: 'bold', className: 'axis-name' }),
  ];
  return {
    scale: { domain: [min, max], ticks: ticks(issue), tickFormat: formatValue, label: null },
    marks,
    margin,
    marginTop: name.length * chartLineHeight + 14 + above,
  };
}
