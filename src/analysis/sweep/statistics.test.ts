import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base64ToFloat64, float64ToBase64 } from './bytes.js';
import { canonicalJson, fingerprint } from './canonical.js';
import { classCount } from './firstOrder.js';
import { histogram, meanAndVariance, quantileOfSorted } from './statistics.js';

test('type-7 quantiles match R’s quantile()', () => {
  const sorted = [1, 2, 3, 4, 10];
  // R: quantile(c(1,2,3,4,10), c(.05,.25,.5,.75,.95)) → 1.2 2 3 4 8.8
  assert.deepEqual([0.05, 0.25, 0.5, 0.75, 0.95].map((p) => +quantileOfSorted(sorted, p).toFixed(12)), [1.2, 2, 3, 4, 8.8]);
  assert.equal(quantileOfSorted([7], 0.95), 7);
});

test('mean and population variance; histogram edges', () => {
  assert.deepEqual(meanAndVariance([2, 4, 4, 4, 5, 5, 7, 9]), { mean: 5, variance: 4 });
  assert.deepEqual(histogram([0, 24.9, 25, 99.9, 100, -3, 120], 0, 100, 4), [3, 1, 0, 3]);
});

test('canonical JSON ignores key order and undefined; fingerprints differ with content', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 2 }], c: 2 } }), '{"a":{"c":2,"d":[1,{"x":2,"z":1}]},"b":1}');
  assert.equal(fingerprint(canonicalJson({ a: 1, b: 2 })), fingerprint(canonicalJson({ b: 2, a: 1 })));
  assert.notEqual(fingerprint('{"seed":1}'), fingerprint('{"seed":2}'));
  assert.match(fingerprint(''), /^[0-9a-f]{16}$/u);
});

test('float64 data survives base64 bit for bit', () => {
  const values = new Float64Array([0, -0, 1 / 3, Math.PI, -1e-300, 1.7976931348623157e308, 5e-324]);
  const back = base64ToFloat64(float64ToBase64(values));
  assert.deepEqual([...back].map((value) => Object.is(value, -0) ? '-0' : value), [...values].map((value) => Object.is(value, -0) ? '-0' : value));
  assert.throws(() => base64ToFloat64('AAAA'), RangeError);
});

test('first-order classes grow with √N up to 64', () => {
  assert.deepEqual([4, 15, 16, 100, 1000, 4096, 10 ** 6].map(classCount), [2, 2, 4, 8, 16, 64, 64]);
});
