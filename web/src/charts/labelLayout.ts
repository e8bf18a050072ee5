/**
 * Laying out chart text so that nothing is clipped or overprinted, whatever the chart's width: words
 * wrapped to a measured width, labels cut with an ellipsis, labels at the same value grouped into one,
 * and labels spread apart along an axis. Pure: the caller passes the measure (measureText.ts in the
 * page; a per-character estimate in the tests).
 */

/** The width of a text in pixels. */
export type Measure = (text: string) => number;

/** A text cut to fit `maxWidth`, with an ellipsis where it was cut. */
export function fitText(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  // The longest prefix that fits with its ellipsis (binary search over its length).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(`${text.slice(0, middle).trimEnd()}…`) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? '…' : `${text.slice(0, low).trimEnd()}…`;
}

/**
 * Greedy word wrap to `maxWidth`: as many words on each line as fit; a word longer than a line is
 * cut (ellipsis). With more lines than `maxLines`, the last kept line ends in an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure, maxLines = Number.POSITIVE_INFINITY): string[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidth) line = candidate;
    else {
      if (line !== '') lines.push(line);
      line = fitText(word, maxWidth, measure);
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = fitText(`${kept[kept.length - 1]!} ${lines[kept.length]!}`, maxWidth, measure);
  if (!kept[kept.length - 1]!.endsWith('…')) kept[kept.length - 1] = fitText(`${kept[kept.length - 1]!}…`, maxWidth, measure);
  return kept;
}

/**
 * Items joined by `separator` into lines of at most `maxWidth`, an item broken across lines only when
 * it is wider than a line by itself (then word-wrapped): a caption's "key: value" items stay whole.
 */
export function packItems(items: readonly string[], maxWidth: number, measure: Measure, separator = ' · '): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const candidate = line === '' ? item : `${line}${separator}${item}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    const pieces = wrapText(item, maxWidth, measure);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1) ?? '';
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Items whose values read the same (`key`, e.g. the value as shown) in one group each, groups in
 * order of value, items in their given order: coincident forecasts are labelled together.
 */
export function coincident<T>(items: readonly T[], value: (item: T) => number, key: (item: T) => string): { value: number; items: T[] }[] {
  const groups = new Map<string, { value: number; items: T[] }>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.items.push(item);
    else groups.set(key(item), { value: value(item), items: [item] });
  }
  return [...groups.values()].sort((a, b) => a.value - b.value);
}

/**
 * Positions for labels wanted at `wanted` (pixels along one axis), at least `gap` apart and within
 * [low, high], each as near its wanted place as that allows (labels keep their order). When they
 * cannot all fit, they are spaced evenly over [low, high].
 */
export function spreadLabels(wanted: readonly number[], gap: number, low: number, high: number): number[] {
  const order = wanted.map((_, index) => index).sort((a, b) => wanted[a]! - wanted[b]! || a - b);
  const placed = new Array<number>(wanted.length);
  if (order.length === 0) return [];
  if ((order.length - 1) * gap > high - low) {
    const step = order.length === 1 ? 0 : (high - low) / (order.length - 1);
    order.forEach((index, rank) => (placed[index] = low + rank * step));
    return placed;
  }
  // Push down the axis from the lowest, then back up from the highest: each label moves only as far as it must.
  let previous = Number.NEGATIVE_INFINITY;
  for (const index of order) {
    placed[index] = Math.max(Math.min(Math.max(wanted[index]!, low), high), previous + gap);
    previous = placed[index]!;
  }
  let next = Number.POSITIVE_INFINITY;
  for (const index of [...order].reverse()) {
    placed[index] = Math.min(placed[index]!, high, next - gap);
    next = placed[index]!;
  }
  return placed;
}

/**
 * Rows for labels centred at `xs` (pixels) of widths `widths` within [0, width]: each label in the
 * first row where it overlaps nothing; a label that would cross an edge is anchored to it.
 */
export function packLabels(xs: readonly number[], widths: readonly number[], width: number, gap = 8): { row: number; anchor: 'start' | 'middle' | 'end'; x: number }[] {
  const rows: { from: number; to: number }[][] = [];
  const placed = xs.map((x, index) => {
    const w = widths[index]!;
    const anchor: 'start' | 'middle' | 'end' = x - w / 2 < 0 ? 'start' : x + w / 2 > width ? 'end' : 'middle';
    const from = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    return { x, anchor, from, to: from + w };
  });
  const order = xs.map((_, index) => index).sort((a, b) => placed[a]!.from - placed[b]!.from);
  const result = new Array<{ row: number; anchor: 'start' | 'middle' | 'end'; x: number }>(xs.length);
  for (const index of order) {
    const label = placed[index]!;
    let row = rows.findIndex((taken) => taken.every((span) => label.from >= span.to + gap || label.to + gap <= span.from));
    if (row === -1) row = rows.push([]) - 1;
    rows[row]!.push({ from: label.from, to: label.to });
    result[index] = { row, anchor: label.anchor, x: label.x };
  }
  return result;
}
