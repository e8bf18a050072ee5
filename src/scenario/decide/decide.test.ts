/**
 * Decide data files (exchange-spec.md §7): the shapes Decide ships (tab-separated with single quotes
 * and ragged rows, semicolon-padded, plain tabs with `#O` and `#/` rows), ids that Parley must rename,
 * every malformed-file error with its line and field, detection by every command's reader, and the
 * writer's round trip.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError, type Problem } from '../../errors.js';
import { parseAnyScenario } from '../ktab/index.js';
import { detectDecide, readDecide, writeDecide } from './index.js';

const quotedTabs = [
  "'#A'\t'USA'\t'USA'\t''\t",
  "'#A'\t'EU (incl Norway)'\t'EU (incl Norway)'\t''",
  "'#P'\t'legal'\t'legal'\t'legal'\t",
  "'#M'\t'legal'\t0\t",
  "'#M'\t'legal'\t100\t",
  "'#P'\t'mrv'\t'mrv'\t'mrv'",
  "'#D'\t'USA'\t'legal'\t40.0\t1.0\t1.0\t",
  "'#D'\t'USA'\t'mrv'\t70.0\t0.7\t1.0\t",
  "'#D'\t'EU (incl Norway)'\t'legal'\t100.0\t0.7\t0.75\t",
  "'#D'\t'EU (incl Norway)'\t'mrv'\t100.0\t0.8\t0.75\t",
].join('\n');

const plainTabs = [
  '#O\tToll case (training data)\t\t\t\t',
  '#/\tID\tFull name\t\t\t',
  '#A\tCity\tCollege\t\t\t',
  '#A\tShops\tShopkeepers\t\t\t',
  "#P\ttoll\tIssue 1: a toll around the centre? (it's debated)\t\t\t",
  '#M\ttoll\t0\tNo, never\t\t',
  '#M\ttoll\t50\tOnly under conditions\t\t',
  '#M\ttoll\t100\tYes\t\t',
  '#P\theight\tIssue 2: how high?\t\t\t',
  '#M\theight\t0.5\teuro\t\t',
  '#M\theight\t7\teuro\t\t',
  '#/\tactor\tissue\tposition\tsalience\tpower',
  '#D\tCity\ttoll\t100\t0.95\t1',
  '#D\tShops\ttoll\t0\t0.95\t0.9',
  '#D\tCity\theight\t3\t0.7\t1',
  '#D\tShops\theight\t0.5\t0.8\t0.9',
].join('\n');

function problemsOf(text: string): Problem[] {
  try {
    readDecide(text, 'bad.csv');
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  assert.fail('expected an InputError');
}

test('Decide files: the quoted, tab-separated form with ragged rows and names with spaces', () => {
  const { scenario } = readDecide(quotedTabs, 'cop.csv');
  assert.deepEqual(scenario.actors.map((actor) => [actor.id, actor.name, actor.capability]), [['USA', 'USA', 1], ['EU_(incl_Norway)', 'EU (incl Norway)', 0.75]]);
  assert.deepEqual(scenario.issues.map((issue) => [issue.id, issue.scale.min, issue.scale.max]), [['legal', 0, 100], ['mrv', 0, 100]]);
  assert.deepEqual(scenario.actors[1]!.stances.mrv, { position: 100, salience: 0.8 });
  assert.equal(scenario.salienceScale, 1);
});

test('Decide files: plain tabs, the title from #O, comments, #M scale points and their meanings', () => {
  const { scenario } = readDecide(plainTabs, 'toll.txt');
  assert.equal(scenario.title, 'Toll case (training data)');
  assert.deepEqual(scenario.issues[0]!.scale, { min: 0, max: 100, minLabel: 'No, never', maxLabel: 'Yes' });
  assert.deepEqual(scenario.issues[1]!.scale, { min: 0.5, max: 7, minLabel: 'euro', maxLabel: 'euro' });
  assert.equal(scenario.issues[0]!.name, "Issue 1: a toll around the centre? (it's debated)");
  assert.equal(scenario.actors[1]!.stances.height!.position, 0.5);
});

test('Decide files: the semicolon form, every row padded (spec §7 example)', () => {
  const text = ['#O;two actors and two issues;;;;', '#A;i;actor i;;;', '#A;j;actor j;;;', '#P;p1;issue one;;;', '#M;p1;0;low end;;', '#M;p1;100;high end;;', '#P;p2;issue two;;;', '#D;i;p1;0;0.8;1', '#D;i;p2;0;0.2;1', '#D;j;p1;100;0.3;1', '#D;j;p2;100;0.7;1'].join('\n');
  const { scenario } = readDecide(text);
  assert.deepEqual(scenario.issues.map((issue) => issue.scale), [{ min: 0, max: 100, minLabel: 'low end', maxLabel: 'high end' }, { min: 0, max: 100 }]);
});

test('Decide files: every malformed row is reported with its line and field', () => {
  const cases: Array<[string, number, string, RegExp]> = [
    ['#A;a;\n#A;b;\n#P;x;\n#P;y;\n#D;a;x;10;0.5\n#D;b;x;10;0.5;1\n#D;a;y;1;1;1\n#D;b;y;1;1;1', 5, 'fields', /needs 5 fields/u],
    ['#A;a;\n#A;b;\n#P;x;\n#P;y;\n#D;a;x;10;0.5;1\n#D;a;x;20;0.5;1\n#D;b;x;10;0.5;1\n#D;a;y;1;1;1\n#D;b;y;1;1;1', 6, 'issue', /second #D row .* \(first on line 5\)/u],
    ['#A;a;\n#A;b;\n#P;x;\n#M;x;100;high\n#M;x;0;low\n#D;a;x;10;0.5;1\n#D;b;x;10;0.5;1', 5, 'position', /ascending order/u],
    ['#A;a;\n#A;b;\n#P;x;\n#D;a;x;10;0.5;1\n#D;c;x;10;0.5;1\n#D;b;x;10;0.5;1', 5, 'actor', /unknown actor "c"/u],
    ['#A;a;\n#A;b;\n#P;x;\n#D;a;x;10;0.5;1\n#D;b;z;10;0.5;1\n#D;b;x;10;0.5;1', 5, 'issue', /unknown issue "z"/u],
    ['#A;a;\n#A;b;\n#P;x;\n#M;x;0;\n#M;x;10;\n#D;a;x;10;0.5;1\n#D;b;x;16;0.5;1', 7, 'position', /off the scale of issue "x" \[0, 10\]/u],
    ['#A;a;\n#A;b;\n#P;x;\n#D;a;x;10,5;0.5;1\n#D;b;x;10;0.5;1', 4, 'position', /decimal comma/u],
    ['#A;a;\n#A;b;\n#P;x;\n#D;a;x;10;0.5;-0.247\n#D;b;x;10;0.5;1', 4, 'power', /outside \[0, 100\]/u],
    ['#A;a;\n#A;b;\n#P;x;\n#P;y;\n#D;a;x;10;0.5;1\n#D;a;y;10;0.5;2\n#D;b;x;10;0.5;1\n#D;b;y;1;1;1', 6, 'power', /one power \(capability\) per actor/u],
    ['#A;a;\n#A;b;\n#0;comment\n#P;x;\n#D;a;x;10;0.5;1\n#D;b;x;10;0.5;1', 3, 'tag', /unknown tag "#0"/u],
    ['#A;a;\n#A;a;\n#P;x;\n#D;a;x;10;0.5;1', 2, 'actor', /declared twice/u],
  ];
  for (const [text, line, field, message] of cases) {
    const problems = problemsOf(text);
    assert.ok(
      problems.some((problem) => problem.file === 'bad.csv' && problem.line === line && problem.field === field && message.test(problem.message)),
      `${JSON.stringify(text)}: expected line ${line} ${field} ${message}, got ${JSON.stringify(problems)}`,
    );
  }
});

test('Decide files: recognised by every command (parseAnyScenario), not mistaken for YAML or CSV', () => {
  assert.ok(detectDecide(quotedTabs) && detectDecide(plainTabs) && detectDecide('#A;i;actor i;;;'));
  assert.ok(!detectDecide('# a YAML comment\ntitle: x') && !detectDecide('actor,issue,capability,position,salience'));
  assert.equal(parseAnyScenario(plainTabs, { file: 'toll.csv' }).scenario.actors.length, 2);
});

test('Decide files: the writer round-trips what the format holds', () => {
  const { scenario } = readDecide(plainTabs, 'toll.txt');
  const written = writeDecide(scenario);
  assert.ok(written.text.split('\n').filter(Boolean).every((row) => row.split(';').length === 7), 'every row padded to the same width');
  const again = readDecide(written.text).scenario;
  assert.deepEqual(again.issues.map((issue) => issue.scale), scenario.issues.map((issue) => issue.scale));
  assert.deepEqual(again.actors.map((actor) => [actor.id, actor.capability, actor.stances]), scenario.actors.map((actor) => [actor.id, actor.capability, actor.stances]));
  assert.ok(written.notes.some((note) => note.includes('apostrophes')));
});
