import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decimalsForScale, formatFixed, formatShort, formatSignificant } from './formatNumber.js';

describe('formatNumber', () => {
  it('gives a scale about a thousandth of its span in decimals', () => {
    assert.equal(decimalsForScale({ min: 0, max: 100 }), 1);
    assert.equal(decimalsForScale({ min: 0, max: 10 }), 2);
    assert.equal(decimalsForScale({ min: 0, max: 1 }), 3);
    assert.equal(decimalsForScale({ min: 1990, max: 2010 }), 1);
    assert.equal(decimalsForScale({ min: 5, max: 5 }), 2);
  });

  it('prints fixed and short forms without a negative zero', () => {
    assert.equal(formatFixed(-0.04, 1), '0.0');
    assert.equal(formatFixed(62.049, 1), '62.0');
    assert.equal(formatShort(62.049, 1), '62');
    assert.equal(formatShort(62.35, 2), '62.35');
    assert.equal(formatShort(1200, 0), '1200');
  });

  it('prints three significant digits, signed when asked', () => {
    assert.equal(formatSignificant(0.0044213, 3, true), '+0.00442');
    assert.equal(formatSignificant(-1.23456), '-1.23');
    assert.equal(formatSignificant(0, 3, true), '0');
  });
});
