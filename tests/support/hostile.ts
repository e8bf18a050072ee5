/**
 * fast-check arbitraries for hostile but valid scenarios (issue 14, items 9 and 11): the numbers the
 * ordinary arbitraries (arbitraries.ts) avoid on purpose — subnormal and near-floor capabilities and
 * saliences (5e-324, 1e-310, the smallest normal, 1e-300, 1e-200), huge capabilities and scales
 * (1e12, ±1e12), every actor equal, a single actor — so models, sweeps and advice meet them.
 * Every actor takes part in every issue; objects have the ordinary prototype.
 */
import fc from 'fast-check';
import type { Actor, Issue, Scale, Scenario, SalienceScale } from '../../src/scenario/schema.js';

/** Values at and below the weight floor (src/math/weightFloor.ts), and the subnormal range. */
export const tinyValues = [5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-200, 1e-160] as const;

export type HostileShape = 'subnormal' | 'huge' | 'equal' | 'one-actor';

const scales: Scale[] = [{ min: 0, max: 100 }, { min: 0, max: 1 }, { min: -5, max: 5 }, { min: -1e12, max: 1e12 }, { min: 0, max: 1e12 }];

function valueFor(shape: HostileShape, ordinary: readonly number[]): fc.Arbitrary<number> {
  const tiny = fc.constantFrom(...tinyValues);
  const usual = fc.constantFrom(...ordinary);
  return shape === 'subnormal' ? fc.oneof({ arbitrary: tiny, weight: 3 }, { arbitrary: usual, weight: 2 }) : fc.oneof(tiny, usual);
}

/** A hostile scenario of the given shape (or any shape). Some fail validation; callers skip those. */
export function arbitraryHostileScenario(shape?: HostileShape): fc.Arbitrary<{ shape: HostileShape; scenario: Scenario }> {
  const shapes: HostileShape[] = ['subnormal', 'huge', 'equal', 'one-actor'];
  return fc.constantFrom(...(shape ? [shape] : shapes)).chain((chosen) =>
    fc
      .record(
        {
          actorCount: chosen === 'one-actor' ? fc.constant(1) : fc.integer({ min: 2, max: 4 }),
          issueScales: fc.array(chosen === 'huge' ? fc.constantFrom(...scales.slice(3)) : fc.constantFrom(...scales), { minLength: 1, maxLength: 2 }),
          salienceScale: fc.constantFrom<SalienceScale>(1, 100),
          rows: fc.array(
            fc.record(
              {
                capability: chosen === 'huge' ? fc.constantFrom(1e12, 1e8, 1, 5e-324) : valueFor(chosen, [0, 1, 50, 1e8]),
                saliences: fc.array(valueFor(chosen, [0, 0.25, 0.5, 1]), { minLength: 2, maxLength: 2 }),
                places: fc.array(fc.constantFrom(0, 0.5, 1, 1e-300, 1 - 2 ** -52), { minLength: 2, maxLength: 2 }),
              },
              { noNullPrototype: true },
            ),
            { minLength: 4, maxLength: 4 },
          ),
        },
        { noNullPrototype: true },
      )
      .map(({ actorCount, issueScales, salienceScale, rows }) => {
        const issues: Issue[] = issueScales.map((scale, k) => ({ id: `issue-${k + 1}`, scale }));
        const actors: Actor[] = Array.from({ length: actorCount }, (_, a) => {
          const row = rows[chosen === 'equal' ? 0 : a]!;
          const stances: Actor['stances'] = {};
          issues.forEach((issue, k) => {
            const { min, max } = issue.scale;
            stances[issue.id] = { position: min + row.places[k]! * (max - min), salience: row.saliences[k]! * salienceScale };
          });
          return { id: `actor-${a + 1}`, capability: row.capability, stances };
        });
        return { shape: chosen, scenario: { title: 'Hostile scenario', salienceScale, issues, actors } };
      }),
  );
}
