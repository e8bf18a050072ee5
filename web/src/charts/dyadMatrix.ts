/**
 * The dyad matrix of one round: row = the receiver i, column = the other actor j, coloured by how i
 * perceives the dyad (Scholz, Calbert & Smith 2011, Fig. 6). The matrix is one tab stop whose cells
 * the arrow keys, Home and End move between (`rovingFocus`); a cell focused or hovered has its
 * plain-words explanation (src/analysis/explain.ts) is then shown beside the matrix.
 * The perceptions' legend is drawn in the SVG under the matrix, so the exports carry it. Rows and
 * columns are keyed by actor id, so that two actors of the same name never share a row.
 */
import * as Plot from '@observablehq/plot';
import { describeDyad } from '../../../src/analysis/explain.js';
import { dyadList } from '../../../src/models/dyadTable.js';
import type { Dyad, Perception, Round } from '../../../src/models/model.js';
import { h } from '../dom.js';
import { perceptionColours, perceptionLabels } from '../palette.js';
import type { CsvRow } from './card.js';
import { measurer, plotStyle } from './chartText.js';
import { fitText } from './labelLayout.js';
import { svgLegend } from './svgLegend.js';

export function dyadMatrix(
  round: Round,
  names: Record<string, string>,
  decimals: number,
  onExplain: (text: string) => void,
  available = 740,
): { rows: CsvRow[]; chart: HTMLElement } {
  const dyads: Dyad[] = round.dyads ? dyadList(round.dyads) : [];
  const order = Object.keys(round.positions);
  // Sized to the width it has (`available`): names in the margin they need, cells of 16–44 px; wider than that, it scrolls.
  const measure = measurer();
  const nameWidth = Math.min(Math.max(40, ...order.map((id) => measure(names[id] ?? id))), Math.max(70, 0.3 * available), 170);
  const label = (id: string): string => fitText(names[id] ?? id, nameWidth, measure);
  const cells = dyads.map((dyad) => ({ ...dyad, actorName: label(dyad.actor), otherName: label(dyad.other) }));
  const domain = Object.keys(perceptionColours) as Perception[];
  const margin = Math.ceil(nameWidth) + 10;
  // The column names are turned 45°: they take about 0.71 of their width below the matrix.
  const bottom = Math.ceil(nameWidth * 0.71) + 30;
  const size = Math.max(16, Math.min(44, Math.floor((available - margin - 20) / Math.max(1, order.length))));
  const width = margin + 20 + size * order.length;
  const matrixHeight = bottom + 10 + size * order.length;
  const legend = svgLegend(
    domain.map((perception) => ({ label: perceptionLabels[perception], colour: perceptionColours[perception] })),
    width - 20,
    { label: 'How i sees the dyad' },
  );
  const svg = Plot.plot({
    width,
    height: matrixHeight + legend.height + 10,
    style: plotStyle,
    marginLeft: margin,
    marginBottom: bottom + legend.height + 10,
    x: { domain: order, tickFormat: label, label: 'j: the other actor →', labelAnchor: 'right', labelOffset: bottom - 12, tickRotate: -45 },
    y: { domain: order, tickFormat: label, label: 'i: whose view ↓', labelAnchor: 'top' },
    color: { domain, range: domain.map((perception) => perceptionColours[perception]) },
    marks: [Plot.cell(cells, { x: 'other', y: 'actor', fill: 'perception', inset: 1 })],
  }) as SVGSVGElement;
  legend.draw(svg, 10, matrixHeight);
  // Plot draws one rect per datum, in data order: give each one its dyad's explanation.
  const rects = [...svg.querySelectorAll<SVGRectElement>('g[aria-label="cell"] rect')];
  const place = new Map(order.map((id, index) => [id, index]));
  const keyed: { rect: SVGRectElement; row: number; column: number }[] = [];
  rects.forEach((rect, index) => {
    const dyad = cells[index];
    if (!dyad) return;
    const text = describeDyad(dyad, { names, decimals });
    rect.setAttribute('tabindex', keyed.length === 0 ? '0' : '-1');
    rect.setAttribute('role', 'img');
    rect.setAttribute('aria-label', `${dyad.actorName} about ${dyad.otherName}: ${perceptionLabels[dyad.perception]}`);
    rect.setAttribute('data-dyad', `${dyad.actor}|${dyad.other}`);
    const show = () => onExplain(text);
    rect.addEventListener('mouseenter', show);
    rect.addEventListener('focus', show);
    keyed.push({ rect, row: place.get(dyad.actor) ?? 0, column: place.get(dyad.other) ?? 0 });
  });
  rovingFocus(svg, keyed);
  svg.setAttribute('aria-label', `Dyad matrix, round ${round.round}`);
  const rows: CsvRow[] = cells.map((cell) => ({
    round: round.round,
    actor: cell.actor,
    other: cell.other,
    perception: cell.perception,
    probability: cell.probability,
    expectedUtility: cell.expectedUtility,
    otherExpectedUtility: cell.otherExpectedUtility,
    offer: cell.offer,
    taken: cell.taken,
  }));
  const caption = h('p', { class: 'chart-note' }, 'Row: the actor i whose view it is. Column: the other actor j.');
  return { rows, chart: h('div', { class: 'dyad-matrix' }, h('div', {}, caption, svg)) };
}

