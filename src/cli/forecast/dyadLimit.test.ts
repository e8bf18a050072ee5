import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runModel } from '../../models/registry.js';
import { serializeScenario } from '../../scenario/write.js';
import { loadScenario } from '../../../tests/support/eumTesting.js';
import { fromRepo } from '../../../tests/support/paths.js';
import { runParley } from '../../../tests/support/runParley.js';
import { randomScenario } from '../../../bench/randomScenario.js';
import { checkDyadLimit, DYAD_LIMIT, dyadCount } from './dyadLimit.js';
import { planRuns } from '../../analysis/forecastPlan.js';

describe('parley forecast --dyads: streamed JSON and the dyad limit', () => {
  for (const example of ['backchannel-2024.yaml', 'backchannel-2024-channels.yaml']) {
    it(`--dyads --json on ${example} is JSON.stringify of the forecast, to the character`, async () => {
      const { code, out, err } = await runParley(['forecast', `examples/${example}`, '--model', 'eum', '--dyads', '--json', '--no-answer']);
      assert.equal(code, 0, err);
      const forecast = runModel('eum', loadScenario(fromRepo('examples', example)), { options: { dyads: true } });
      assert.equal(out, `${JSON.stringify(forecast, null, 2)}\n`);
      assert.deepEqual(JSON.parse(out), JSON.parse(JSON.stringify(forecast)));
    });
  }

  it('--out writes the same text as stdout', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parley-dyads-'));
    try {
      const out = join(folder, 'forecast.json');
      const written = await runParley(['forecast', 'examples/backchannel-2024.yaml', '--dyads', '--json', '--out', out]);
      assert.equal(written.code, 0, written.err);
      const printed = await runParley(['forecast', 'examples/backchannel-2024.yaml', '--dyads', '--json']);
      assert.equal(readFileSync(out, 'utf8').replace(/"parley": "[^"]*"/u, ''), printed.out.replace(/"parley": "[^"]*"/u, ''));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it(`refuses, before computing, more than ${DYAD_LIMIT.toLocaleString('en')} dyads (exit 2, a clear message)`, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parley-dyads-'));
    try {
      const file = join(folder, 'big.yaml');
      writeFileSync(file, serializeScenario(randomScenario(1_001, 1), 'yaml'));
      const { code, out, err } = await runParley(['forecast', file, '--model', 'eum', '--dyads', '--rounds', '10', '--json']);
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.match(err, /--dyads would keep 10,010,000 dyads .*more than the 10,000,000 Parley writes \(≈ 350 bytes of JSON each\): ask for fewer rounds \(--rounds\)/u);
      // n = 1,000 × 10 rounds (issue 16's case) is written.
      const scenario = randomScenario(1_000, 1);
      assert.equal(dyadCount(scenario, planRuns({ model: 'eum', dyads: true, rounds: 10 })), 10 * 1_000 * 999);
      assert.doesNotThrow(() => checkDyadLimit(scenario, planRuns({ model: 'eum', dyads: true, rounds: 10 })));
      assert.equal(dyadCount(scenario, planRuns({ model: 'all', rounds: 8 })), 0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
