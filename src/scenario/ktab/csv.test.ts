/** KTAB SMP CSV import and export: the shipped examples, bad files with line/actor/dimension, round trips. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromShared } from '../../../tests/support/paths.js';
import { InputError, type Problem } from '../../errors.js';
import { detectKtabFormat, readKtab, writeKtab } from './index.js';

const input = (name: string) => readFileSync(fromShared('vectors', 'ktab', 'inputs', name), 'utf8');

const good = [
  'DummyData_3Dim ,"Dummy scenario",3,2,',
  'Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,',
  'A, First, 100, 10, 40, 20, 50,',
  'B, Second, 50, 60, 30, 70, 30,',
  'C, Third, 80, 90, 50, 10, 20,',
].join('\n');

function problemsOf(text: string): Problem[] {
  try {
    readKtab(text, 'ktab-csv', 'bad.csv');
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return [...error.problems];
  }
  assert.fail('expected an InputError');
}

test('every shipped KTAB CSV example imports, as one space of 0–100 issues', () => {
  for (const name of ['SOE-Competitive.csv', 'SOE-Pol-Comp.csv', 'SOE-Policy.csv', 'dummyData-a040.csv', 'dummyData-a080.csv', 'dummyData-a160.csv', 'dummyData_3Dim.csv', 'dummyData_3Dim-no-final-comma.csv', 'dummyData_6Dim.csv']) {
    const text = input(name);
    assert.equal(detectKtabFormat(text), 'ktab-csv', name);
    const { scenario } = readKtab(text, 'ktab-csv', name);
    assert.equal(scenario.salienceScale, 100);
    assert.deepEqual(scenario.spaces?.[0]?.issues, scenario.issues.map((issue) => issue.id), name);
  }
  const { scenario } = readKtab(input('SOE-Pol-Comp.csv'), 'ktab-csv');
  assert.equal(scenario.title, 'China Policy/Competitive; scen 2');
  assert.deepEqual(scenario.issues.map((issue) => [issue.id, issue.name]), [['Policy-Position', 'Policy Position'], ['Competitive-Position', 'Competitive Position']]);
  const xj = scenario.actors[0]!;
  assert.deepEqual([xj.id, xj.name, xj.capability, xj.stances['Policy-Position']], ['XJ', 'Xi Jinping', 100, { position: 30, salience: 24 }]);
});

test('the trailing comma is optional: both dummyData_3Dim files give the same actors and issues', () => {
  const withComma = readKtab(input('dummyData_3Dim.csv'), 'ktab-csv').scenario;
  const without = readKtab(input('dummyData_3Dim-no-final-comma.csv'), 'ktab-csv').scenario;
  assert.deepEqual(without.actors, withComma.actors);
  assert.deepEqual(without.issues, withComma.issues);
  assert.equal(withComma.title, 'DummyData_3Dim');
});

test('a non-numeric cell is reported with its line, actor and dimension', () => {
  const [problem] = problemsOf(good.replace('B, Second, 50, 60, 30, 70,', 'B, Second, 50, 60, 30, abc,'));
  assert.equal(problem?.line, 4);
  assert.equal(problem?.file, 'bad.csv');
  assert.match(problem!.message, /actor "B": dimension "Pstn2": position "abc" is not a number/u);
});

test('out-of-range values, over-attention, zero capability: each with line, actor and dimension, all at once', () => {
  const text = good
    .replace('A, First, 100, 10, 40, 20, 50,', 'A, First, 0, 10, 40, 20, 50,')
    .replace('B, Second, 50, 60, 30, 70, 30,', 'B, Second, 50, 160, 30, 70, 30,')
    .replace('C, Third, 80, 90, 50, 10, 20,', 'C, Third, 80, 90, 70, 10, 40,');
  const problems = problemsOf(text);
  assert.deepEqual(problems.map((problem) => problem.line), [3, 4, 5]);
  assert.match(problems[0]!.message, /actor "A": capability 0 must be greater than 0/u);
  assert.match(problems[1]!.message, /actor "B", dimension "Pstn1": position 160 is outside \[0, 100\]/u);
  assert.match(problems[2]!.message, /actor "C": saliences sum to 110, more than 100/u);
});

test('too few actors, row counts and headers are checked against the first row', () => {
  assert.match(problemsOf(good.replace(',3,2,', ',2,2,'))[0]!.message, /number of actors must be a whole number from 3 to 250/u);
  assert.match(problemsOf(good.replace(',3,2,', ',4,2,'))[0]!.message, /declares 4 actors but 3 actor rows follow/u);
  assert.match(problemsOf(good.replace(',3,2,', ',3,x,'))[0]!.message, /number of dimensions/u);
  const short = problemsOf(good.replace('C, Third, 80, 90, 50, 10, 20,', 'C, Third, 80, 90, 50,'));
  assert.equal(short[0]!.line, 5);
  assert.match(short[0]!.message, /actor "C": 5 fields; expected 7/u);
});

test('write then read gives the same scenario; what KTAB cannot hold is refused or noted', () => {
  const { scenario } = readKtab(input('SOE-Pol-Comp.csv'), 'ktab-csv');
  const written = writeKtab(scenario, 'ktab-csv');
  assert.deepEqual(readKtab(written.text, 'ktab-csv').scenario, scenario);
  const labelled = structuredClone(scenario);
  labelled.issues[0]!.scale = { min: 0, max: 10, minLabel: 'low' };
  for (const actor of labelled.actors) actor.stances['Policy-Position']!.position /= 10;
  const rescaled = writeKtab(labelled, 'ktab-csv');
  assert.match(rescaled.notes.join('\n'), /rescaled linearly/u);
  assert.match(rescaled.notes.join('\n'), /no status quo or scale labels/u);
  assert.deepEqual(readKtab(rescaled.text, 'ktab-csv').scenario.actors, scenario.actors);
  const tooFew = structuredClone(scenario);
  tooFew.actors = tooFew.actors.slice(0, 2);
  assert.throws(() => writeKtab(tooFew, 'ktab-csv'), /KTAB needs 3 to 250 actors/u);
});

test('KTAB names holding spec syntax (. * = @ :) become valid ids; a name without a description is kept as the name', () => {
  const text = good.replace('A, First,', 'U.S., ,').replace('B, Second,', 'EU:Council*, Second,').replace('Pstn1', 'Terms.of=Deal');
  const { scenario } = readKtab(text, 'ktab-csv', 'names.csv');
  assert.deepEqual(
    scenario.actors.map((actor) => [actor.id, actor.name]),
    [
      ['U-S-', 'U.S.'],
      ['EU-Council-', 'Second'],
      ['C', 'Third'],
    ],
  );
  assert.deepEqual(scenario.issues.map((issue) => [issue.id, issue.name]), [['Terms-of-Deal', 'Terms.of=Deal'], ['Pstn2', 'Pstn2']]);
});

test('a KTAB CSV whose actor count is negative or huge is recognised as KTAB, and the count is reported with its line', () => {
  for (const count of ['-5', '1e9', '2.5']) {
    const text = good.replace('"Dummy scenario",3,2,', `"Dummy scenario",${count},2,`);
    assert.equal(detectKtabFormat(text), 'ktab-csv', count);
    const problems = problemsOf(text);
    assert.deepEqual(problems.map((problem) => [problem.line, problem.field]), [[1, 'nActors']], count);
    assert.match(problems[0]!.message, new RegExp(`the number of actors must be a whole number from 3 to 250, got "${count.replace('.', '\\.')}"`, 'u'));
  }
  // The long CSV's header is not a KTAB first row.
  assert.equal(detectKtabFormat('actor,issue,capability,position,salience\nActor,talks,1,2,3\n'), undefined);
});
