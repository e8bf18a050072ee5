import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fromRepo } from '../../../tests/support/paths.js';
import { runParley } from '../../../tests/support/runParley.js';

const scratch = mkdtempSync(join(tmpdir(), 'parley-backtest-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const quick = ['backtest', '--models', 'weighted-mean', '--replicates', '100', '--folds', '3'];

describe('parley backtest', () => {
  it('prints the table with the published compromise-model MAE and its interval', async () => {
    const { code, out, err } = await runParley(quick);
    assert.equal(code, 0, err);
    assert.match(out, /351 scoreable issues in 137 proposals/);
    assert.match(out, /\nweighted-mean +model +23\.64 \[\d+\.\d\d, \d+\.\d\d\]/);
    assert.match(out, /\nmedian-position +baseline +28\.37 /);
    assert.match(out, /does not beat|beats|not a demonstrated improvement/);
  });

  it('prints JSON with an interval per metric and the paired difference', async () => {
    const { code, out } = await runParley([...quick, '--json', '--subset', 'cod', '--capability', 'council-ssi']);
    assert.equal(code, 0);
    const result = JSON.parse(out) as { issues: number; rows: Array<{ id: string; metrics: { mae: { value: number; low: number; high: number } } }> };
    assert.equal(result.issues, 205);
    const row = result.rows.find((candidate) => candidate.id === 'weighted-mean')!;
    assert.ok(row.metrics.mae.low <= row.metrics.mae.value && row.metrics.mae.value <= row.metrics.mae.high);
  });

  it('gives the same result, byte for byte, with the model runs on worker threads', async () => {
    const args = ['backtest', '--models', 'smp,eum:default,nash:default', '--subset', 'cns', '--replicates', '100', '--folds', '3', '--json'];
    const inMain = await runParley([...args, '--workers', '1']);
    assert.equal(inMain.code, 0, inMain.err);
    const onWorkers = await runParley([...args, '--workers', '2']);
    assert.equal(onWorkers.code, 0, onWorkers.err);
    assert.equal(onWorkers.out, inMain.out);
    assert.equal(onWorkers.err, inMain.err);
  });

  it('refuses --institutions without --capability council-ssi, where it would be ignored', async () => {
    const { code, out, err } = await runParley(['backtest', '--institutions', 'zero']);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^parley backtest: --institutions sets the Commission's and Parliament's capability under --capability council-ssi/u);
  });

  it('refuses an --out that is one of the data set\'s files', async () => {
    const data = mkdtempSync(join(scratch, 'data-'));
    for (const name of ['deu3_issues.csv', 'deu3_positions.csv', 'council_qmv_weights.csv', 'lisbon_population_shares.csv']) copyFileSync(fromRepo('data', 'deu3', name), join(data, name));
    const { code, err } = await runParley(['backtest', '--data', data, '--out', join(data, 'deu3_positions.csv')]);
    assert.equal(code, 2);
    assert.match(err, /deu3_positions\.csv: the output file is the input file/u);
  });

  it('exits 2 on an unknown model, rule, subset or data set, and on missing or corrupt files', async () => {
    for (const args of [
      ['--models', 'oracle'],
      ['--capability', 'gdp'],
      ['--capability', 'council-ssi', '--institutions', 'council'],
      ['--subset', 'nordic'],
      ['--dataset', 'deu9'],
      ['--data', join(scratch, 'missing')],
    ]) {
      const { code, err } = await runParley(['backtest', ...args]);
      assert.equal(code, 2, args.join(' '));
      assert.doesNotMatch(err, /at .*\.js:\d+/u, 'no stack trace');
    }
    for (const name of ['deu3_issues.csv', 'deu3_positions.csv', 'council_qmv_weights.csv', 'lisbon_population_shares.csv']) {
      copyFileSync(fromRepo('data', 'deu3', name), join(scratch, name));
    }
    writeFileSync(join(scratch, 'deu3_issues.csv'), 'issue_id,outcome\nd1,"unterminated\n');
    const { code, err } = await runParley(['backtest', '--data', scratch]);
    assert.equal(code, 2);
    assert.match(err, /deu3_issues\.csv:2: /);
  });
});
