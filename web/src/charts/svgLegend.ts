/**
 * A legend drawn as SVG inside the chart's own <svg>, so that the SVG and PNG exports carry it (Plot
 * draws its swatch legends as HTML beside the chart, which an export of the <svg> loses). Entries are
 * laid out in as many equal columns as fit the width, filled column by column, so that fifty actors
 * read as a table rather than a wall of text.
 */
import { shortLabel } from '../actorNames.js';
import type { ActorSymbol } from '../palette.js';
import { chartFontSize } from './chartText.js';

export interface LegendEntry {
  label: string;
  colour: string;
  /** A filled square (the default), a line sample, or a dashed line sample. */
  mark?: 'swatch' | 'line' | 'dashed';
  /** Bold label and heavier line sample, for summary series such as the median. */
  strong?: boolean;
  /** A dot of this shape instead of the square (actors beyond the palette's 8 colours are told apart by shape). */
  symbol?: ActorSymbol;
}

export interface SvgLegend {
  /** The height the legend takes, to reserve in the chart's margin. */
  height: number;
  /** Appends the legend to the chart at (x, y), its top-left corner. */
  draw(svg: SVGSVGElement, x: number, y: number): void;
}

const svgNamespace = 'http://www.w3.org/2000/svg';
const rowHeight = 16;
const fontSize = chartFontSize;
/** A generous average glyph width of an 11 px sans-serif font: columns must not overprint. */
const glyphWidth = 6.4;
/** Bold glyphs are about a tenth wider. */
const boldFactor = 1.1;
const sampleWidth = 18;
const sampleGap = 5;
const columnGap = 14;

export function svgLegend(entries: readonly LegendEntry[], width: number, options: { maxLabel?: number; label?: string } = {}): SvgLegend {
  const maxLabel = options.maxLabel ?? 28;
  const labels = entries.map((entry) => shortLabel(entry.label, maxLabel));
  const widest = Math.max(1, ...labels.map((label, index) => label.length * (entries[index]!.strong ? boldFactor : 1)));
  const columnWidth = sampleWidth + sampleGap + Math.ceil(widest * glyphWidth) + columnGap;
  const columns = Math.max(1, Math.min(entries.length, Math.floor(width / columnWidth)));
  const rows = Math.ceil(entries.length / columns);
  const titleHeight = options.label ? rowHeight : 0;
  const height = entries.length === 0 ? 0 : titleHeight + rows * rowHeight;

  const draw = (svg: SVGSVGElement, x: number, y: number): void => {
    if (entries.length === 0) return;
    const group = element('g', { transform: `translate(${x},${y})`, 'aria-label': options.label ?? 'legend', 'font-size': fontSize, 'text-anchor': 'start', class: 'svg-legend' });
    if (options.label) group.appendChild(text(options.label, 0, rowHeight / 2, { 'font-weight': 'bold' }));
    entries.forEach((entry, index) => {
      const column = Math.floor(index / rows);
      const row = index % rows;
      const item = element('g', { transform: `translate(${column * columnWidth},${titleHeight + row * rowHeight})` });
      item.appendChild(sample(entry));
      item.appendChild(text(labels[index]!, sampleWidth + sampleGap, rowHeight / 2, entry.strong ? { 'font-weight': 'bold' } : {}));
      if (labels[index] !== entry.label) item.appendChild(titled(entry.label));
      group.appendChild(item);
    });
    svg.appendChild(group);
  };
  return { height, draw };
}

function sample(entry: LegendEntry): SVGElement {
  const middle = rowHeight / 2;
  if (entry.mark === 'line' || entry.mark === 'dashed') {
    return element('line', {
      x1: 0,
      x2: sampleWidth,
      y1: middle,
      y2: middle,
      stroke: entry.colour,
      'stroke-width': entry.strong ? 3 : 2,
      ...(entry.mark === 'dashed' && { 'stroke-dasharray': '6,4' }),
    });
  }
  if (entry.symbol) return element('path', { d: symbolPath(entry.symbol, sampleWidth / 2, middle, 5), fill: entry.colour, stroke: entry.colour });
  return element('rect', { x: 3, y: middle - 6, width: 12, height: 12, fill: entry.colour, stroke: '#888', 'stroke-width': 0.5 });
}

/** An SVG path of the shape centred on (x, y), about 2r across: the legend's sample of a Plot dot's symbol. */
export function symbolPath(symbol: ActorSymbol, x: number, y: number, r: number): string {
  const polygon = (points: [number, number][]) => `M${points.map(([px, py]) => `${(x + px * r).toFixed(2)},${(y + py * r).toFixed(2)}`).join('L')}Z`;
  const star = Array.from({ length: 10 }, (_, k): [number, number] => {
    const angle = (Math.PI / 5) * k - Math.PI / 2;
    const radius = k % 2 === 0 ? 1.1 : 0.45;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
  const arm = 0.3;
  switch (symbol) {
    case 'circle':
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square':
      return polygon([[-0.85, -0.85], [0.85, -0.85], [0.85, 0.85], [-0.85, 0.85]]);
    case 'triangle':
      return polygon([[0, -1.1], [1, 0.75], [-1, 0.75]]);
    case 'diamond':
      return polygon([[0, -1.15], [0.75, 0], [0, 1.15], [-0.75, 0]]);
    case 'star':
      return polygon(star);
    case 'cross':
      return polygon([[-arm, -1], [arm, -1], [arm, -arm], [1, -arm], [1, arm], [arm, arm], [arm, 1], [-arm, 1], [-arm, arm], [-1, arm], [-1, -arm], [-arm, -arm]]);
    case 'wye':
      return polygon([[-arm, -1], [arm, -1], [arm, 0], [1, 0.8], [0.7, 1.05], [0, 0.4], [-0.7, 1.05], [-1, 0.8], [-arm, 0]]);
  }
}

function text(content: string, x: number, y: number, attributes: Record<string, string | number>): SVGElement {
  const node = element('text', { x, y, dy: '0.35em', fill: 'currentColor', ...attributes });
  node.textContent = content;
  return node;
}

/** The full label as a tooltip where the shown one is cut short. */
function titled(content: string): SVGElement {
  const node = element('title', {});
  node.textContent = content;
  return node;
}

function element(name: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(svgNamespace, name) as SVGElement;
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}
