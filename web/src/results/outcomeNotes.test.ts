/** The model notes beside the numbers they qualify (issue 14, item 14). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runModel } from '../../../src/models/registry.js';
import type { Forecast } from '../../../src/models/model.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import { outcomeNotes } from './outcomeNotes.js';

const issues = [
  { id: 'a', name: 'Talks' },
  { id: 'b', name: 'Aid' },
];
const forecast = (model: string, notes: string[], issueNotes: Record<string, string[]>): Forecast => ({
  model,
  options: {},
  notes,
  issues: issues.map((issue) => ({ issue: issue.id, outcome: 50, rounds: [], notes: issueNotes[issue.id] ?? [] })),
});

test('an issue note goes with that model on that issue; a whole-run note with the model; each text numbered once', () => {
  const placed = outcomeNotes(
    [forecast('smp', ['saliences scaled down'], { b: ['the forecast is the status quo'] }), forecast('nash', [], { a: ['the forecast is the status quo'], b: ['no feasible agreement'] })],
    issues,
  );
  assert.deepEqual(placed.rows, [[1], []]);
  assert.deepEqual(placed.cells, [
    [[], [2]],
    [[2], [3]],
  ]);
  assert.deepEqual(
    placed.notes.map((note) => [note.number, note.text, note.places]),
    [
      [1, 'saliences scaled down', ['SMP']],
      [2, 'the forecast is the status quo', ['SMP on Aid', 'Nash on Talks']],
      [3, 'no feasible agreement', ['Nash on Aid']],
    ],
  );
});

test('the notes a real run prints are placed: baseline degeneracy and an early stop', () => {
  const scenario: Scenario = {
    title: 't',
    salienceScale: 100,
    issues: [{ id: 'a', name: 'Talks', scale: { min: 0, max: 100 } }],
    actors: [
      { id: 'x', capability: 1, stances: { a: { position: 30, salience: 50 } } },
      { id: 'y', capability: 1, stances: { a: { position: 30, salience: 50 } } },
    ],
  } as Scenario;
  const mean = runModel('weighted-mean', scenario);
  const placed = outcomeNotes([mean], [{ id: 'a', name: 'Talks' }]);
  assert.equal(placed.cells[0]![0]!.length, mean.issues[0]!.notes.length);
  assert.ok(placed.notes.some((note) => /same position/u.test(note.text) && note.places[0] === 'weighted mean on Talks'), JSON.stringify(placed.notes));
  const stopped = outcomeNotes([{ ...mean, issues: [{ ...mean.issues[0]!, stoppedEarly: { afterRound: 3, rule: 'no one moves' } }] }], [{ id: 'a' }]);
  assert.equal(stopped.notes[0]!.text, 'stopped early after round 3: no one moves');
  assert.deepEqual(stopped.notes[0]!.places, ['weighted mean on a']);
});
