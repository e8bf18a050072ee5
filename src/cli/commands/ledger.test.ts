import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { LedgerScore } from '../../analysis/ledger/entries.js';
import { fromRepo } from '../../../tests/support/paths.js';
import { runParley } from '../../../tests/support/runParley.js';

const example = 'examples/backchannel-2024.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'parley-ledger-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const db = join(scratch, 'ledger.db');

describe('parley ledger', () => {
  it('add seals one entry per issue with the hash, version and probabilities', async () => {
    const { code, out, err } = await runParley(['ledger', 'add', example, '--db', db]);
    assert.equal(code, 0, err);
    assert.match(out, /^sealed #1: settlement forecast [\d.]+ \(.+\); P\(outcome > 50\.0, the scale midpoint\) [\d.]+ %$/mu);
    assert.match(out, /^sealed #2: talks /mu);
    const raw = new Database(db, { readonly: true });
    const row = raw.prepare('SELECT scenario_hash, parley_version, quantiles FROM ledger_entries WHERE id = 2').get() as { scenario_hash: string; parley_version: string; quantiles: string };
    raw.close();
    assert.match(row.scenario_hash, /^[0-9a-f]{64}$/u);
    assert.equal((JSON.parse(row.quantiles) as number[]).length, 99);
  });

  it('a sealed entry cannot be edited or deleted, nor a resolution changed', async () => {
    const raw = new Database(db);
    assert.throws(() => raw.prepare('UPDATE ledger_entries SET forecast = 99 WHERE id = 1').run(), /sealed: they cannot be edited/u);
    assert.throws(() => raw.prepare('DELETE FROM ledger_entries WHERE id = 1').run(), /sealed: they cannot be deleted/u);
    raw.close();
  });

  it('resolve records the outcome once; unknown, repeated or off-scale resolutions exit 2 and write nothing', async () => {
    const first = await runParley(['ledger', 'resolve', '2', '--outcome', '45', '--db', db]);
    assert.equal(first.code, 0, first.err);
    for (const [args, message] of [
      [['2', '--outcome', '60'], /ledger entry 2 is already resolved \(outcome 45/u],
      [['7', '--outcome', '60'], /no ledger entry 7/u],
      [['1', '--outcome', '150'], /outcome 150 is outside issue "settlement"'s scale \[0, 100\]/u],
      [['1', '--outcome', 'high'], /outcome: expected a number, got "high"/u],
    ] as const) {
      const result = await runParley(['ledger', 'resolve', ...args, '--db', db]);
      assert.equal(result.code, 2, result.err);
      assert.match(result.err, message);
    }
    const raw = new Database(db);
    assert.deepEqual(raw.prepare('SELECT entry_id, outcome FROM ledger_resolutions').all(), [{ entry_id: 2, outcome: 45 }]);
    assert.throws(() => raw.prepare('UPDATE ledger_resolutions SET outcome = 60').run(), /resolution is final/u);
    raw.close();
  });

  it('score prints Brier and CRPS per forecast and overall, with calibration bins', async () => {
    const { code, out } = await runParley(['ledger', 'score', '--db', db, '--json']);
    assert.equal(code, 0);
    const score = JSON.parse(out) as LedgerScore;
    assert.equal(score.entries.length, 1);
    const [entry] = score.entries;
    const p = entry!.probabilities[0]!;
    assert.equal(p.happened, false); // 45 is not above the midpoint 50
    assert.equal(p.brier, p.probability ** 2);
    assert.ok(entry!.crps > 0 && entry!.crps < 20, String(entry!.crps));
    assert.deepEqual(score.overall, { resolved: 1, open: 1, crpsShare: entry!.crps / 100, brier: p.brier });
    assert.equal(score.calibration.length, 10);
    const table = await runParley(['ledger', 'score', '--db', db]);
    assert.match(table.out, /^Overall: 1 resolved, 1 open; mean CRPS\/width [\d.]+, mean Brier [\d.]+$/mu);
    assert.match(table.out, /^Calibration \(every probability, ten bins\):$/mu);
  });

  it('add seals every question\'s probability, and score grades it against the outcome', async () => {
    const withQuestions = join(scratch, 'questions.yaml');
    const questions = `questions:\n  - id: talks-50\n    text: Will talks reach 50?\n    issue: talks\n    threshold: 50\n    direction: at-least\n    deadline: 6\n`;
    writeFileSync(withQuestions, `${readFileSync(fromRepo(example), 'utf8')}${questions}`);
    const other = join(scratch, 'questions.db');
    const { code, out, err } = await runParley(['ledger', 'add', withQuestions, '--db', other]);
    assert.equal(code, 0, err);
    assert.match(out, /^sealed #2: talks .*; talks-50 [\d.]+ %$/mu);
    assert.equal((await runParley(['ledger', 'resolve', '2', '--outcome', '50', '--db', other])).code, 0);
    const score = JSON.parse((await runParley(['ledger', 'score', '--db', other, '--json'])).out) as LedgerScore;
    const [reference, question] = score.entries[0]!.probabilities;
    assert.deepEqual([reference!.happened, question!.label, question!.happened], [false, 'Will talks reach 50?', true]);
    assert.equal(question!.brier, (question!.probability - 1) ** 2);
  });

  it('resolve and score on a missing store exit 2 without creating it', async () => {
    const missing = join(scratch, 'missing.db');
    assert.equal((await runParley(['ledger', 'score', '--db', missing])).code, 2);
    assert.equal((await runParley(['ledger', 'resolve', '1', '--outcome', '3', '--db', missing])).code, 2);
    assert.equal(existsSync(missing), false);
  });
});
