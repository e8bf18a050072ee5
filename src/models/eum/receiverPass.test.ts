/**
 * The receiver-by-receiver pass (dyads not kept) against the pass that reads every dyad (dyads kept):
 * the same positions, moves and holds to the bit, with channels that make many receivers refuse every
 * offer (audience costs, red lines at or near the actor's position, distrust, private and closed pairs),
 * at sizes where the search gives up (more than SEARCH_LIMIT proposers) and falls back on folding every
 * offer, reusing the views it evaluated.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Scenario } from '../../scenario/schema.js';
import type { Forecast } from '../model.js';
import { eumModel } from './eum.js';

interface Setting {
  position: number;
  capability: number;
  salience: number;
  audienceCost: number;
  /** 0: none; 1: at the position; 2: 10 points from it. */
  redLine: 0 | 1 | 2;
}

const arbitrarySetting: fc.Arbitrary<Setting> = fc.record({
  position: fc.oneof(fc.integer({ min: 0, max: 20 }).map((k) => k * 5), fc.integer({ min: 0, max: 1000 }).map((k) => k / 10)),
  capability: fc.integer({ min: 1, max: 100 }),
  salience: fc.integer({ min: 1, max: 10 }).map((k) => k / 10),
  audienceCost: fc.constantFrom(0, 0, 0.02, 0.05, 0.2),
  redLine: fc.constantFrom<0 | 1 | 2>(0, 0, 1, 2),
});

function scenarioOf(settings: Setting[], trust: number, pairs: number[]): Scenario {
  const ids = settings.map((_, index) => `a${index}`);
  const channels: NonNullable<Scenario['channels']> = [];
  pairs.forEach((pick, k) => {
    const i = k % ids.length;
    const j = (i + 1 + (pick % 7)) % ids.length;
    if (i === j) return;
    channels.push(pick % 3 === 0 ? { between: [ids[i]!, ids[j]!], channel: 'closed' } : { between: [ids[i]!, ids[j]!], channel: 'private', leak: (pick % 5) / 4 });
  });
  return {
    title: 'receiver pass',
    salienceScale: 1,
    issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
    trust: { prior: { mean: trust, strength: 2 } },
    channels,
    actors: settings.map((setting, index) => {
      const upper = setting.position >= 50;
      const offset = setting.redLine === 1 ? 0 : 10;
      const commitment = setting.redLine === 0 ? undefined : upper ? { atLeast: Math.max(0, setting.position - offset), cost: 1 } : { atMost: Math.min(100, setting.position + offset), cost: 0.5 };
      return {
        id: ids[index]!,
        capability: setting.capability,
        stances: { x: { position: setting.position, salience: setting.salience, audienceCost: setting.audienceCost, ...(commitment ? { commitment } : {}) } },
      };
    }),
  };
}

/** Every round's positions, moves and holds (what the two passes must agree on). */
const trace = (forecast: Forecast) => forecast.issues[0]!.rounds.map((round) => ({ positions: round.positions, median: round.median, moves: round.moves, holds: round.holds }));

describe('the receiver pass equals the pass over every dyad (channels, search fallback)', () => {
  for (const preset of ['default', 'scholz2011-code']) {
    it(`${preset}: 2–90 actors, many holding receivers`, () => {
      fc.assert(
        fc.property(
          fc.array(arbitrarySetting, { minLength: 2, maxLength: 90 }),
          fc.constantFrom(1, 0.8, 0.3),
          fc.array(fc.nat({ max: 100 }), { maxLength: 40 }),
          (settings, trust, pairs) => {
            const scenario = scenarioOf(settings, trust, pairs);
            const options = { ...eumModel.presets[preset]!.options, rounds: 4 };
            const lean = eumModel.run(scenario, eumModel.optionsSchema.parse(options));
            const full = eumModel.run(scenario, eumModel.optionsSchema.parse({ ...options, dyads: true }));
            assert.deepEqual(trace(lean), trace(full));
          },
        ),
        { seed: 23, numRuns: 60 },
      );
    });
  }
});
