/**
 * The SMP working in one preallocated workspace per run (issue 16, item 4: peak RSS flat in the number
 * of turns) against the SMP as it was before: the same forecast to the bit on 312 seeded random cases
 * (tests/support/smpCases.ts: every KTAB parameter, ideal adjustment, stochastic runs, long runs that
 * replay cycles, 20–40 actors). The previous engine's forecasts are kept as fingerprints
 * (tests/fixtures/smp-previous-engine.json, SHA-256 of each forecast's exact JSON, −0 kept apart),
 * recorded from the SMP of commit a6f1d46 with these cases; a case that changes must be re-checked
 * against that engine, never re-recorded blindly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { forecastFingerprint } from './support/forecastFingerprint.js';
import { fromRepo } from './support/paths.js';
import { smpCases } from './support/smpCases.js';
import { smpModel } from '../src/models/smp/smp.js';

const recorded = (): Record<string, string[]> => JSON.parse(readFileSync(fromRepo('tests', 'fixtures', 'smp-previous-engine.json'), 'utf8')) as Record<string, string[]>;

const titles = { random: 'random scenarios, every KTAB parameter', larger: '20–40 actors' } as const;

for (const group of ['random', 'larger'] as const) {
  test(`SMP in a workspace equals the previous SMP bit for bit (${titles[group]})`, () => {
    const expected = recorded()[group]!;
    const list = smpCases()[group];
    assert.equal(list.length, expected.length);
    list.forEach(([scenario, options], index) => {
      const forecast = smpModel.run(scenario, smpModel.optionsSchema.parse(options));
      assert.equal(forecastFingerprint(forecast), expected[index], `${group} case ${index}: ${JSON.stringify(options)}`);
    });
  });
}
