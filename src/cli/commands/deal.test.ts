import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { DealResult } from '../../analysis/deal/types.js';
import { runParley } from '../../../tests/support/runParley.js';

const example = 'examples/backchannel-2024-channels.yaml';

describe('parley deal', () => {
  it('says in words why Russia refuses the private request and why the settlement has no overlap', async () => {
    const { code, out, err } = await runParley(['deal', example]);
    assert.equal(code, 0, err);
    assert.match(out, /^settlement \(veto players Russia, Ukraine; public table\): P\(agreement by 28 Jan 2025\) = 0\.00; no agreement in any branch\.$/mu);
    assert.match(out, /Now \(28 Jan 2024\): no deal — Russia accepts nothing below 82\.2 \(without its red line 82\.2; with full trust 71\.1; without audience costs 78\.4\) and Ukraine nothing above 21\.4/u);
    assert.match(out, /Russia refuses the US private request for dialogue \(talks at 75\.0, private channel\) because it is worth −0\.241 a year to Russia against no deal: −0\.143 from the terms themselves/u);
    assert.match(out, /\[all branches\] Russia holds out now \(28 Jan 2024\) against a deal at 60\.2: accepting is worth −0\.1733 a year to it, waiting −0\.1057 a year \(as steady flows\); it expects with probability 0\.45 an agreement at 76\.8 on average, around Nov 2024/u);
  });

  it('--json --issue writes the parley.deal-result of one issue, atomically with --out', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parley-deal-'));
    try {
      const out = join(folder, 'deal.json');
      const { code, err } = await runParley(['deal', example, '--issue', 'talks', '--json', '--out', out]);
      assert.equal(code, 0, err);
      const result = JSON.parse(readFileSync(out, 'utf8')) as DealResult;
      assert.equal(result.format, 'parley.deal-result');
      assert.equal(result.version, 1);
      assert.deepEqual(result.issues.map((issue) => issue.issue), ['talks']);
      assert.deepEqual(result.issues[0]!.members, ['us', 'russia']);
      assert.equal(result.issues[0]!.leaves.length, 4);
      assert.equal(result.issues[0]!.leaves[0]!.rows.length, 13);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exits 2 naming the issue without a status quo, an unknown issue, or a bad --loss', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parley-deal-'));
    try {
      const file = join(folder, 'nosq.yaml');
      writeFileSync(file, 'title: t\nissues:\n  - id: q\nactors:\n  - id: a\n    capability: 1\n    stances: { q: { position: 0, salience: 50 } }\n  - id: b\n    capability: 1\n    stances: { q: { position: 100, salience: 50 } }\n');
      const missing = await runParley(['deal', file]);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /issues\[0\]\.statusQuo: the deal analysis needs a status quo on issue "q"/u);
      const unknown = await runParley(['deal', example, '--issue', 'nope']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.err, /unknown issue "nope"/u);
      const loss = await runParley(['deal', example, '--loss', 'cubic']);
      assert.equal(loss.code, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
