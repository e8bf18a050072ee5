/**
 * Downloads: a chart as SVG or PNG, its data as CSV. Everything is made in the page, nothing uploaded.
 * With an `ExportMeta` (exportMeta.ts), the SVG and PNG carry a caption under the chart (title,
 * scenario, issue, model, round, date) and the CSV leading `# key: value` comment lines.
 */
import { chartLineHeight, measurer } from './charts/chartText.js';
import { packItems, wrapText } from './charts/labelLayout.js';
import { captionItems, csvMetaLines, metaEntries, type ExportMeta } from './exportMeta.js';

export type { ExportMeta } from './exportMeta.js';

const svgNamespace = 'http://www.w3.org/2000/svg';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The chart as a standalone SVG document and its size (Plot styles are inline, so it renders the same elsewhere). */
export function exportedSvg(svg: SVGSVGElement, meta?: ExportMeta, exported = new Date()): { text: string; width: number; height: number } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.getBoundingClientRect();
  const width = Number(copy.getAttribute('width')) || Math.round(box.width);
  let height = Number(copy.getAttribute('height')) || Math.round(box.height);
  copy.setAttribute('width', String(width));
  if (meta) height += appendCaption(copy, metaEntries(meta, exported), width, height);
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (!copy.style.background) copy.style.background = 'white';
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

/** The chart as a standalone SVG document. */
export function svgText(svg: SVGSVGElement, meta?: ExportMeta): string {
  return exportedSvg(svg, meta).text;
}

/** Draws the caption under the chart (from y = `top`), wrapped to the chart's width; returns the height it takes. */
function appendCaption(svg: SVGSVGElement, entries: [string, string][], width: number, top: number): number {
  const { title, items } = captionItems(entries);
  const bold = measurer({ bold: true });
  const plain = measurer();
  const maxWidth = Math.max(120, width - 20);
  const lines = [...wrapText(title, maxWidth, bold).map((text) => ({ text, bold: true })), ...packItems(items, maxWidth, plain).map((text) => ({ text, bold: false }))];
  const group = document.createElementNS(svgNamespace, 'g');
  group.setAttribute('class', 'export-caption');
  group.setAttribute('font-family', 'system-ui, sans-serif');
  group.setAttribute('font-size', '11');
  group.setAttribute('text-anchor', 'start');
  const rule = document.createElementNS(svgNamespace, 'line');
  for (const [key, value] of Object.entries({ x1: 10, x2: width - 10, y1: top + 6, y2: top + 6, stroke: '#ccc' })) rule.setAttribute(key, String(value));
  group.appendChild(rule);
  lines.forEach((line, index) => {
    const text = document.createElementNS(svgNamespace, 'text');
    text.setAttribute('x', '10');
    text.setAttribute('y', String(top + 12 + (index + 1) * chartLineHeight - 3));
    text.setAttribute('fill', line.bold ? '#1d2330' : '#444');
    if (line.bold) text.setAttribute('font-weight', 'bold');
    text.textContent = line.text;
    group.appendChild(text);
  });
  svg.appendChild(group);
  return 12 + lines.length * chartLineHeight + 8;
}

export function downloadSvg(svg: SVGSVGElement, name: string, meta?: ExportMeta): void {
  download(`${name}.svg`, new Blob([svgText(svg, meta)], { type: 'image/svg+xml' }));
}

/** Renders the SVG (with its caption) onto a canvas at twice its size and downloads it as PNG. */
export async function downloadPng(svg: SVGSVGElement, name: string, meta?: ExportMeta): Promise<void> {
  const { text, width, height } = exportedSvg(svg, meta);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas in this browser');
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the PNG could not be made');
    download(`${name}.png`, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. */
export function toCsv(rows: readonly Record<string, string | number | boolean | undefined>[]): string {
  const first = rows[0];
  if (!first) return '';
  const columns = Object.keys(first);
  const cell = (value: string | number | boolean | undefined): string => {
    const text = value === undefined ? '' : String(value);
    return /[",\n\r]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))].join('\n') + '\n';
}

/** The CSV, after its `# key: value` comment lines when `meta` is given. */
export function downloadCsv(rows: readonly Record<string, string | number | boolean | undefined>[], name: string, meta?: ExportMeta): void {
  const head = meta ? csvMetaLines(metaEntries(meta, new Date())) : '';
  download(`${name}.csv`, new Blob([head + toCsv(rows)], { type: 'text/csv' }));
}
