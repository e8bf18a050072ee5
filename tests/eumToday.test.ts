/**
 * The O(n)-memory EUM (probabilities computed one row at a time inside the passes, no n × n tables;
 * issue 16) against a copy of the engine as it was before (tests/support/eumToday/): the same forecast
 * to the bit (deepStrictEqual compares numbers with Object.is) on random scenarios, every preset, with
 * and without dyads, with and without channels, and with the options that change the passes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { arbitraryScenario } from './support/arbitraries.js';
import { eumModel } from '../src/models/eum/eum.js';
import { eumModel as eumToday } from './support/eumToday/eum.js';
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

function both(scenario: Scenario, options: Record<string, unknown>) {
  const { preset, variant, ...rest } = options as { preset: string; variant: Record<string, unknown> };
  const run = (model: typeof eumModel) => model.run(scenario, model.optionsSchema.parse({ ...model.presets[preset]!.options, ...rest, ...variant }));
  return { now: run(eumModel), today: run(eumToday as unknown as typeof eumModel) };
}

test('O(n)-memory EUM equals the previous engine bit for bit (random scenarios, every preset, with and without dyads)', () => {
  fc.assert(
    fc.property(arbitraryScenario({ maxActors: 9 }), arbitraryOptions, (scenario, options) => {
      const { now, today } = both(scenario, options);
      assert.deepStrictEqual(now, today);
    }),
    { numRuns: 300, seed: 16 },
  );
});

test('O(n)-memory EUM equals the previous engine bit for bit with channels', () => {
  fc.assert(
    fc.property(arbitraryScenario({ maxActors: 8, issues: 1 }), fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 30 }), arbitraryOptions, (scenario, picks, options) => {
      const { now, today } = both(withChannels(scenario, picks), options);
      assert.deepStrictEqual(now, today);
    }),
    { numRuns: 200, seed: 17 },
  );
});

test('O(n)-memory EUM equals the previous engine bit for bit at n = 60 with many ties', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 10 })), { minLength: 60, maxLength: 60 }), arbitraryOptions, (rows, options) => {
      const scenario: Scenario = {
        title: 'ties',
        salienceScale: 1,
        issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
        actors: rows.map(([position, capability, salience], index) => ({ id: `a${index}`, capability, stances: { x: { position: position * 5, salience: salience / 10 } } })),
      };
      const { now, today } = both(scenario, options);
      assert.deepStrictEqual(now, today);
    }),
    { numRuns: 30, seed: 18 },
  );
});
