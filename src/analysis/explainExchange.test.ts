/** Explanations of the exchange model in words, on hand vector H3 (exchange-spec.md §8): every number read from the forecast. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromShared } from '../../tests/support/paths.js';
import { isInputError } from '../errors.js';
import { runModel } from '../models/registry.js';
import { readDecide } from '../scenario/decide/index.js';
import { explainExchangeActor } from './explainExchange.js';

const { scenario } = readDecide(readFileSync(fromShared('vectors', 'exchange', 'h3_two_exchanges', 'decide_input.csv'), 'utf8'));
const forecast = runModel('exchange', scenario, { preset: 'decide', options: { rounds: 2 } });

test('explain exchange: the trader gave way on q to J, who moved on p; the equal gain', () => {
  const explanation = explainExchangeActor(forecast, { actor: 'I', round: 1 });
  assert.equal(explanation.trades, 1);
  assert.ok(Math.abs(explanation.gain - 6.256684491978609) < 1e-9);
  const trade = explanation.sentences.find((sentence) => sentence.topic === 'trade')!;
  assert.equal(trade.other, 'J');
  assert.match(trade.text, /I gave way on q, moving its voting position from 0 to 100 \(\+100\)/u);
  assert.match(trade.text, /J moved from 100 to 37\.4 on p/u);
  assert.match(trade.text, /Each side gains 6\.26/u);
  assert.ok(explanation.sentences.some((sentence) => sentence.topic === 'position' && /On q it prefers 0 but votes 100; its preference for the next round becomes 38/u.test(sentence.text)));
});

test('explain exchange: the bystander lost from the others\' trade (inner negative externality)', () => {
  const explanation = explainExchangeActor(forecast, { actor: 'K', round: 1 });
  assert.equal(explanation.trades, 0);
  assert.ok(Math.abs(explanation.externality + 14.18181818181818) < 1e-9);
  assert.ok(explanation.sentences.some((sentence) => /From trade 1 of I and J \(on q and p\) it lost 14\.2/u.test(sentence.text)));
});

test('explain exchange: an unknown actor or round, or another model, is an input error', () => {
  assert.throws(() => explainExchangeActor(forecast, { actor: 'Z', round: 1 }), isInputError);
  assert.throws(() => explainExchangeActor(forecast, { actor: 'I', round: 3 }), isInputError);
  assert.throws(() => explainExchangeActor(runModel('weighted-mean', scenario), { actor: 'I', round: 1 }), isInputError);
});
