/**
 * `parley explain` computes only the asked actor's dyads and stops at `--round` (issue 16 item 3); its
 * output is unchanged: every call of cases.ts prints exactly what expected.json recorded before.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../src/cli/run.js';
import { memoryIo } from '../../src/cli/io.js';
import { serializeScenario } from '../../src/scenario/write.js';
import { fromRepo } from '../support/paths.js';
import { explainCases, gridScenario, randomCaseScenario } from './cases.js';

interface Recorded {
  args: string[];
  code: number;
  out: string;
  err: string;
}

const expected = JSON.parse(readFileSync(fromRepo('tests', 'explainCompute', 'expected.json'), 'utf8')) as Recorded[];
const folder = mkdtempSync(join(tmpdir(), 'parley-explain-'));
const files: Record<string, string> = { '{random}': join(folder, 'random.yaml'), '{grid}': join(folder, 'grid.yaml') };
writeFileSync(files['{random}']!, serializeScenario(randomCaseScenario(), 'yaml'));
writeFileSync(files['{grid}']!, serializeScenario(gridScenario(), 'yaml'));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('parley explain prints what it printed when it computed every dyad', () => {
  it('has a recording for every case', () => {
    assert.deepEqual(expected.map((recorded) => recorded.args), explainCases().map((entry) => entry.args));
  });
  for (const recorded of expected) {
    it(recorded.args.join(' '), async () => {
      const io = memoryIo({ cwd: fromRepo() });
      const code = await runCli(['explain', ...recorded.args.map((arg) => files[arg] ?? arg)], io);
      assert.equal(code, recorded.code);
      assert.equal(io.out(), recorded.out);
      assert.equal(io.err(), recorded.err);
    });
  }
});
