/** What an export says about itself (issue 14, item 17). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { captionItems, csvMetaLines, metaEntries } from './exportMeta.js';

const exported = new Date('2026-12-02T01:02:03Z');

test('the entries name the chart, scenario, date, issue, model and round, in that order, skipping what is not known', () => {
  const entries = metaEntries({ title: 'Positions round by round — EUM', scenario: 'Back-channel', asOf: '2024-01-28', issue: 'Talks', model: 'EUM', round: 'rounds 0–10' }, exported);
  assert.deepEqual(entries, [
    ['chart', 'Positions round by round — EUM'],
    ['scenario', 'Back-channel'],
    ['as of', '2024-01-28'],
    ['issue', 'Talks'],
    ['model', 'EUM'],
    ['round', 'rounds 0–10'],
    ['exported', '2026-12-02 01:02 UTC (Parley)'],
  ]);
  assert.deepEqual(metaEntries({ title: 'Error by model', issue: undefined }, exported).map(([key]) => key), ['chart', 'exported']);
});

test('CSV metadata is leading comment lines; a title with a line break stays on one line', () => {
  const text = csvMetaLines(metaEntries({ title: 'Two\nlines', scenario: 'S' }, exported));
  assert.equal(text, '# chart: Two lines\n# scenario: S\n# exported: 2026-12-02 01:02 UTC (Parley)\n');
});

test('the caption has the title and the other items', () => {
  const caption = captionItems(metaEntries({ title: 'T', model: 'Nash' }, exported));
  assert.deepEqual(caption, { title: 'T', items: ['model: Nash', 'exported: 2026-12-02 01:02 UTC (Parley)'] });
});
