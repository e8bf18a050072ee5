/** `parley convert`: KTAB ⇄ Parley formats through the real dispatcher, atomic output, bad input exit 2. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fromShared } from '../../../tests/support/paths.js';
import { runParley } from '../../../tests/support/runParley.js';
import { parseScenario } from '../../scenario/parse.js';
import { parseAnyScenario, readKtab } from '../../scenario/ktab/index.js';

const directory = mkdtempSync(join(tmpdir(), 'parley-convert-'));
after(() => rmSync(directory, { recursive: true, force: true }));
const ktabInput = (name: string) => fromShared('vectors', 'ktab', 'inputs', name);

async function convert(...args: string[]) {
  return runParley(['convert', ...args], { cwd: directory });
}

test('KTAB XML → YAML → KTAB XML keeps the scenario and its SMP options', async () => {
  const yamlPath = join(directory, 'example.yaml');
  const first = await convert(ktabInput('smpExample-fixed.xml'), yamlPath);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /wrote .*example\.yaml \(yaml\): 5 actors, 3 issues/u);
  const fromYaml = parseScenario(readFileSync(yamlPath, 'utf8'), { file: yamlPath }).scenario;
  const original = readKtab(readFileSync(ktabInput('smpExample-fixed.xml'), 'utf8'), 'ktab-xml').scenario;
  assert.deepEqual(fromYaml, original);
  const xmlPath = join(directory, 'back.xml');
  assert.equal((await convert(yamlPath, xmlPath)).code, 0);
  assert.deepEqual(readKtab(readFileSync(xmlPath, 'utf8'), 'ktab-xml').scenario, original);
});

test('a KTAB CSV is recognised by its content; --to ktab-csv writes KTAB CSV', async () => {
  const jsonPath = join(directory, 'soe.json');
  assert.equal((await convert(ktabInput('SOE-Pol-Comp.csv'), jsonPath)).code, 0);
  const csvPath = join(directory, 'soe-ktab.csv');
  const back = await convert(jsonPath, csvPath, '--to', 'ktab-csv');
  assert.equal(back.code, 0, back.err);
  assert.deepEqual(
    readKtab(readFileSync(csvPath, 'utf8'), 'ktab-csv').scenario,
    readKtab(readFileSync(ktabInput('SOE-Pol-Comp.csv'), 'utf8'), 'ktab-csv').scenario,
  );
  const parleyCsv = await convert(jsonPath, join(directory, 'soe-long.csv'));
  assert.equal(parleyCsv.code, 0);
  assert.match(parleyCsv.err, /note: Parley's long CSV keeps/u);
});

test('bad KTAB input exits 2 with file, line, actor and dimension, and writes nothing', async () => {
  const bad = join(directory, 'bad.csv');
  writeFileSync(bad, 'S,desc,3,1,\nActor,Description,Power,P,S,\nA,a,10,50,50,\nB,b,10,x,50,\nC,c,10,20,50,\n');
  const target = join(directory, 'never.yaml');
  const result = await convert(bad, target);
  assert.equal(result.code, 2);
  assert.match(result.err, /bad\.csv:4: P\.position: actor "B": dimension "P": position "x" is not a number/u);
  assert.equal(existsSync(target), false);
});

test('usage errors: unknown format, unknown output extension', async () => {
  assert.equal((await convert('a.yaml', 'b.yaml', '--to', 'pdf')).code, 2);
  const noExtension = await convert(ktabInput('dummyData_3Dim.csv'), join(directory, 'out'));
  assert.equal(noExtension.code, 2);
  assert.match(noExtension.err, /cannot tell the format/u);
});

test('a Decide file is recognised by its content; --to decide writes one; a malformed one is exit 2 with line and field', async () => {
  const decideInput = fromShared('vectors', 'exchange', 'h3_two_exchanges', 'decide_input.csv');
  const yamlPath = join(directory, 'h3.yaml');
  const first = await convert(decideInput, yamlPath);
  assert.equal(first.code, 0, first.err);
  const fromYaml = parseScenario(readFileSync(yamlPath, 'utf8'), { file: yamlPath }).scenario;
  const decidePath = join(directory, 'h3-back.csv');
  assert.equal((await convert(yamlPath, decidePath, '--to', 'decide')).code, 0);
  const back = parseAnyScenario(readFileSync(decidePath, 'utf8'), { file: decidePath }).scenario;
  assert.deepEqual({ ...back, title: fromYaml.title }, fromYaml);
  const bad = join(directory, 'bad-decide.csv');
  writeFileSync(bad, '#A;a;\n#A;b;\n#P;x;\n#D;a;x;10;0.5;1\n#D;a;x;20;0.5;1\n#D;b;x;10;0.5;1\n');
  const failed = await convert(bad, join(directory, 'never.yaml'));
  assert.equal(failed.code, 2);
  assert.match(failed.err, /bad-decide\.csv:5: issue: a second #D row/u);
  assert.ok(!existsSync(join(directory, 'never.yaml')));
});

test("what KTAB cannot hold: capability 0 exits 2 with the actor and field; capabilities above 1e8 are rescaled with a note; the file reads back", async () => {
  const yaml = (capability: number) =>
    `title: t\nissues:\n  - id: terms\nactors:\n  - { id: a, name: Ukraine, capability: ${capability}, stances: { terms: { position: 10, salience: 50 } } }\n  - { id: b, capability: 5, stances: { terms: { position: 60, salience: 50 } } }\n  - { id: c, capability: 7, stances: { terms: { position: 90, salience: 50 } } }\n`;
  const zero = join(directory, 'zero.yaml');
  writeFileSync(zero, yaml(0));
  const target = join(directory, 'zero.xml');
  const refused = await convert(zero, target);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /actors\[0\]\.capability: Ukraine \(a\)'s capability is 0: KTAB needs every actor's capability to be greater than 0/u);
  assert.equal(existsSync(target), false);
  const huge = join(directory, 'huge.yaml');
  writeFileSync(huge, yaml(1e12));
  const csvPath = join(directory, 'huge-ktab.csv');
  const rescaled = await convert(huge, csvPath, '--to', 'ktab-csv');
  assert.equal(rescaled.code, 0, rescaled.err);
  assert.match(rescaled.err, /note: KTAB's capabilities are at most 1e8: every capability was divided by 1e4/u);
  assert.deepEqual(readKtab(readFileSync(csvPath, 'utf8'), 'ktab-csv').scenario.actors.map((actor) => actor.capability), [1e8, 5e-4, 7e-4]);
});
