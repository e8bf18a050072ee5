/**
 * One EUM run never sees another's state: a run that meets NaN (a scenario that bypassed validation,
 * through the library) leaves the next runs of the same size exactly as they were (issue 14, item 7).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromRepo } from '../../../tests/support/paths.js';
import { parseScenario } from '../../scenario/parse.js';
import type { Scenario } from '../../scenario/schema.js';
import { runModel } from '../registry.js';

const { scenario } = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024.yaml'), 'utf8'), { file: 'backchannel-2024.yaml' });

function poisoned(base: Scenario): Scenario {
  const nan = (stances: Scenario['actors'][number]['stances']) => Object.fromEntries(Object.entries(stances).map(([issue, stance]) => [issue, { ...stance, position: Number.NaN, salience: Number.NaN }]));
  return { ...base, actors: base.actors.map((actor, index) => (index % 2 === 0 ? { ...actor, capability: Number.NaN, stances: nan(actor.stances) } : actor)) };
}

test('two identical EUM runs after a poisoned run of the same size are identical to the run before it', () => {
  for (const preset of ['default', 'scholz2011-code']) {
    const before = JSON.stringify(runModel('eum', scenario, { preset, options: { dyads: true } }));
    runModel('eum', poisoned(scenario), { preset, options: { dyads: true } });
    const first = JSON.stringify(runModel('eum', scenario, { preset, options: { dyads: true } }));
    const second = JSON.stringify(runModel('eum', scenario, { preset, options: { dyads: true } }));
    assert.equal(first, before, preset);
    assert.equal(second, before, preset);
  }
});
