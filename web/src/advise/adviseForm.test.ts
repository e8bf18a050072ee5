import assert from 'node:assert/strict';
import { test } from 'node:test';
import { advise } from '../../../src/analysis/advise/index.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { adviseRequest, defaultAdviseForm } from './adviseForm.js';

const scenario: Scenario = {
  title: 'T',
  salienceScale: 100,
  issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
  actors: [
    { id: 'a', capability: 3, stances: { x: { position: 10, salience: 60 } } },
    { id: 'b', capability: 2, stances: { x: { position: 90, salience: 50 } } },
    { id: 'c', capability: 2, stances: { x: { position: 50, salience: 40 } } },
  ],
};

test('the default form asks toward the scale midpoint with every lever, and is the CLI request', () => {
  const form = defaultAdviseForm(scenario, 'x');
  form.levers = ['position', 'salience'];
  form.model = 'weighted-mean';
  form.budget = '30';
  const { request, problems } = adviseRequest(form);
  assert.deepEqual(problems, []);
  assert.deepEqual(request!.goal, { kind: 'toward', value: 50 });
  assert.equal(request!.budget, 30);
  // The same request the CLI would make gives the same advice.
  const cli = advise(scenario, { actor: 'a', issue: 'x', goal: { kind: 'toward', value: 50 }, model: 'weighted-mean', levers: ['position', 'salience'], budget: 30 });
  assert.deepEqual(advise(scenario, request!), cli);
});

test('a goal or budget that is not a number, and no lever, are named', () => {
  const form = defaultAdviseForm(scenario, 'x');
  form.goalValue = 'half';
  form.budget = 'lots';
  form.levers = [];
  assert.deepEqual(adviseRequest(form).problems.map((problem) => problem.field), ['goal', 'budget', 'levers']);
  form.goalKind = 'flip';
  form.goalOther = 'b';
  form.budget = '';
  form.levers = ['position'];
  assert.deepEqual(adviseRequest(form).request!.goal, { kind: 'flip', other: 'b' });
});
