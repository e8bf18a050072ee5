/** A chart in a card: its title, the chart, and buttons to export it as SVG or PNG and its data as CSV. */
import { h } from '../dom.js';
import { downloadCsv, downloadPng, downloadSvg } from '../exporting.js';

export type CsvRow = Record<string, string | number | boolean | undefined>;

export function chartCard(options: {
  id: string;
  title: string;
  chart: SVGSVGElement | HTMLElement;
  rows: CsvRow[];
  fileName: string;
  note?: string;
  extra?: HTMLElement[];
}): HTMLElement {
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
          if (element) downloadSvg(element, options.fileName);
        }),
        exportButton('PNG', async () => {
          const element = svg();
          if (element) await downloadPng(element, options.fileName);
        }),
        exportButton('CSV', () => downloadCsv(options.rows, options.fileName)),
      ),
    ),
    ...(options.extra ?? []),
    h('div', { class: 'chart' }, options.chart),
    options.note ? h('p', { class: 'chart-note' }, options.note) : null,
  );
}