/**
 * The matrix is one tab stop (a roving tabindex): Tab enters at the last cell focused (first: the top
 * left one) and leaves the matrix; ← → move along the row, ↑ ↓ along the column (skipping the empty
 * diagonal), Home and End go to the row's first and last cell, Ctrl+Home and Ctrl+End to the
 * matrix's. The explanation follows the focused cell (its focus handler).
 */
function rovingFocus(svg: SVGSVGElement, unordered: readonly { rect: SVGRectElement; row: number; column: number }[]): void {
  const cells = [...unordered].sort((a, b) => a.row - b.row || a.column - b.column);
  for (const [index, cell] of cells.entries()) cell.rect.setAttribute('tabindex', index === 0 ? '0' : '-1');
  const at = new Map(cells.map((cell) => [`${cell.row},${cell.column}`, cell]));
  const size = cells.reduce((largest, cell) => Math.max(largest, cell.row + 1, cell.column + 1), 0);
  const find = (row: number, column: number, rowStep: number, columnStep: number) => {
    for (let r = row + rowStep, c = column + columnStep; r >= 0 && c >= 0 && r < size && c < size; r += rowStep, c += columnStep) {
      const cell = at.get(`${r},${c}`);
      if (cell) return cell;
    }
    return undefined;
  };
  svg.addEventListener('keydown', (event) => {
    const current = cells.find((cell) => cell.rect === event.target);
    if (!current) return;
    const inRow = cells.filter((cell) => cell.row === current.row);
    const next =
      event.key === 'ArrowRight' ? find(current.row, current.column, 0, 1)
      : event.key === 'ArrowLeft' ? find(current.row, current.column, 0, -1)
      : event.key === 'ArrowDown' ? find(current.row, current.column, 1, 0)
      : event.key === 'ArrowUp' ? find(current.row, current.column, -1, 0)
      : event.key === 'Home' ? (event.ctrlKey ? cells[0] : inRow[0])
      : event.key === 'End' ? (event.ctrlKey ? cells.at(-1) : inRow.at(-1))
      : undefined;
    if (!next) return;
    event.preventDefault();
    current.rect.setAttribute('tabindex', '-1');
    next.rect.setAttribute('tabindex', '0');
    next.rect.focus();
  });
  // Focus by pointer or script also moves the tab stop.
  svg.addEventListener('focusin', (event) => {
    const focused = cells.find((cell) => cell.rect === event.target);
    if (!focused) return;
    for (const cell of cells) cell.rect.setAttribute('tabindex', cell === focused ? '0' : '-1');
  });
}
