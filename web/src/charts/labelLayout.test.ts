/** Chart text layout (issue 14, items 13 and 17): wrapping, fitting, grouping coincident values, spreading labels. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coincident, fitText, packItems, packLabels, spreadLabels, wrapText } from './labelLayout.js';

/** 6 px a character: a monospaced stand-in for the page's measure. */
const measure = (text: string) => text.length * 6;

test('wrapText keeps every word and no line is wider than asked', () => {
  const text = "Russia's maximal terms (keeps the occupied territory, Ukraine neutral and demilitarised)";
  const lines = wrapText(text, 120, measure);
  assert.equal(lines.join(' '), text);
  for (const line of lines) assert.ok(measure(line) <= 120, line);
  assert.ok(lines.length > 1);
});

test('wrapText cuts what does not fit in maxLines with an ellipsis; a long word is cut too', () => {
  const lines = wrapText('immediate, comprehensive talks on everything at once', 60, measure, 2);
  assert.equal(lines.length, 2);
  assert.ok(lines[1]!.endsWith('…'));
  for (const line of lines) assert.ok(measure(line) <= 60, line);
  assert.deepEqual(wrapText('supercalifragilistic', 60, measure), ['supercali…']);
  assert.ok(measure(fitText('supercalifragilistic', 60, measure)) <= 60);
  assert.equal(fitText('short', 60, measure), 'short');
});

test('coincident groups items by their shown value, in order of value', () => {
  const forecasts = [
    { model: 'eum', value: 45 },
    { model: 'mean', value: 47.14 },
    { model: 'nash', value: 45.04 },
  ];
  const groups = coincident(forecasts, (item) => item.value, (item) => item.value.toFixed(1));
  assert.deepEqual(
    groups.map((group) => group.items.map((item) => item.model)),
    [['eum', 'nash'], ['mean']],
  );
});

test('spreadLabels keeps labels apart, in order, inside the range, and moves them only as needed', () => {
  const placed = spreadLabels([100, 101, 102, 300], 14, 0, 400);
  assert.deepEqual(placed.slice(3), [300]);
  for (let i = 1; i < 3; i++) assert.ok(placed[i]! - placed[i - 1]! >= 14 - 1e-9);
  assert.ok(placed[0]! >= 0 && placed[2]! <= 400);
  assert.deepEqual(spreadLabels([390, 395], 14, 0, 400), [386, 400]);
  const crowded = spreadLabels([5, 5, 5, 5], 14, 0, 20);
  assert.deepEqual(crowded, [0, 20 / 3, 40 / 3, 20]);
});

test('packItems keeps each item whole on a line, and wraps only an item longer than a line', () => {
  const items = ['scenario: Back-channel', 'issue: Talks', 'exported: 2026-12-02 01:02 UTC'];
  assert.deepEqual(packItems(items, 6 * 40, measure), ['scenario: Back-channel · issue: Talks', 'exported: 2026-12-02 01:02 UTC']);
  const long = packItems(['a', 'model: mean, weighted mean, weighted median, Nash, EUM'], 6 * 20, measure);
  assert.deepEqual(long, ['a', 'model: mean,', 'weighted mean,', 'weighted median,', 'Nash, EUM']);
});

test('packLabels puts overlapping labels on further rows and anchors those at an edge to it', () => {
  const placed = packLabels([100, 110, 300, 5, 395], [60, 60, 60, 40, 40], 400);
  assert.deepEqual(placed.map((label) => label.row), [0, 1, 0, 0, 0]);
  assert.equal(placed[3]!.anchor, 'start');
  assert.equal(placed[4]!.anchor, 'end');
  assert.equal(placed[0]!.anchor, 'middle');
});
