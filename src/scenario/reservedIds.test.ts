/**
 * Ids that are property names of every object (`__proto__`, `constructor`, `toString`, …), in every
 * reader: refused with a clear error where the file gives the id, kept as a name with a safe id where
 * the reader derives the id from a name (CSV, KTAB). Never a silent NaN or a vanished stance.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../errors.js';
import { runModel } from '../models/registry.js';
import { readKtab } from './ktab/index.js';
import { parseScenario } from './parse.js';

const reserved = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.message;
  }
  assert.fail('expected an InputError');
}

const yamlWith = (actor: string, issue: string) =>
  `title: t\nsalienceScale: 100\nissues:\n  - id: ${issue}\nactors:\n  - id: ${actor}\n    capability: 50\n    stances: { ${issue}: { position: 10, salience: 50 } }\n  - id: b\n    capability: 40\n    stances: { ${issue}: { position: 90, salience: 60 } }\n`;

test('YAML and JSON refuse a reserved actor or issue id, naming the field', () => {
  for (const id of reserved) {
    assert.match(refusal(() => parseScenario(yamlWith(id, 'talks'), { file: 's.yaml' })), new RegExp(`s\\.yaml:6: actors\\[0\\]\\.id: the id "${id}" is reserved`, 'u'));
    assert.match(refusal(() => parseScenario(yamlWith('a', id), { file: 's.yaml' })), new RegExp(`issues\\[0\\]\\.id: the id "${id}" is reserved`, 'u'));
    const json = JSON.stringify({ title: 't', salienceScale: 100, issues: [{ id }], actors: [{ id: 'a', capability: 1, stances: { [id]: { position: 1, salience: 1 } } }, { id: 'b', capability: 1, stances: { [id]: { position: 2, salience: 1 } } }] });
    assert.match(refusal(() => parseScenario(json, { file: 's.json' })), /is reserved/u);
  }
  // A stance under "__proto__" beside a declared issue is reported, not dropped in silence.
  const stray = '{"title":"t","salienceScale":100,"issues":[{"id":"x"}],"actors":[{"id":"a","capability":1,"stances":{"x":{"position":1,"salience":1},"__proto__":{"position":1,"salience":1}}}]}';
  assert.match(refusal(() => parseScenario(stray, { file: 's.json' })), /unknown issue "__proto__"/u);
});

test('CSV (long and single-issue) and KTAB keep a reserved actor name and derive a safe id; a reserved CSV issue id is refused; every model gives a number', () => {
  const rows = (issue: string) => `actor,issue,capability,position,salience\n${reserved.map((name, index) => `${name},${issue},${10 + index},${index * 20},50`).join('\n')}\n`;
  assert.match(refusal(() => parseScenario(rows('constructor'), { file: 'long.csv' })), /long\.csv:2: issues\[0\]\.id: the id "constructor" is reserved/u);
  const { scenario } = parseScenario(rows('talks'), { file: 'long.csv' });
  assert.deepEqual(scenario.actors.map((actor) => [actor.id, actor.name]), reserved.map((name) => [`${name}_`, name]));
  for (const model of ['mean', 'weighted-mean', 'weighted-median', 'nash', 'eum']) {
    const outcome = runModel(model, scenario).issues[0]!.outcome;
    assert.ok(Number.isFinite(outcome), `${model}: ${outcome}`);
  }
  const single = parseScenario(`actor,capability,position,salience\n__proto__,1,10,50\nb,2,20,50\n`, { file: '__proto__.csv' }).scenario;
  assert.equal(single.issues[0]!.id, '__proto___');
  const ktab = readKtab(['s,"d",3,1,', 'Actor,Description,Power,Pstn1,Sal1,', '__proto__, x, 100, 10, 40,', 'constructor, y, 50, 60, 30,', 'toString, z, 70, 90, 50,'].join('\n'), 'ktab-csv').scenario;
  assert.deepEqual(ktab.actors.map((actor) => actor.id), ['__proto__-', 'constructor-', 'toString-']);
  assert.ok(Number.isFinite(runModel('smp', ktab).issues[0]!.outcome));
});
