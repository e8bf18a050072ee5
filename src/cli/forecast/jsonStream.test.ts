import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { prettyJsonChunks } from './jsonStream.js';
import { runEum, loadScenario } from '../../../tests/support/eumTesting.js';
import { fromRepo } from '../../../tests/support/paths.js';

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const joined = (value: unknown) => [...prettyJsonChunks(value)].join('');

test('the chunks join to JSON.stringify(value, null, 2) for any JSON value', () => {
  fc.assert(fc.property(fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue())), (value) => assert.equal(joined(value), pretty(value))), { numRuns: 500, seed: 16 });
});

test('JSON.stringify rules: undefined left out of objects, null in arrays; NaN, toJSON, nested empties', () => {
  const value = { a: undefined, b: [undefined, () => 1, NaN, -0, Infinity], c: { toJSON: () => ({ d: [] }) }, h: { toJSON: () => undefined }, i: [{ toJSON: () => undefined }], e: {}, f: [[], [{}]], g: 'x"\n\u2028' };
  assert.equal(joined(value), pretty(value));
});

test('a forecast with dyads and channels: the same text, in chunks of about 1 MB', () => {
  const forecast = runEum(loadScenario(fromRepo('examples', 'backchannel-2024-channels.yaml')), 'default', { dyads: true });
  assert.equal(joined(forecast), pretty(forecast));
  const big = { forecasts: Array.from({ length: 40 }, () => forecast) };
  const chunks = [...prettyJsonChunks(big)];
  assert.ok(chunks.length > 1);
  assert.equal(chunks.join(''), pretty(big));
});
