import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromShared } from '../../tests/support/paths.js';
import { InputError, type Problem } from '../errors.js';
import { inferCsvScale } from './csvScale.js';
import { parseScenario } from './parse.js';

function problemsOf(text: string, file = 'talks.csv'): Problem[] {
  try {
    parseScenario(text, { file });
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return [...error.problems];
  }
  assert.fail('expected parsing to fail');
}

const LONG = `actor,issue,capability,position,salience,evidence
Russia,talks,40,60,60,"Putin: ""we are open"", Feb 2024"
Russia,sanctions,40,90,80,
United States,talks,50,20,40,analyst estimate
United States,sanctions,50,10,70,
`;

test('long form: one row per actor and issue, ids from names, evidence kept, scale and salience scale inferred', () => {
  const { scenario, notes } = parseScenario(LONG, { file: 'data/back channel.csv' });
  assert.equal(scenario.title, 'back channel');
  assert.equal(scenario.salienceScale, 100);
  assert.deepEqual(scenario.issues, [
    { id: 'talks', scale: { min: 0, max: 100 } },
    { id: 'sanctions', scale: { min: 0, max: 100 } },
  ]);
  assert.deepEqual(scenario.actors, [
    {
      id: 'Russia',
      capability: 40,
      stances: { talks: { position: 60, salience: 60, evidence: 'Putin: "we are open", Feb 2024' }, sanctions: { position: 90, salience: 80 } },
    },
    {
      id: 'United_States',
      name: 'United States',
      capability: 50,
      stances: { talks: { position: 20, salience: 40, evidence: 'analyst estimate' }, sanctions: { position: 10, salience: 70 } },
    },
  ]);
  assert.deepEqual(notes, [
    'issue "talks": a CSV file has no scale; assumed [0, 100], the smallest of [0, 1], [0, 10], [0, 100] holding every position',
    'issue "sanctions": a CSV file has no scale; assumed [0, 100], the smallest of [0, 1], [0, 10], [0, 100] holding every position',
    "salienceScale not declared: assumed 0–100 because Russia's salience on talks is 60",
  ]);
});

test('header names are case-insensitive and columns may come in any order; BOM, CRLF and blank lines are fine', () => {
  const reordered = '\uFEFFSalience,Position,ACTOR,Capability\r\n0.6,4,A,1\r\n0.4,7,B,2\r\n\r\n\r\n';
  const { scenario } = parseScenario(reordered, { file: 'emission.csv' });
  assert.deepEqual(scenario.issues, [{ id: 'emission', scale: { min: 0, max: 10 } }]);
  assert.deepEqual(scenario.actors[1], { id: 'B', capability: 2, stances: { emission: { position: 7, salience: 0.4 } } });
  assert.equal(scenario.salienceScale, 1);
  assert.equal(parseScenario(reordered).scenario.issues[0]?.id, 'issue');
  assert.equal(parseScenario(reordered, { file: 'C:\\data\\oil price, 1997.csv' }).scenario.issues[0]?.id, 'oil_price_1997');
});

test('non-numbers name their line and column, and every problem is reported at once', () => {
  const text = 'actor,capability,position,salience\nA,1,abc,50\nB,,20,50\nC,2,30, \nD,-1,40,120\n';
  const problems = problemsOf(text);
  assert.deepEqual(
    problems.map((problem) => [problem.line, problem.field, problem.message]),
    [
      [2, 'actors[0].stances.talks.position', 'column "position": expected a number, got "abc"'],
      [3, 'actors[1].capability', 'column "capability": expected a number, got an empty cell'],
      [4, 'actors[2].stances.talks.salience', 'column "salience": expected a number, got an empty cell'],
      [5, 'actors[3].capability', 'capability must be ≥ 0, got -1'],
      [5, 'actors[3].stances.talks.salience', 'salience 120 is outside [0, 100] (salienceScale 100)'],
    ],
  );
  assert.ok(problems.every((problem) => problem.file === 'talks.csv'));
});

test('long form: an actor whose capability differs across rows is an error naming both lines', () => {
  const problems = problemsOf(LONG.replace('United States,sanctions,50', 'United States,sanctions,55'));
  assert.deepEqual(
    problems.map((problem) => [problem.line, problem.message]),
    [[5, 'capability 55 of "United States" disagrees with 50 on line 4; an actor has one capability']],
  );
});

test('structural CSV problems: header, field count, repeated rows, colliding ids, syntax', () => {
  assert.match(problemsOf('actor,capability,position,weight\nA,1,2,3\n')[0]?.message ?? '', /^unknown column "weight"; expected actor, capability, position, salience, evidence/u);
  assert.match(problemsOf('actor,issue,position,salience\nA,x,2,3\n')[0]?.message ?? '', /^missing column capability/u);
  assert.match(problemsOf('').at(0)?.message ?? '', /^empty CSV file/u);
  assert.deepEqual(
    problemsOf('actor,capability,position,salience\nA,1,20,50\nB,1,20\nA,1,30,50\n"A B",1,1,1\n"A,B",1,1,1\n').map((problem) => [problem.line, problem.message]),
    [
      [3, 'expected 4 fields (actor, capability, position, salience), found 3'],
      [4, '"A" already has a stance on issue "talks" (line 2)'],
      [6, 'actor "A,B" gets the id "A_B", as does actor "A B" (line 5); rename one'],
    ],
  );
  assert.deepEqual(problemsOf('actor,capability,position,salience\nA,1,"20,50\n'), [
    { file: 'talks.csv', line: 2, message: 'CSV syntax error: a quoted field is never closed (missing ")' },
  ]);
});

