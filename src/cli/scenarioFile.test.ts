/** KTAB SMP files straight into the commands: `loadScenario` reads KTAB CSV and XML like any scenario. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fromShared } from '../../tests/support/paths.js';
import { runParley } from '../../tests/support/runParley.js';
import type { Forecast } from '../models/model.js';
import { runModel } from '../models/registry.js';
import { readKtab } from '../scenario/ktab/index.js';

const ktabInput = (name: string) => fromShared('vectors', 'ktab', 'inputs', name);
const scratch = mkdtempSync(join(tmpdir(), 'parley-ktab-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('KTAB files on the command line', () => {
  it('forecast --model smp reads a KTAB CSV and gives the forecast of the imported scenario', async () => {
    const file = ktabInput('dummyData_3Dim.csv');
    const { code, out, err } = await runParley(['forecast', file, '--model', 'smp', '--json']);
    assert.equal(code, 0, err);
    const { scenario } = readKtab(readFileSync(file, 'utf8'), 'ktab-csv', file);
    const expected = runModel('smp', scenario);
    const printed = JSON.parse(out) as Forecast;
    assert.deepEqual(
      printed.issues.map((issue) => [issue.issue, issue.outcome]),
      expected.issues.map((issue) => [issue.issue, issue.outcome]),
    );
    assert.equal(printed.issues.length, 3);
  });

  it('validate reads a KTAB XML file (its dimensions, actors and title)', async () => {
    const { code, out, err } = await runParley(['validate', ktabInput('smpExample-fixed.xml')]);
    assert.equal(code, 0, err);
    assert.match(out, /^ok: .*smpExample-fixed\.xml: "DummyData_3Dim", 3 issues, 5 actors\n/u);
  });

  it('a malformed KTAB CSV is exit 2 with the file and line of the bad field, no stack trace', async () => {
    writeFileSync(join(scratch, 'bad.csv'), 'X ,"d",3,1,\nActor,Description,Power,Pstn1,Sal1,\nA, a, 100, 10, 40,\nB, b, abc, 60, 30,\nC, c, 80, 90, 50,\n');
    const { code, out, err } = await runParley(['validate', 'bad.csv'], { cwd: scratch });
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^bad\.csv:4: capability: actor "B": capability "abc" is not a number\n$/u);
  });

  it('a malformed KTAB XML is exit 2 with the file and line where it breaks', async () => {
    writeFileSync(join(scratch, 'bad.xml'), '<?xml version="1.0"?>\n<Scenario>\n<name>x</name>\n<Actors>\n<Actor><name>A</name>\n</Scenario>\n');
    const { code, err } = await runParley(['forecast', 'bad.xml', '--model', 'smp'], { cwd: scratch });
    assert.equal(code, 2);
    assert.match(err, /^bad\.xml:6: not well-formed XML/u);
    assert.doesNotMatch(err, /\n\s+at /u);
  });
});
