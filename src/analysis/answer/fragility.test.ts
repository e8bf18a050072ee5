import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRandom } from '../../math/random.js';
import { prominentModes, testFragility } from './fragility.js';

const random = createRandom(7);
const normal = (mean: number, sd: number): number => mean + sd * random.normal();
const sampleOf = (n: number, draw: (k: number) => number): Float64Array => Float64Array.from({ length: n }, (_, k) => Math.min(100, Math.max(0, draw(k))));
const scale = { min: 0, max: 100 };

test('a two-component mixture is multimodal, and a point in its smaller component is in the minority mode', () => {
  const mixture = sampleOf(2000, (k) => (k % 3 === 0 ? normal(40, 3) : normal(70, 4)));
  const result = testFragility(mixture, 40, scale);
  assert.equal(result.multimodal, true);
  assert.equal(result.pointInMinorityMode, true);
  assert.equal(result.modes.length, 2);
  assert.ok(Math.abs(result.modes[0]!.at - 70) < 2 && Math.abs(result.modes[1]!.at - 40) < 2, JSON.stringify(result.modes));
  assert.ok(Math.abs(result.modes[0]!.mass - 2 / 3) < 0.02 && Math.abs(result.modes[0]!.mass + result.modes[1]!.mass - 1) < 1e-12);
  assert.equal(testFragility(mixture, 70, scale).pointInMinorityMode, false);
});

test('point masses at two values (a discrete choice between two positions) are multimodal', () => {
  const twoPoints = sampleOf(1000, (k) => (k % 4 === 0 ? 40 : 70));
  assert.equal(testFragility(twoPoints, 40, scale).pointInMinorityMode, true);
});

test('unimodal samples are not flagged: normal, skewed, uniform, a constant, a small side bump', () => {
  const cases: Array<[string, Float64Array]> = [
    ['normal', sampleOf(2000, () => normal(50, 5))],
    ['skewed', sampleOf(2000, () => 20 + Math.abs(normal(0, 10)))],
    ['uniform', sampleOf(2000, () => 30 + 20 * random.next())],
    ['constant', sampleOf(500, () => 40)],
    ['bump of 5 %', sampleOf(2000, (k) => (k % 20 === 0 ? normal(80, 2) : normal(40, 4)))],
  ];
  for (const [name, sample] of cases) {
    const result = testFragility(sample, 50, scale);
    assert.equal(result.multimodal, false, `${name}: ${JSON.stringify(result.modes)}`);
    assert.equal(result.pointInMinorityMode, false, name);
  }
});

test('the bandwidth follows Silverman\'s rule of thumb, floored at 1 % of the scale', () => {
  const sample = sampleOf(1000, () => normal(50, 10));
  const { bandwidth } = prominentModes(sample, 0, 100);
  assert.ok(bandwidth > 0.9 * 8 * 1000 ** -0.2 && bandwidth < 0.9 * 11 * 1000 ** -0.2, String(bandwidth));
  assert.equal(prominentModes(sampleOf(100, () => 40), 0, 100).bandwidth, 1);
});
