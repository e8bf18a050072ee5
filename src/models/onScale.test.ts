/** Outcomes and round values never leave the issue's scale, even by the ulp rounding adds (issue 14, item 9). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScenario } from '../scenario/parse.js';
import { runModel } from './registry.js';

test("EUM's rounds stay on [0, 10] where rounding made 10.000000000000002 (a fuzz case)", () => {
  const { scenario } = parseScenario('actor,capability,position,salience\nactor-1,99,10,8\nactor-2,0.065241,0,32\nactor-3,2,0,39\n', { file: 'single.csv' });
  const issue = runModel('eum', scenario).issues[0]!;
  const values = issue.rounds.flatMap((round) => [round.median, round.mean, ...Object.values(round.positions)]);
  assert.ok(values.some((value) => value === 10));
  for (const value of [issue.outcome, ...values]) assert.ok(value >= 0 && value <= 10, String(value));
});
