import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { validateScenario } from '../../../src/scenario/validate.js';
import { fromRepo } from '../../../tests/support/paths.js';
import { effectKind, effectKinds, freshEffect } from './effects.js';

const example = () => parse(readFileSync(fromRepo('examples', 'backchannel-2024-channels.yaml'), 'utf8')) as Record<string, unknown> & { events: { effects: unknown[] }[] };
const actors = ['russia', 'ukraine', 'us'];
const issues = ['settlement', 'talks'];

test('a fresh effect of every kind sets exactly that field and passes the CLI validation in a dated event', () => {
  for (const [kind] of effectKinds) {
    const effect = freshEffect(kind, { actor: 'ukraine', issue: 'settlement', evidence: 'quote' }, actors, issues);
    assert.equal(effectKind(effect), kind);
    assert.equal(effect['evidence'], 'quote');
    const scenario = example();
    scenario.events[0]!.effects.push(effect);
    assert.doesNotThrow(() => validateScenario(scenario), `a fresh ${kind} effect validates`);
  }
});

test('a fresh effect keeps the actor and the issue where they apply; an effect setting nothing has no kind', () => {
  assert.deepEqual(freshEffect('hurt', { actor: 'us', issue: 'talks', capability: { times: 2 } }, actors, issues), { actor: 'us', issue: 'talks', hurt: { times: 1 } });
  assert.deepEqual(freshEffect('capability', { actor: 'us' }, actors, issues), { actor: 'us', capability: { times: 1 } });
  assert.deepEqual(freshEffect('statusQuo', { actor: 'us', issue: 'talks' }, actors, issues), { issue: 'talks', statusQuo: { plus: 0 } });
  assert.equal(effectKind({ actor: 'us' }), '');
});
