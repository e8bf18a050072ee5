import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fromShared } from '../../../tests/support/paths.js';
import { runParley } from '../../../tests/support/runParley.js';

const scratch = mkdtempSync(join(tmpdir(), 'parley-validate-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, content: string): string {
  writeFileSync(join(scratch, name), content);
  return name;
}

/** Runs in the scratch directory so problems name the file as typed. */
const validate = (file: string) => runParley(['validate', file], { cwd: scratch });

describe('parley validate', () => {
  it('says ok with what it read for the worked example', async () => {
    const { code, out, err } = await runParley(['validate', 'examples/backchannel-2024.yaml']);
    assert.equal(code, 0, err);
    assert.equal(out, 'ok: examples/backchannel-2024.yaml: "US–Russia back-channel over Ukraine (January 2024)", 2 issues, 7 actors\n');
  });

  it('prints the notes of what was assumed (a CSV has no declared scale)', async () => {
    const { code, out } = await runParley(['validate', fromShared('vectors', 'eum', 'emission_standards_bdm1994.csv')]);
    assert.equal(code, 0);
    assert.match(out, /^ok: .*emission_standards_bdm1994\.csv: .*1 issue, 10 actors\n(note: .+\n)+$/u);
  });

  it('lists every problem of an invalid scenario as file:line: field: message, exit 2', async () => {
    const file = scratchFile(
      'invalid.yaml',
      'title: t\nsalienceScale: 100\nissues:\n  - id: a\nactors:\n  - id: A\n    capability: 1\n    stances:\n      a: {position: 150, salience: 50}\n  - id: B\n    capability: 1\n    stances:\n      b: {position: 10, salience: 50}\n',
    );
    const { code, out, err } = await validate(file);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.equal(
      err,
      'invalid.yaml:9: actors[0].stances.a.position: position 150 is outside the issue\'s scale [0, 100]\n' +
        'invalid.yaml:13: actors[1].stances.b: unknown issue "b"; expected one of a\n',
    );
  });

  it('reports syntax errors in YAML, JSON and CSV with their line', async () => {
    const cases: [string, string, RegExp][] = [
      ['bad.yaml', 'title: x\nissues:\n  - id: a\n    scale: {min: 0, max: 100\nactors: []\n', /^bad\.yaml:\d+: YAML syntax error/u],
      ['bad.json', '{\n  "title": "x",\n  "issues": [}\n', /^bad\.json:3: JSON syntax error/u],
      ['bad.csv', 'actor,issue,capability,position,salience\nA,a,1,50,abc\nB,a,2,40,0.5\n', /^bad\.csv:2: .*salience.*expected a number, got "abc"/u],
    ];
    for (const [name, content, message] of cases) {
      const { code, err } = await validate(scratchFile(name, content));
      assert.equal(code, 2, name);
      assert.match(err, message);
      assert.doesNotMatch(err, /\n\s+at /u);
    }
  });

  it('reports a missing file, a directory and a missing argument as bad input', async () => {
    assert.deepEqual(await validate('nowhere.yaml'), { code: 2, out: '', err: 'nowhere.yaml: no such file\n' });
    assert.deepEqual(await validate('.'), { code: 2, out: '', err: '.: is a directory, expected a file\n' });
    const bare = await runParley(['validate']);
    assert.equal(bare.code, 2);
    assert.match(bare.err, /^parley validate: missing argument\n\nUsage: parley validate <file>/u);
  });
});
