/**
 * A chart in a card: its title, the chart, and buttons to export it as SVG or PNG and its data as CSV.
 * Every export carries the card's title and the export date, and what `meta` adds (scenario, issue,
 * model, round): a caption inside the SVG/PNG, comment lines at the top of the CSV (exportMeta.ts).
 */
import { h } from '../dom.js';
import { downloadCsv, downloadPng, downloadSvg, type ExportMeta } from '../exporting.js';

export type CsvRow = Record<string, string | number | boolean | undefined>;

export function chartCard(options: {
  id: string;
  title: string;
  chart: SVGSVGElement | HTMLElement;
  rows: CsvRow[];
  fileName: string;
  note?: string;
  extra?: HTMLElement[];
  /** What the exports say besides the title; the title is the card's. */
  meta?: Omit<ExportMeta, 'title'>;
}): HTMLElement {
  const meta: ExportMeta = { ...options.meta, title: options.title };
  // The chart's own <svg> (legends are drawn inside it, see svgLegend.ts), also when wrapped in an element.
  const svg = (): SVGSVGElement | null =>
    options.chart instanceof SVGSVGElement
      ? options.chart
      : (options.chart.querySelector<SVGSVGElement>(':scope > svg') ?? options.chart.querySelector('svg'));
  const exportButton = (label: string, action: () => void | Promise<void>) =>
    h('button', { type: 'button', class: 'small', 'data-export': label.toLowerCase(), onclick: () => void action() }, label);
  return h(
    'section',
    { class: 'card chart-card', id: options.id, 'aria-label': options.title },
    h(
      'header',
      { class: 'card-header' },
      h('h3', {}, options.title),
      h(
        'div',
        { class: 'export-buttons', role: 'group', 'aria-label': `Export ${options.title}` },
        exportButton('SVG', () => {
          const element = svg();
          if (element) downloadSvg(element, options.fileName, meta);
        }),
        exportButton('PNG', async () => {
          const element = svg();
          if (element) await downloadPng(element, options.fileName, meta);
        }),
        exportButton('CSV', () => downloadCsv(options.rows, options.fileName, meta)),
      ),
    ),
    ...(options.extra ?? []),
    h('div', { class: 'chart' }, options.chart),
    options.note ? h('p', { class: 'chart-note' }, options.note) : null,
  );
}
