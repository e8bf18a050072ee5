import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Advice } from '../../analysis/advise/index.js';
import { runParley } from '../../../tests/support/runParley.js';

const example = 'examples/backchannel-2024.yaml';

describe('parley advise', () => {
  it('prints flip points, the best move and why, in words', async () => {
    const { code, out, err } = await runParley(['advise', example, '--actor', 'us', '--issue', 'talks', '--goal', 'toward:50', '--levers', 'salience,channel', '--steps', '8']);
    assert.equal(code, 0, err);
    assert.match(out, /^Advice for United States \(administration\) on US–Russia negotiations \(model eum, preset default\)$/mu);
    assert.match(out, /Flip points/u);
    assert.match(out, /channel with Russia/u);
    assert.match(out, /^ {2}If United States/mu);
  });

  it('--json gives the documented shape', async () => {
    const { code, out } = await runParley(['advise', example, '--actor', 'us', '--issue', 'talks', '--goal', 'flip:eu', '--levers', 'salience', '--robust', '10', '--json']);
    assert.equal(code, 0);
    const advice = JSON.parse(out) as Advice;
    assert.deepEqual(advice.goal, { kind: 'flip', other: 'eu' });
    assert.equal(advice.levers.length, 1);
    assert.ok(advice.levers[0]!.flipPoint?.robustness);
  });

  it('bad requests exit 2 with the field named', async () => {
    for (const [args, pattern] of [
      [['--actor', 'us', '--issue', 'talks', '--goal', 'toward:500'], /goal: goal value 500 is outside/u],
      [['--actor', 'us', '--issue', 'talks', '--goal', 'flip:us'], /flip: names the advised actor itself/u],
      [['--actor', 'us', '--issue', 'talks', '--goal', 'toward:50', '--budget', '0'], /budget: expected a budget above 0/u],
      [['--actor', 'us', '--issue', 'talks', '--goal', 'toward:50', '--levers', 'bribe'], /levers: unknown lever "bribe"/u],
      [['--actor', 'us', '--issue', 'talks'], /--goal is required/u],
    ] as const) {
      const { code, err } = await runParley(['advise', example, ...args]);
      assert.equal(code, 2, err);
      assert.match(err, pattern);
      assert.doesNotMatch(err, /\n\s+at /u);
    }
  });
});