test('long form: an issue id with a space is reported at its first row', () => {
  const problems = problemsOf('actor,issue,capability,position,salience\nA,peace talks,1,2,0.5\n');
  assert.deepEqual(
    problems.map((problem) => [problem.line, problem.field]),
    [[2, 'issues[0].id']],
  );
});

test('CSV scale inference: the smallest conventional scale, else the range of the positions', () => {
  assert.deepEqual(inferCsvScale([0, 0.5, 1]).scale, { min: 0, max: 1 });
  assert.deepEqual(inferCsvScale([4, 10]).scale, { min: 0, max: 10 });
  assert.deepEqual(inferCsvScale([10, 100]).scale, { min: 0, max: 100 });
  assert.deepEqual(inferCsvScale([-5, 5]).scale, { min: -5, max: 5 });
  assert.deepEqual(inferCsvScale([150, 300]).scale, { min: 150, max: 300 });
  assert.deepEqual(inferCsvScale([12.85, 14.25]).scale, { min: 12.85, max: 14.25 });
  assert.deepEqual(inferCsvScale([50, 50]).scale, { min: 0, max: 100 });
  assert.deepEqual(inferCsvScale([250]).scale, { min: 0, max: 250 });
});

const VECTOR_EXPECTATIONS: Record<string, { actors: number; scale: [number, number]; salienceScale: 1 | 100 }> = {
  emission_standards_bdm1994: { actors: 10, scale: [0, 10], salienceScale: 100 },
  sultan_bdm1997: { actors: 17, scale: [12.85, 14.25], salienceScale: 1 },
  honduras_crisis_masad: { actors: 5, scale: [0, 1], salienceScale: 1 },
  iran_election_2013: { actors: 8, scale: [0, 10], salienceScale: 1 },
  argentina: { actors: 17, scale: [0, 100], salienceScale: 1 },
  china_1989_masad: { actors: 24, scale: [0, 100], salienceScale: 100 },
  greece_2015_blog: { actors: 11, scale: [0, 100], salienceScale: 100 },
};

test('the seven reference input CSVs parse, with the scales and salience scales expected', () => {
  for (const [name, expected] of Object.entries(VECTOR_EXPECTATIONS)) {
    const file = fromShared('vectors', 'eum', `${name}.csv`);
    const { scenario, notes } = parseScenario(readFileSync(file, 'utf8'), { file });
    assert.equal(scenario.title, name);
    assert.deepEqual(scenario.issues, [{ id: name, scale: { min: expected.scale[0], max: expected.scale[1] } }], name);
    assert.equal(scenario.actors.length, expected.actors, name);
    assert.equal(scenario.salienceScale, expected.salienceScale, name);
    assert.equal(notes.length, 2, name);
    assert.match(notes[1] ?? '', new RegExp(`^salienceScale not declared: assumed 0–${expected.salienceScale} because`, 'u'));
  }
});

test('the emission standards table reads as Scholz et al. (2011) Table 1 prints it', () => {
  const file = fromShared('vectors', 'eum', 'emission_standards_bdm1994.csv');
  const { scenario } = parseScenario(readFileSync(file, 'utf8'), { file });
  assert.deepEqual(scenario.actors[0], { id: 'Netherlands', capability: 0.08, stances: { emission_standards_bdm1994: { position: 4, salience: 80 } } });
  const capabilitySum = scenario.actors.reduce((sum, actor) => sum + actor.capability, 0);
  assert.ok(Math.abs(capabilitySum - 1.01) < 1e-12, `capabilities sum to ${capabilitySum}`);
});

test('ids are derived from names holding spec syntax or control characters; the name is kept', () => {
  const text = `actor,issue,capability,position,salience\nU.S. Gov't,talks,50,20,40\nEU: Council=1*,talks,40,60,60\nTab\tActor@2,talks,30,50,50\n`;
  const { scenario } = parseScenario(text, { file: 'talks.v2.csv' });
  assert.deepEqual(
    scenario.actors.map((actor) => [actor.id, actor.name]),
    [
      ["U_S_Gov't", "U.S. Gov't"],
      ['EU_Council_1_', 'EU: Council=1*'],
      ['Tab_Actor_2', 'Tab\tActor@2'],
    ],
  );
  // Single-issue form: the issue id comes from the file name, which may hold dots.
  const single = parseScenario('actor,capability,position,salience\nA,1,20,40\nB,1,60,60\n', { file: 'data/talks.v2.csv' }).scenario;
  assert.equal(single.issues[0]!.id, 'talks_v2');
});
