import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../errors.js';
import { noiseFor, parseNoise, sampleNoise, type NoiseLaw } from './noise.js';

test('parseNoise reads field, target, distribution and absolute or relative size', () => {
  assert.deepEqual(parseNoise('position=normal:5'), { field: 'position', distribution: 'normal', size: 5, relative: false });
  assert.deepEqual(parseNoise('salience=uniform:10%'), { field: 'salience', distribution: 'uniform', size: 0.1, relative: true });
  assert.deepEqual(parseNoise('russia.capability=normal:20%'), { field: 'capability', distribution: 'normal', size: 0.2, relative: true, actor: 'russia' });
  assert.deepEqual(parseNoise('*.talks.position=normal:3'), { field: 'position', distribution: 'normal', size: 3, relative: false, issue: 'talks' });
});

test('parseNoise refuses malformed specs, naming what was expected', () => {
  for (const bad of ['position', 'height=normal:5', 'position=gamma:5', 'position=normal:-1', 'position=normal:', 'russia.talks.capability=normal:1', 'a.b.c.position=normal:1'])
    assert.throws(() => parseNoise(bad), (error: unknown) => error instanceof InputError && /expected/u.test(error.message), bad);
});

test('the most specific noise spec wins, and the later of equals', () => {
  const specs = [parseNoise('position=normal:5'), parseNoise('russia.position=normal:15'), parseNoise('*.talks.position=normal:1'), parseNoise('russia.talks.position=uniform:2'), parseNoise('position=normal:6')];
  assert.equal(noiseFor(specs, 'position', 'us', 'settlement')?.size, 6);
  assert.equal(noiseFor(specs, 'position', 'russia', 'settlement')?.size, 15);
  assert.equal(noiseFor(specs, 'position', 'us', 'talks')?.size, 1);
  assert.equal(noiseFor(specs, 'position', 'russia', 'talks')?.size, 2);
  assert.equal(noiseFor(specs, 'salience', 'russia', 'talks'), undefined);
});

test('draws stay in the valid range and follow the law', () => {
  const law: NoiseLaw = { distribution: 'normal', value: 95, size: 20, min: 0, max: 100 };
  for (let u = 0; u < 1; u += 0.001) {
    const draw = sampleNoise(law, u);
    assert.ok(draw >= 0 && draw <= 100, `u = ${u}: ${draw}`);
  }
  // The median of a normal truncated on one side lies below the centre; the untruncated median is the centre.
  assert.ok(sampleNoise(law, 0.5) < 95);
  assert.ok(Math.abs(sampleNoise({ ...law, value: 50, size: 1 }, 0.5) - 50) < 1e-6);
  assert.ok(Math.abs(sampleNoise({ ...law, value: 50, size: 1 }, 0.975) - 51.959964) < 1e-5);
  const uniform: NoiseLaw = { distribution: 'uniform', value: 5, size: 10, min: 0, max: 100 };
  assert.equal(sampleNoise(uniform, 0), 0);
  assert.equal(sampleNoise(uniform, 0.5), 7.5);
  assert.equal(sampleNoise({ ...uniform, size: 0 }, 0.9), 5);
});
