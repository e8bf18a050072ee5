/**
 * fast-check arbitraries for random VALID scenarios, shared by every property test.
 *
 * What they generate (so a property holding here holds for the inputs users write):
 * - scales of many shapes: 0–100, 0–1, 4–10 (years, as in BDM's emission standards), −5–5, 1–10,
 *   and arbitrary [min, min + width] ranges;
 * - positions inside the scale, often drawn from a few grid points so ties are common, sometimes
 *   at the scale's ends, sometimes anywhere;
 * - capabilities ≥ 0 (zero sometimes), saliences within the declared `salienceScale` (0 and the
 *   maximum sometimes, so all-zero and all-maximal issues occur);
 * - an optional status quo inside the scale, an optional fixed risk exponent in [0.5, 2];
 * - in multi-issue scenarios an actor may sit out an issue, but every issue keeps at least
 *   `minActors` participants.
 * Objects have the ordinary prototype (fc.record may otherwise make null-prototype objects, which
 * structuredClone and JSON round trips do not preserve). Every value is finite, never −0 (JSON would turn −0 into 0 and break round-trip equality) and never
 * subnormal.
 */
import fc from 'fast-check';
import type { Actor, Issue, Scale, Scenario, SalienceScale, Stance } from '../../src/scenario/schema.js';

export interface ScenarioArbitraryOptions {
  /** Fewest actors taking part in each issue (default 2; 1 makes single-actor issues possible). */
  minActors?: number;
  /** Most actors in the scenario (default 8). */
  maxActors?: number;
  /** How many issues: a number, or a range (default 1–3). */
  issues?: number | { min: number; max: number };
  /** Whether an actor may sit out an issue (default true when there is more than one issue). */
  partialParticipation?: boolean;
}

/** Turns −0 into +0 (x + 0 is +0 for x = −0 and x otherwise). */
const positiveZero = (value: number): number => value + 0;

/**
 * A number in [min, max] at a resolution of a millionth of the range, never −0. Not fc.double: its
 * subnormals (5e-324) test floating-point underflow, not negotiation models; inputs people write
 * have a few significant digits.
 */
function boundedDouble(min: number, max: number): fc.Arbitrary<number> {
  const steps = 1_000_000;
  return fc.integer({ min: 0, max: steps }).map((k) => (k === steps ? max : Math.min(max, positiveZero(min + ((max - min) * k) / steps))));
}

/** Scales people use, plus arbitrary ones. */
export function arbitraryScale(): fc.Arbitrary<Scale> {
  const common = fc.constantFrom<Scale>(
    { min: 0, max: 100 },
    { min: 0, max: 1 },
    { min: 4, max: 10 },
    { min: -5, max: 5 },
    { min: 1, max: 10 },
    { min: 0, max: 10 },
  );
  const arbitrary = fc
    .record({ min: fc.integer({ min: -1000, max: 1000 }), width: fc.oneof(fc.integer({ min: 1, max: 1000 }), boundedDouble(0.001, 50)) }, { noNullPrototype: true })
    .map(({ min, width }) => ({ min, max: min + width }))
    .filter((scale) => scale.max > scale.min);
  const labelled = fc
    .tuple(common, fc.constantFrom('no deal', 'ceasefire now', 'status quo'), fc.constantFrom('full terms', 'maximal demands'))
    .map(([scale, minLabel, maxLabel]) => ({ ...scale, minLabel, maxLabel }));
  return fc.oneof({ arbitrary: common, weight: 4 }, { arbitrary, weight: 2 }, { arbitrary: labelled, weight: 1 });
}

/**
 * Positions on a scale. Drawn from a coarse grid (3 or 5 points: ties likely), a fine grid, the ends,
 * or anywhere in the range.
 */
export function arbitraryPosition(scale: Scale): fc.Arbitrary<number> {
  const { min, max } = scale;
  const onGrid = (steps: number) => fc.integer({ min: 0, max: steps }).map((k) => (k === steps ? max : positiveZero(min + ((max - min) * k) / steps)));
  return fc.oneof(
    { arbitrary: onGrid(2), weight: 3 },
    { arbitrary: onGrid(4), weight: 2 },
    { arbitrary: onGrid(1000), weight: 2 },
    { arbitrary: fc.constantFrom(min, max), weight: 1 },
    { arbitrary: boundedDouble(min, max), weight: 2 },
  );
}

/** Capabilities ≥ 0: zero sometimes, small integers, shares of 1, large values. */
export function arbitraryCapability(): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.constant(0), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 100 }), weight: 4 },
    { arbitrary: boundedDouble(0, 1), weight: 2 },
    { arbitrary: boundedDouble(0, 1e6), weight: 1 },
  );
}

/** Saliences within [0, salienceScale]: 0 and the maximum sometimes, round and arbitrary values. */
export function arbitrarySalience(salienceScale: SalienceScale): fc.Arbitrary<number> {
  const round = salienceScale === 100 ? fc.integer({ min: 0, max: 100 }) : fc.integer({ min: 0, max: 20 }).map((k) => k / 20);
  return fc.oneof(
    { arbitrary: fc.constantFrom(0, salienceScale), weight: 1 },
    { arbitrary: round, weight: 4 },
    { arbitrary: boundedDouble(0, salienceScale), weight: 2 },
  );
}

