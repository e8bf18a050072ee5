/**
 * The Scholz-code speed-ups (issue 16: the pruning of sides that cannot receive an offer, offerReach.ts,
 * and the probabilities computed only for the dyads that need them) against the engine as it was
 * before them: the same forecast to the bit on seeded random scenarios of 2–60 actors whose positions
 * tie often (coarse grids, duplicates), on every preset and the options that change the passes, with
 * and without dyads (all of them, or one actor's), and on a few scenarios of 150–400 actors with
 * continuous positions (there Scholz's P is tiny, most receivers can receive no offer, and the rounds
 * take the pair loop).
 *
 * The previous engine's forecasts are kept as fingerprints (tests/fixtures/eum-offer-reach.json:
 * SHA-256 of each forecast's exact JSON, −0 kept apart), recorded from the engine of commit a6f1d46
 * with `PARLEY_RECORD=1 node --import tsx --test tests/eumOfferReach.test.ts`. A case that changes
 * must be re-checked against that engine, never re-recorded blindly.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromRepo } from './support/paths.js';
import { eumModel } from '../src/models/eum/eum.js';
import type { Forecast } from '../src/models/model.js';
import type { Scenario } from '../src/scenario/schema.js';
import { createRandom } from '../src/math/random.js';

const fixture = fromRepo('tests', 'fixtures', 'eum-offer-reach.json');

/** SHA-256 of a forecast's JSON, with −0 written apart from 0 (JSON would merge them). */
function fingerprint(forecast: Forecast): string {
  const text = JSON.stringify(forecast, (_key, value: unknown) => (Object.is(value, -0) ? '-0' : value));
  return createHash('sha256').update(text).digest('hex');
}

interface Case {
  scenario: Scenario;
  options: Record<string, unknown>;
}

/** n actors on 0–100: positions from a grid of `grid` + 1 points (0: continuous), capabilities 0–100, saliences 0–1 (0 and 1 sometimes). */
function scenarioOf(seed: number, n: number, grid: number): Scenario {
  const random = createRandom(seed);
  const position = () => (grid === 0 ? random.uniform(0, 100) : (100 * Math.floor(random.uniform(0, grid + 1))) / grid);
  const salience = () => {
    const pick = random.uniform(0, 1);
    return pick < 0.05 ? 0 : pick < 0.1 ? 1 : random.uniform(0, 1);
  };
  return {
    title: `reach ${seed}`,
    salienceScale: 1,
    issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
    actors: Array.from({ length: n }, (_, index) => ({
      id: `a${index}`,
      capability: random.uniform(0, 1) < 0.05 ? 0 : random.uniform(1, 100),
      stances: { x: { position: position(), salience: salience() } },
    })),
  };
}

const variants: Record<string, unknown>[] = [{}, {}, {}, { perspective: 'own' }, { Q: 0.7 }, { salienceInEu: 'as-printed' }, { range: 'current' }, { offerChoice: 'highest-eu' }, { offerChoice: 'least-move' }];

/** The cases, in a fixed order (seeded). */
function cases(): Case[] {
  const small = fc.sample(
    fc.record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      n: fc.integer({ min: 2, max: 60 }),
      grid: fc.constantFrom(2, 4, 10, 1000, 0),
      preset: fc.constantFrom('scholz2011-code', 'scholz2011-code', 'scholz2011-code', 'default', 'scholz2011-paper'),
      rounds: fc.integer({ min: 1, max: 4 }),
      dyads: fc.constantFrom('none', 'none', 'all', 'one'),
      variant: fc.constantFrom(...variants),
    }),
    { numRuns: 240, seed: 1616 },
  );
  const large = [150, 220, 300, 400].flatMap((n, index) => [
    { seed: 500 + index, n, grid: 0, preset: 'scholz2011-code', rounds: 2, dyads: 'none', variant: {} },
    { seed: 600 + index, n, grid: index % 2 === 0 ? 0 : 1000, preset: 'scholz2011-code', rounds: 1, dyads: index % 2 === 0 ? 'one' : 'none', variant: {} },
  ]);
  return [...small, ...large].map(({ seed, n, grid, preset, rounds, dyads, variant }) => {
    const scenario = scenarioOf(seed, n, grid);
    const dyadOptions = dyads === 'none' ? {} : dyads === 'all' ? { dyads: true } : { dyads: true, dyadsOf: `a${seed % n}` };
    return { scenario, options: { ...eumModel.presets[preset]!.options, rounds, ...dyadOptions, ...variant } };
  });
}

const run = ({ scenario, options }: Case): Forecast => eumModel.run(scenario, eumModel.optionsSchema.parse(options));

if (process.env.PARLEY_RECORD === '1') writeFileSync(fixture, `${JSON.stringify(cases().map((one) => fingerprint(run(one))), null, 1)}\n`);

test('Scholz-code speed-ups: the same forecasts to the bit as the engine before them (2–60 actors with ties, and 150–400 actors)', () => {
  const expected = JSON.parse(readFileSync(fixture, 'utf8')) as string[];
  const list = cases();
  assert.equal(list.length, expected.length);
  list.forEach((one, index) => assert.equal(fingerprint(run(one)), expected[index], `case ${index}: ${one.scenario.actors.length} actors, ${JSON.stringify(one.options)}`));
});
