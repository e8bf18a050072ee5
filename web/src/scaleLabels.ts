/** How a value on an issue's scale is printed on axes and in labels (charts/issueAxis.ts draws the scale's end labels). */

/** An integer as it is; else one decimal from 10 up, two below. */
export function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}
