/** Wording of SMP explanations, checked against KTAB's log of dummyData_3Dim, turn 1. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromShared } from '../../tests/support/paths.js';
import { runModel } from '../models/registry.js';
import { readKtab } from '../scenario/ktab/index.js';
import { explainSmpActor } from './explainSmp.js';

const { scenario } = readKtab(readFileSync(fromShared('vectors', 'ktab', 'inputs', 'dummyData_3Dim.csv'), 'utf8'), 'ktab-csv');
const forecast = runModel('smp', scenario);

test("an actor's best target, expected gain, bargain and its fate, in plain words", () => {
  const explanation = explainSmpActor(forecast, { actor: 'SActor-00', round: 1 });
  assert.deepEqual(explanation.issues, ['Pstn1', 'Pstn2', 'Pstn3']);
  const text = explanation.sentences.map((sentence) => sentence.text).join('\n');
  // KTAB's log: 0 targets 6 (P 0.7643, gain +0.0947; 6 loses 0.1548), proposes (75.61, 24.78, 71.95);
  // 0 takes 4's bargain (1022) with probability 0.4968 among 5.
  assert.match(text, /SActor-00's best target was SActor-06: it expected to prevail with probability 0\.764 and to gain \+0\.0947 from a challenge, and reckoned SActor-06 would lose 0\.155\./u);
  assert.match(text, /It proposed to move to \(Pstn1 75\.6, Pstn2 24\.8, Pstn3 72\)/u);
  assert.match(text, /SActor-00 moved from \(Pstn1 75\.8, Pstn2 6\.4, Pstn3 70\.5\) to .*taking the bargain proposed by SActor-04 \(p = 0\.497 among 5 options\)/u);
  assert.match(text, /SActor-03 targeted SActor-00/u);
  assert.ok(explanation.sentences.some((sentence) => sentence.topic === 'offer-received' && sentence.other === 'SActor-01'));
});

test('bad requests are input errors', () => {
  assert.throws(() => explainSmpActor(forecast, { actor: 'nobody', round: 1 }), /takes no part/u);
  assert.throws(() => explainSmpActor(forecast, { actor: 'SActor-00', round: 0 }), /not a turn/u);
  assert.throws(() => explainSmpActor(forecast, { actor: 'SActor-00', round: 1, issue: 'x' }), /unknown issue "x"/u);
});