function arbitraryStance(scale: Scale, salienceScale: SalienceScale, withEvidence: boolean): fc.Arbitrary<Stance> {
  const stance = fc.record({ position: arbitraryPosition(scale), salience: arbitrarySalience(salienceScale) }, { noNullPrototype: true });
  if (!withEvidence) return stance;
  return fc
    .tuple(stance, fc.option(fc.constantFrom('analyst estimate', 'said "no talks", Jan 2024', 'see source 2'), { nil: undefined }))
    .map(([base, evidence]) => (evidence === undefined ? base : { ...base, evidence }));
}

function arbitraryIssue(id: string): fc.Arbitrary<Issue> {
  return arbitraryScale().chain((scale) =>
    fc
      .record({
        statusQuo: fc.option(arbitraryPosition(scale), { nil: undefined }),
        name: fc.option(fc.constantFrom('Ceasefire line', 'Talks', 'Sanctions relief'), { nil: undefined }),
      }, { noNullPrototype: true })
      .map(({ statusQuo, name }) => {
        const issue: Issue = { id, scale };
        if (name !== undefined) issue.name = name;
        if (statusQuo !== undefined) issue.statusQuo = statusQuo;
        return issue;
      }),
  );
}

/** Which actors take part in which issue: every issue gets at least `minActors` of the `actorCount`. */
function arbitraryParticipation(actorCount: number, issueCount: number, minActors: number, partial: boolean): fc.Arbitrary<number[][]> {
  const everyone = Array.from({ length: actorCount }, (_, index) => index);
  if (!partial) return fc.constant(Array.from({ length: issueCount }, () => everyone));
  const oneIssue = fc.subarray(everyone, { minLength: Math.min(minActors, actorCount) });
  return fc.array(oneIssue, { minLength: issueCount, maxLength: issueCount });
}

function issueCountRange(issues: ScenarioArbitraryOptions['issues']): { min: number; max: number } {
  if (issues === undefined) return { min: 1, max: 3 };
  if (typeof issues === 'number') return { min: issues, max: issues };
  return issues;
}

/** A random valid scenario, as `validateScenario` would return it (salience scale resolved). */
export function arbitraryScenario(options: ScenarioArbitraryOptions = {}): fc.Arbitrary<Scenario> {
  const minActors = Math.max(1, options.minActors ?? 2);
  const maxActors = Math.max(minActors, options.maxActors ?? 8);
  const issueRange = issueCountRange(options.issues);
  const shape = fc.record({
    actorCount: fc.integer({ min: minActors, max: maxActors }),
    issueCount: fc.integer({ min: Math.max(1, issueRange.min), max: Math.max(1, issueRange.min, issueRange.max) }),
    salienceScale: fc.constantFrom<SalienceScale>(1, 100),
    withEvidence: fc.boolean(),
  }, { noNullPrototype: true });
  return shape.chain(({ actorCount, issueCount, salienceScale, withEvidence }) => {
    const partial = options.partialParticipation ?? issueCount > 1;
    const issueIds = Array.from({ length: issueCount }, (_, index) => `issue-${index + 1}`);
    const actorIds = Array.from({ length: actorCount }, (_, index) => `actor-${index + 1}`);
    return fc
      .tuple(
        fc.tuple(...issueIds.map(arbitraryIssue)),
        arbitraryParticipation(actorCount, issueCount, minActors, partial),
        fc.array(arbitraryCapability(), { minLength: actorCount, maxLength: actorCount }),
        fc.array(fc.option(boundedDouble(0.5, 2), { nil: undefined, freq: 4 }), { minLength: actorCount, maxLength: actorCount }),
      )
      .chain(([issues, participation, capabilities, risks]) =>
        fc
          .tuple(
            ...issues.map((issue, issueIndex) =>
              fc.tuple(...(participation[issueIndex] ?? []).map(() => arbitraryStance(issue.scale, salienceScale, withEvidence))),
            ),
          )
          .map((stancesByIssue) => {
            const actors: Actor[] = actorIds.map((id, actorIndex) => {
              const actor: Actor = { id, capability: capabilities[actorIndex] ?? 0, stances: {} };
              const risk = risks[actorIndex];
              if (risk !== undefined) actor.risk = risk;
              return actor;
            });
            issues.forEach((issue, issueIndex) => {
              const takingPart = participation[issueIndex] ?? [];
              const stances = stancesByIssue[issueIndex] ?? [];
              takingPart.forEach((actorIndex, k) => {
                const stance = stances[k];
                const actor = actors[actorIndex];
                if (stance && actor) actor.stances[issue.id] = stance;
              });
            });
            const scenario: Scenario = { title: 'Generated scenario', salienceScale, issues, actors };
            return scenario;
          }),
      );
  });
}

/** A random valid scenario with exactly one issue, every actor taking part. */
export function arbitrarySingleIssueScenario(options: Omit<ScenarioArbitraryOptions, 'issues' | 'partialParticipation'> = {}): fc.Arbitrary<Scenario> {
  return arbitraryScenario({ ...options, issues: 1, partialParticipation: false });
}
