/** Axis wording in the issue's own terms: the scale's end labels, not just its numbers. */
import type { Issue } from '../../src/scenario/schema.js';

const shorten = (text: string, length = 26): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * Five ticks over the scale, the two ends named by the scale's labels (on the end ticks, where long
 * labels are clipped at the chart's edge). @deprecated for charts: use charts/issueAxis.ts, which draws
 * the ends as wrapped text with the margin they need.
 */
export function scaleAxis(issue: Issue): { ticks: number[]; tickFormat: (value: number) => string; label: string } {
  const { min, max, minLabel, maxLabel } = issue.scale;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((fraction) => min + fraction * (max - min));
  const tickFormat = (value: number): string => {
    if (value === min && minLabel) return `${formatValue(min)} ${shorten(minLabel)}`;
    if (value === max && maxLabel) return `${formatValue(max)} ${shorten(maxLabel)}`;
    return formatValue(value);
  };
  const label = `${issue.name ?? issue.id}: ${minLabel ?? formatValue(min)} ← → ${maxLabel ?? formatValue(max)}`;
  return { ticks, tickFormat, label };
}

export function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}
