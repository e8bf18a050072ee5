/** Every command that reads a file and writes --out (or an output argument) refuses to overwrite its input. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fromRepo } from '../../../tests/support/paths.js';
import { runParley } from '../../../tests/support/runParley.js';

const scratch = mkdtempSync(join(tmpdir(), 'parley-out-is-in-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const original = readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8');

describe('an output that is the input', () => {
  it('is refused by forecast, explain, sweep, sweep --shard and convert (exit 2), and the input is left intact', async () => {
    const input = join(scratch, 'm.yaml');
    copyFileSync(fromRepo('examples', 'backchannel-2024.yaml'), input);
    const commands = [
      ['forecast', input, '--out', input],
      ['explain', input, '--actor', 'russia', '--out', input],
      ['sweep', input, '--runs', '5', '--out', input],
      ['sweep', input, '--runs', '5', '--shard', '0/2', '--out', input],
      ['convert', input, input],
    ];
    for (const argv of commands) {
      const { code, out, err } = await runParley(argv, { cwd: scratch });
      assert.equal(code, 2, argv.join(' '));
      assert.equal(out, '', argv.join(' '));
      assert.match(err, /the output file is the input file/u, argv.join(' '));
      assert.equal(readFileSync(input, 'utf8'), original, argv.join(' '));
    }
    // Relative to the cwd, the same file under another name.
    const relative = await runParley(['forecast', 'm.yaml', '--out', `./${'m.yaml'}`], { cwd: scratch });
    assert.equal(relative.code, 2);
    assert.equal(readFileSync(input, 'utf8'), original);
  });

  it('is refused by merge when --out names one of the parts', async () => {
    copyFileSync(fromRepo('examples', 'backchannel-2024.yaml'), join(scratch, 'm.yaml'));
    const parts = [0, 1].map((index) => join(scratch, `part-${index}.json`));
    for (const [index, part] of parts.entries()) {
      const { code, err } = await runParley(['sweep', 'm.yaml', '--runs', '4', '--shard', `${index}/2`, '--out', part], { cwd: scratch });
      assert.equal(code, 0, err);
    }
    const before = readFileSync(parts[1]!, 'utf8');
    const { code, err } = await runParley(['merge', ...parts, '--out', parts[1]!], { cwd: scratch });
    assert.equal(code, 2);
    assert.match(err, /part-1\.json: the output file is the input file/u);
    assert.equal(readFileSync(parts[1]!, 'utf8'), before);
  });
});
