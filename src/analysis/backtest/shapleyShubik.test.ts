import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedDeuDataset } from '../../../tests/support/deu3Data.js';
import { lisbonDoubleMajority, shapleyShubik, weightedQuota } from './shapleyShubik.js';

test('Shapley–Shubik indices of a small weighted game, checked by hand', () => {
  // Weights 2,1,1, quota 3: player 1 is pivotal in 4 of 6 orders, the others in 1 each.
  const indices = shapleyShubik([2, 1, 1], weightedQuota(3));
  assert.deepEqual(indices.map((value) => value.toFixed(6)), ['0.666667', '0.166667', '0.166667']);
});

test('the Council weight table indices are reproduced for every regime', () => {
  const rows = shippedDeuDataset().regimes;
  for (const regime of new Set(rows.map((row) => row.regime))) {
    const members = rows.filter((row) => row.regime === regime);
    const indices = shapleyShubik(members.map((row) => row.qmvWeight), weightedQuota(members[0]!.qmvThreshold));
    members.forEach((row, index) => assert.ok(Math.abs(indices[index]! - row.shapleyShubik) < 1e-6, `${regime} ${row.member}: ${indices[index]} vs ${row.shapleyShubik}`));
    assert.ok(Math.abs(indices.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  }
});

test('the Lisbon double majority: indices sum to 1, grow with population, and equal populations share equally', () => {
  const equal = shapleyShubik(new Array(28).fill(1), lisbonDoubleMajority(28, 28));
  for (const value of equal) assert.ok(Math.abs(value - 1 / 28) < 1e-12);
  const shares = shippedDeuDataset().populations.filter((row) => row.year === 2016);
  const units = shares.map((row) => Math.round(row.percent * 100));
  const indices = shapleyShubik(units, lisbonDoubleMajority(28, units.reduce((a, b) => a + b, 0)));
  assert.ok(Math.abs(indices.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  const germany = indices[shares.findIndex((row) => row.member === 'DE')]!;
  const malta = indices[shares.findIndex((row) => row.member === 'MT')]!;
  assert.ok(germany > 0.1 && malta > 0 && malta < germany, `${germany} ${malta}`);
});
