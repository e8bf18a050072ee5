/** KTAB SMP XML import and export: the fixed examples, both enum spellings, bad files with their lines. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromShared } from '../../../tests/support/paths.js';
import { InputError, type Problem } from '../../errors.js';
import { detectKtabFormat, readKtab, writeKtab } from './index.js';

const example = readFileSync(fromShared('vectors', 'ktab', 'inputs', 'smpExample-fixed.xml'), 'utf8');
const dummy = readFileSync(fromShared('vectors', 'ktab', 'inputs', 'dummyData_3Dim-fixed.xml'), 'utf8');

function problemsOf(text: string): Problem[] {
  try {
    readKtab(text, 'ktab-xml', 'bad.xml');
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return [...error.problems];
  }
  assert.fail('expected an InputError');
}

const lineOf = (text: string, fragment: string) => text.slice(0, text.indexOf(fragment)).split('\n').length;

test('the fixed KTAB XML examples import with their parameters, seed and ideal adjustments as SMP options', () => {
  assert.equal(detectKtabFormat(example), 'ktab-xml');
  const { scenario } = readKtab(example, 'ktab-xml', 'smpExample-fixed.xml');
  assert.deepEqual(scenario.issues.map((issue) => issue.id), ['FirstDim', 'SecondDim', 'YADN']);
  const options = scenario.spaces![0]!.smpOptions!;
  assert.equal(options.pceModel, 'MarkovIncentive');
  assert.equal(options.votingRule, 'PropCbc');
  assert.equal(options.seed, Number(3507583219545544127n % 4294967296n));
  assert.ok(Array.isArray(options.idealAdjustment) && options.idealAdjustment.length > 0);
  assert.equal(scenario.actors[0]!.stances['FirstDim']!.position, 52.8);
  const fixed = readKtab(dummy, 'ktab-xml').scenario;
  assert.deepEqual(fixed.spaces![0]!.smpOptions!.idealAdjustment, [{ actor: 'SActor-00', reference: 'SActor-00', adjust: 1 }]);
});

test("the XSD's spellings Proportional and No are accepted, and IdealAdjustment may be absent", () => {
  const xsd = example.replace('<VotingRule>PropCbc</VotingRule>', '<VotingRule>Proportional</VotingRule>').replace('<BigRAdjust>OneThird</BigRAdjust>', '<BigRAdjust>No</BigRAdjust>');
  const options = readKtab(xsd, 'ktab-xml').scenario.spaces![0]!.smpOptions!;
  assert.equal(options.votingRule, 'Prop');
  assert.equal(options.bigRAdjust, 'None');
  const withoutAdjustment = dummy.replace(/<IdealAdjustment>[\s\S]*<\/IdealAdjustment>/u, '');
  assert.equal(readKtab(withoutAdjustment, 'ktab-xml').scenario.spaces![0]!.smpOptions!.idealAdjustment, undefined);
});

test('an unknown parameter value is reported with its line and the values expected', () => {
  const text = example.replace('<PCEModel>MarkovIncentive</PCEModel>', '<PCEModel>Markov</PCEModel>');
  const [problem] = problemsOf(text);
  assert.equal(problem!.line, lineOf(text, '<PCEModel>'));
  assert.match(problem!.message, /unknown PCEModel "Markov"; expected one of Conditional, MarkovIncentive, MarkovUniform/u);
});

test("an empty coordinate (the shipped smpExample.xml's defect) is reported with its line, actor and dimension", () => {
  const text = example.replace('<dCoord>52.8</dCoord>', '<dCoord></dCoord>');
  const [problem] = problemsOf(text);
  assert.equal(problem!.line, lineOf(text, '<dCoord></dCoord>'));
  assert.match(problem!.message, /actor "Alice": dimension "FirstDim": position "" is not a number/u);
});

test('positions are range-checked in XML too; saliences over 100 and missing coordinates are named', () => {
  const text = dummy.replace('<dCoord>75.79</dCoord>', '<dCoord>175.79</dCoord>').replace('<dSal>30.33</dSal>', '<dSal>90.33</dSal>');
  const problems = problemsOf(text);
  assert.equal(problems[0]!.line, lineOf(text, '175.79'));
  assert.match(problems[0]!.message, /actor "SActor-00", dimension "Pstn1": position 175.79 is outside \[0, 100\]/u);
  assert.match(problems[1]!.message, /actor "SActor-01": saliences sum to 136.34, more than 100/u);
  const missing = dummy.replace('<dCoord>6.37</dCoord>', '');
  assert.match(problemsOf(missing)[0]!.message, /actor "SActor-00": <Position> has 2 <dCoord>; the scenario has 3 dimension\(s\)/u);
});

test('malformed XML is reported with its line', () => {
  const [problem] = problemsOf('<Scenario>\n  <name>x</name>\n  <desc>y</Scenario>\n');
  assert.equal(problem!.line, 3);
  assert.match(problem!.message, /not well-formed XML/u);
});

test('write then read keeps the scenario and its SMP options; KTAB can read what is written', () => {
  const { scenario } = readKtab(example, 'ktab-xml');
  const written = writeKtab(scenario, 'ktab-xml');
  assert.deepEqual(readKtab(written.text, 'ktab-xml').scenario, scenario);
  assert.match(written.text, /<IdealAdjustment>/u);
  const csvScenario = readKtab(readFileSync(fromShared('vectors', 'ktab', 'inputs', 'dummyData_3Dim.csv'), 'utf8'), 'ktab-csv').scenario;
  const fromCsv = writeKtab(csvScenario, 'ktab-xml').text;
  assert.match(fromCsv, /<VotingRule>Prop<\/VotingRule>/u);
  assert.match(fromCsv, /<iaPair>\s*<adjustingIdeal>SActor-00<\/adjustingIdeal>\s*<referencePos>SActor-00<\/referencePos>\s*<adjust>1<\/adjust>/u);
});

test('parseAnyScenario reads KTAB files and Parley files alike', async () => {
  const { parseAnyScenario } = await import('./index.js');
  assert.equal(parseAnyScenario(dummy, { file: 'd.xml' }).scenario.actors.length, 7);
  assert.equal(parseAnyScenario(readFileSync(fromShared('vectors', 'ktab', 'inputs', 'SOE-Policy.csv'), 'utf8'), { file: 'x.csv' }).scenario.actors.length, 26);
  assert.equal(parseAnyScenario('title: t\nissues: [{id: a}]\nactors: [{id: x, capability: 1, stances: {a: {position: 5, salience: 0.5}}}]\n').scenario.title, 't');
});

test('a DOCTYPE (with entities, external or not) or an unclosed processing instruction is bad input with its line, never an internal error', () => {
  const doctypes = ['<!DOCTYPE Scenario [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '<!DOCTYPE Scenario [<!ENTITY x "y">]>', '<!DOCTYPE Scenario>'];
  for (const doctype of doctypes) {
    const problems = problemsOf(example.replace(/<Scenario/u, `${doctype}\n<Scenario`));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /<!DOCTYPE> declaration is not accepted/u);
    assert.equal(problems[0]!.line, lineOf(example, '<Scenario'));
  }
  for (const text of ['<?xml version="1.0"?><?pi', '<Scenario><?pi', '<?pi\n<Scenario/>']) assert.ok(problemsOf(text).length > 0, text);
});
