import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError, type Problem } from '../errors.js';
import { detectFormat, parseScenario, type ScenarioSource } from './parse.js';

const YAML = `title: Back-channel
salienceScale: 100
issues:
  - id: talks
    scale: { min: 0, max: 100 }
    statusQuo: 10
actors:
  - id: russia
    name: Russia
    capability: 40
    stances:
      talks:
        position: 60
        salience: 60
  - id: usa
    capability: 50
    stances:
      talks:
        position: 20
        salience: 40
`;

const JSON_TEXT = `{
  "title": "Back-channel",
  "salienceScale": 100,
  "issues": [
    { "id": "talks", "scale": { "min": 0, "max": 100 }, "statusQuo": 10 }
  ],
  "actors": [
    {
      "id": "russia",
      "name": "Russia",
      "capability": 40,
      "stances": { "talks": { "position": 60, "salience": 60 } }
    },
    {
      "id": "usa",
      "capability": 50,
      "stances": {
        "talks": { "position": 20, "salience": 40 }
      }
    }
  ]
}
`;

function problemsOf(text: string, source: ScenarioSource): Problem[] {
  try {
    parseScenario(text, source);
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return [...error.problems];
  }
  assert.fail('expected parsing to fail');
}

/** Replaces the first occurrence of `from` (which must be there). */
function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture lacks ${from}`);
  return text.replace(from, to);
}

const linesAndFields = (problems: Problem[]) => problems.map((problem) => [problem.line, problem.field]);

test('YAML and JSON versions of one scenario parse to the same value', () => {
  const fromYaml = parseScenario(YAML, { file: 'a.yaml' });
  const fromJson = parseScenario(JSON_TEXT, { file: 'a.json' });
  assert.deepEqual(fromYaml, fromJson);
  assert.equal(fromYaml.scenario.actors[0]?.stances.talks?.salience, 60);
  assert.deepEqual(fromYaml.notes, []);
});

test('the format comes from the option, else the extension, else the content', () => {
  assert.equal(detectFormat(YAML, { file: 'x.json', format: 'yaml' }), 'yaml');
  assert.equal(detectFormat(YAML, { file: 'dir.v2/x.YML' }), 'yaml');
  assert.equal(detectFormat(JSON_TEXT, { file: 'x.txt' }), 'json');
  assert.equal(detectFormat('\uFEFF  [1]'), 'json');
  assert.equal(detectFormat(YAML), 'yaml');
  assert.equal(detectFormat('actor,capability,position,salience\nA,1,2,3\n'), 'csv');
  assert.equal(detectFormat('# a comment, with a comma\ntitle: x, y\n'), 'yaml');
  assert.deepEqual(parseScenario(JSON_TEXT).scenario, parseScenario(YAML).scenario);
});

test('YAML: every problem names the line of the offending field', () => {
  let text = edit(YAML, 'position: 60', 'position: 120');
  text = edit(text, 'capability: 50', 'capability: -5');
  text = edit(text, 'statusQuo: 10', 'statusQuo: 10\n    colour: red');
  text = edit(text, 'salience: 40', 'salience: abc');
  text = edit(text, '  - id: usa', '  - id: russia');
  const problems = problemsOf(text, { file: 'back.yaml' });
  assert.deepEqual(linesAndFields(problems), [
    [7, 'issues[0].colour'],
    [14, 'actors[0].stances.talks.position'],
    [16, 'actors[1].id'],
    [17, 'actors[1].capability'],
    [21, 'actors[1].stances.talks.salience'],
  ]);
  assert.ok(problems.every((problem) => problem.file === 'back.yaml'));
  assert.equal(problems[1]?.message, "position 120 is outside the issue's scale [0, 100]");
});

test('YAML: a missing field is located at its parent; an unknown issue at the stance key', () => {
  let text = edit(YAML, '    capability: 50\n', '');
  text = edit(text, '      talks:\n        position: 20', '      peace:\n        position: 20');
  const problems = problemsOf(text, { file: 'back.yaml' });
  assert.deepEqual(linesAndFields(problems), [
    [15, 'actors[1].capability'],
    [17, 'actors[1].stances.peace'],
  ]);
  assert.equal(problems[0]?.message, 'missing; expected a number');
});

test('YAML: a scale with min ≥ max and an issue nobody takes part in are located', () => {
  let text = edit(YAML, 'scale: { min: 0, max: 100 }', 'scale: { min: 100, max: 0 }');
  text = edit(text, 'actors:', '  - id: empty\nactors:');
  const problems = problemsOf(text, { file: 'back.yaml' });
  assert.deepEqual(linesAndFields(problems), [
    [5, 'issues[0].scale'],
    [7, 'issues[1]'],
  ]);
});

test('YAML: syntax errors carry their line', () => {
  const problems = problemsOf(edit(YAML, '        salience: 40', '        salience: [40'), { file: 'bad.yaml' });
  assert.ok(problems.length >= 1);
  assert.match(problems[0]!.message, /^YAML syntax error: /u);
  assert.equal(problems[0]!.file, 'bad.yaml');
  assert.ok(problems[0]!.line !== undefined && problems[0]!.line >= 21, `line ${problems[0]!.line}`);
  const duplicate = problemsOf(edit(YAML, '    name: Russia', '    name: Russia\n    name: Rossiya'), { file: 'dup.yaml' });
  assert.deepEqual(linesAndFields(duplicate), [[10, undefined]]);
});

test('YAML: an empty document is not a scenario', () => {
  assert.equal(problemsOf('', { file: 'empty.yaml' })[0]?.message, 'expected an object, got null');
});

test('JSON: every problem names the line of the offending field', () => {
  let text = edit(JSON_TEXT, '"position": 60', '"position": 120');
  text = edit(text, '"capability": 50', '"capability": "fifty"');
  text = edit(text, '"salience": 40', '"salience": 140');
  text = edit(text, '"statusQuo": 10', '"statusQuo": 10, "colour": "red"');
  const problems = problemsOf(text, { file: 'back.json' });
  assert.deepEqual(linesAndFields(problems), [
    [5, 'issues[0].colour'],
    [12, 'actors[0].stances.talks.position'],
    [16, 'actors[1].capability'],
    [18, 'actors[1].stances.talks.salience'],
  ]);
  assert.equal(problems[1]?.message, "position 120 is outside the issue's scale [0, 100]");
  assert.equal(problems[2]?.message, 'expected a number, got "fifty"');
});

test('JSON: syntax errors carry their line, whatever JSON.parse says', () => {
  const cases: [string, number, RegExp][] = [
    [edit(JSON_TEXT, '"capability": 50,', '"capability": ,'), 16, /expected a value, found ","/u],
    [edit(JSON_TEXT, '"capability": 50,', '"capability": 50'), 17, /expected ',' or '\}' after a property value/u],
    [edit(JSON_TEXT, '"name": "Russia",', "'name': 'Russia',"), 10, /property name in double quotes/u],
    [JSON_TEXT.slice(0, JSON_TEXT.indexOf('"usa"')), 15, /expected a value, found the end of the input/u],
    [edit(JSON_TEXT, '"title": "Back-channel"', '"title": "Back\nchannel"'), 2, /control character/u],
    [`${JSON_TEXT}}`, 23, /after the end of the JSON value/u],
  ];
  for (const [text, line, message] of cases) {
    const [problem, ...rest] = problemsOf(text, { file: 'bad.json' });
    assert.deepEqual(rest, []);
    assert.equal(problem?.line, line, problem?.message);
    assert.match(problem?.message ?? '', message);
    assert.match(problem?.message ?? '', /^JSON syntax error: /u);
  }
});

test('a byte-order mark is ignored in every format', () => {
  assert.deepEqual(parseScenario(`\uFEFF${JSON_TEXT}`, { file: 'a.json' }), parseScenario(JSON_TEXT, { file: 'a.json' }));
  assert.deepEqual(parseScenario(`\uFEFF${YAML}`, { file: 'a.yaml' }), parseScenario(YAML, { file: 'a.yaml' }));
});

test('YAML: an alias bomb is bad input with its line, not an internal error', () => {
  let bomb = `${YAML}bomb0: &a0 [x, x, x, x, x, x, x, x, x]\n`;
  for (let level = 1; level <= 8; level++) bomb += `bomb${level}: &a${level} [${Array.from({ length: 9 }, () => `*a${level - 1}`).join(', ')}]\n`;
  const problems = problemsOf(bomb, { file: 'bomb.yaml' });
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.file, 'bomb.yaml');
  // Expanded sizes: a0 10 nodes, a1 91, a2 820, a3 7381: bomb4's aliases (*a3) are the first past 1000.
  assert.equal(problems[0]!.line, YAML.split('\n').length - 1 + 5);
  assert.match(problems[0]!.message, /^YAML aliases \(\*name\) here expand to more than 1000 nodes/u);
  // A few aliases remain fine.
  const aliased = parseScenario(`${edit(YAML, 'title: Back-channel', 'title: &t Back-channel')}description: *t\n`, { file: 'ok.yaml' }).scenario;
  assert.equal(aliased.description, 'Back-channel');
});

test('YAML: a file with several documents says so in its own words', () => {
  const problems = problemsOf(`${YAML}---\ntitle: second\n---\ntitle: third\n`, { file: 'multi.yaml' });
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.line, YAML.split('\n').length);
  assert.match(problems[0]!.message, /^a scenario file holds one YAML document; found 3/u);
  assert.doesNotMatch(problems[0]!.message, /parseAllDocuments/u);
});

test('JSON: a duplicate key is reported with its line, as in YAML', () => {
  const problems = problemsOf(edit(JSON_TEXT, '"name": "Russia",', '"name": "Russia",\n      "name": "Rossiya",'), { file: 'dup.json' });
  assert.deepEqual(linesAndFields(problems), [[11, undefined]]);
  assert.match(problems[0]!.message, /^duplicate key "name"/u);
  assert.equal(problems[0]!.file, 'dup.json');
});

test('a file whose lines end in CR alone reads like its LF twin, with the same lines in problems', () => {
  const lf = 'title: x\nsalienceScale: 100\nissues:\n  - id: t\nactors:\n  - id: a\n    capability: 1\n    stances: { t: { position: 1, salience: 2 } }\n  - id: b\n    capability: 1\n    stances: { t: { position: 200, salience: 2 } }\n';
  const messageOf = (text: string) => {
    try {
      parseScenario(text, { file: 's.yaml' });
    } catch (error) {
      return (error as Error).message;
    }
    return 'no error';
  };
  assert.match(messageOf(lf), /^s\.yaml:11: actors\[1\]\.stances\.t\.position: position 200/u);
  assert.equal(messageOf(lf.replace(/\n/gu, '\r')), messageOf(lf));
  const csv = 'actor,issue,capability,position,salience\na,t,1,2,3\nb,t,1,5,3\n';
  assert.deepEqual(parseScenario(csv.replace(/\n/gu, '\r'), { file: 'c.csv' }), parseScenario(csv, { file: 'c.csv' }));
});
