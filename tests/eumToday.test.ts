/**
 * The O(n)-memory EUM (probabilities computed one row at a time inside the passes, no n × n tables;
 * issue 16) against the engine as it was before: the same forecast to the bit on 530 seeded random
 * cases — every preset, with and without dyads, with and without channels, the options that change
 * the passes, and n = 60 with many ties. The previous engine's forecasts are kept as fingerprints
 * (tests/fixtures/eum-previous-engine.json: SHA-256 of each forecast's exact JSON, −0 kept apart),
 * recorded from the engine of commit 9240b93 (its copy was tests/support/eumToday/) with the cases
 * below; a case that changes must be re-checked against that engine, never re-recorded blindly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { arbitraryScenario } from './support/arbitraries.js';
import { forecastFingerprint as fingerprint } from './support/forecastFingerprint.js';
import { fromRepo } from './support/paths.js';
import { eumModel } from '../src/models/eum/eum.js';
import type { Forecast } from '../src/models/model.js';
import type { Scenario } from '../src/scenario/schema.js';

const presets = Object.keys(eumModel.presets);

const arbitraryOptions = fc.record({
  preset: fc.constantFrom(...presets),
  rounds: fc.integer({ min: 1, max: 5 }),
  dyads: fc.boolean(),
  variant: fc.constantFrom<Record<string, unknown>>({}, {}, { perspective: 'own' }, { Q: 0.7 }, { salienceInEu: 'as-printed' }, { range: 'current' }, { offerChoice: 'highest-eu' }),
});

/** Channels on some pairs (private with a leak, or closed) and audience costs: the channel path of the passes. */
function withChannels(scenario: Scenario, picks: number[]): Scenario {
  const ids = scenario.actors.map((actor) => actor.id);
  const channels: NonNullable<Scenario['channels']> = [];
  let k = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const pick = picks[k++ % picks.length]!;
      if (pick < 4) channels.push({ between: [ids[i]!, ids[j]!], channel: 'private', leak: pick / 4 });
      else if (pick === 4) channels.push({ between: [ids[i]!, ids[j]!], channel: 'closed' });
    }
  return {
    ...scenario,
    channels,
    actors: scenario.actors.map((actor, index) => ({
      ...actor,
      stances: Object.fromEntries(Object.entries(actor.stances).map(([issue, stance]) => [issue, { ...stance, audienceCost: (picks[index % picks.length]! % 3) / 10 }])),
    })),
  };
}

/** Runs the EUM on one case: the preset's options, then the case's own. */
function runCase(model: typeof eumModel, scenario: Scenario, options: Record<string, unknown>): Forecast {
  const { preset, variant, ...rest } = options as { preset: string; variant: Record<string, unknown> };
  return model.run(scenario, model.optionsSchema.parse({ ...model.presets[preset]!.options, ...rest, ...variant }));
}

const tiesScenario = (rows: Array<[number, number, number]>): Scenario => ({
  title: 'ties',
  salienceScale: 1,
  issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
  actors: rows.map(([position, capability, salience], index) => ({ id: `a${index}`, capability, stances: { x: { position: position * 5, salience: salience / 10 } } })),
});

/** The cases, in a fixed order: the same for any run (seeded samples). */
function cases(): Record<'random' | 'channels' | 'ties', Array<[Scenario, Record<string, unknown>]>> {
  return {
    random: fc.sample(fc.tuple(arbitraryScenario({ maxActors: 9 }), arbitraryOptions), { numRuns: 300, seed: 16 }),
    channels: fc
      .sample(fc.tuple(arbitraryScenario({ maxActors: 8, issues: 1 }), fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 30 }), arbitraryOptions), { numRuns: 200, seed: 17 })
      .map(([scenario, picks, options]) => [withChannels(scenario, picks), options]),
    ties: fc
      .sample(fc.tuple(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 10 })), { minLength: 60, maxLength: 60 }), arbitraryOptions), { numRuns: 30, seed: 18 })
      .map(([rows, options]) => [tiesScenario(rows), options]),
  };
}

const recorded = (): Record<string, string[]> => JSON.parse(readFileSync(fromRepo('tests', 'fixtures', 'eum-previous-engine.json'), 'utf8')) as Record<string, string[]>;

const titles = {
  random: 'random scenarios, every preset, with and without dyads',
  channels: 'with channels',
  ties: 'at n = 60 with many ties',
} as const;

for (const group of ['random', 'channels', 'ties'] as const) {
  test(`O(n)-memory EUM equals the previous engine bit for bit (${titles[group]})`, () => {
    const expected = recorded()[group]!;
    const list = cases()[group];
    assert.equal(list.length, expected.length);
    list.forEach(([scenario, options], index) => {
      assert.equal(fingerprint(runCase(eumModel, scenario, options)), expected[index], `${group} case ${index}: ${JSON.stringify(options)}`);
    });
  });
}
