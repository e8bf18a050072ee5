import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedDeuDataset } from '../../../tests/support/deu3Data.js';
import { councilPower, lisbonRegime } from './capability.js';
import type { DeuDataset, PopulationShare } from './deu3.js';

const shipped = shippedDeuDataset();
const shares2016 = shipped.populations.filter((row) => row.year === 2016);

/** A data set holding only the given population rows (councilPower reads nothing else for Lisbon). */
function withPopulations(populations: PopulationShare[]): DeuDataset {
  return { issues: [], positions: new Map(), regimes: [], populations };
}

test('the shipped 2016 Council table: 28 members, shares sum to 100 % within rounding', () => {
  assert.equal(shares2016.length, 28);
  assert.equal(new Set(shares2016.map((row) => row.member)).size, 28);
  const total = shares2016.reduce((sum, row) => sum + row.percent, 0);
  // The Council prints each share to two decimals; the 2016 column sums to 100.01.
  assert.ok(Math.abs(total - 100) <= 0.05, `sum ${total}`);
});

test('the shipped table covers exactly the years verified from a source (2016 only; see docs/backtest.md)', () => {
  assert.deepEqual([...new Set(shipped.populations.map((row) => row.year))], [2016]);
});

test('an act uses the population table of its adoption year when the file has one', () => {
  // Test fixture, not data: a second year in which Germany and France swap shares, so the
  // index shows which table was read.
  const swapped = shares2016.map((row) => ({
    ...row,
    year: 2018,
    percent: row.member === 'DE' ? shares2016.find((r) => r.member === 'FR')!.percent : row.member === 'FR' ? shares2016.find((r) => r.member === 'DE')!.percent : row.percent,
  }));
  const dataset = withPopulations([...shares2016, ...swapped]);
  const of2016 = councilPower(dataset, lisbonRegime, 'QMV', 2016);
  const of2018 = councilPower(dataset, lisbonRegime, 'QMV', 2018);
  assert.deepEqual(of2016.notes, []);
  assert.deepEqual(of2018.notes, []);
  assert.ok(of2016.power.get('DE')! > of2016.power.get('FR')!);
  assert.ok(of2018.power.get('FR')! > of2018.power.get('DE')!);
  assert.ok(Math.abs(of2018.power.get('FR')! - of2016.power.get('DE')!) < 1e-12);
});

test('an act of a year without a table falls back to the latest earlier year, with a note', () => {
  const dataset = withPopulations(shares2016);
  for (const year of [2017, 2018, 2019]) {
    const { power, notes } = councilPower(dataset, lisbonRegime, 'QMV', year);
    assert.deepEqual(notes, [`Lisbon population shares of 2016 used for an act of ${year} (no verified figures for that year)`]);
    assert.deepEqual(power, councilPower(dataset, lisbonRegime, 'QMV', 2016).power);
  }
  // Before the earliest table (or no date at all): the earliest table, also with a note.
  assert.equal(councilPower(dataset, lisbonRegime, 'QMV', 2015).notes.length, 1);
  assert.equal(councilPower(dataset, lisbonRegime, 'QMV', undefined).notes.length, 1);
});
