import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Scenario } from '../scenario/schema.js';
import { nashModel, NashOptionsSchema, type NashOptions } from './nash.js';
import { resolveOptions } from './registry.js';
import { weightedMeanModel } from './weightedMean.js';

/** A one-issue scenario from [capability, position, salience] triples. */
function scenarioOf(
  actors: ReadonlyArray<readonly [number, number, number]>,
  issue: { statusQuo?: number; min?: number; max?: number; salienceScale?: 1 | 100 } = {},
): Scenario {
  return {
    title: 'test',
    salienceScale: issue.salienceScale ?? 1,
    issues: [
      {
        id: 'issue',
        scale: { min: issue.min ?? 0, max: issue.max ?? 100 },
        ...(issue.statusQuo !== undefined ? { statusQuo: issue.statusQuo } : {}),
      },
    ],
    actors: actors.map(([capability, position, salience], index) => ({
      id: `a${index}`,
      capability,
      stances: { issue: { position, salience } },
    })),
  };
}

const options = (overrides: Partial<NashOptions> = {}): NashOptions => NashOptionsSchema.parse(overrides);
const outcomeOf = (scenario: Scenario, overrides: Partial<NashOptions> = {}): number =>
  nashModel.run(scenario, options(overrides)).issues[0]!.outcome;

test('linear Nash solutions of eum-spec.md §7.3 sit at the ideal points', () => {
  const cases: Array<[weights: [number, number], statusQuo: number, expected: number]> = [
    [[1, 1], 0, 40],
    [[1, 3], 0, 60],
    [[1, 1], 100, 60],
  ];
  for (const [[w1, w2], statusQuo, expected] of cases) {
    const scenario = scenarioOf(
      [
        [w1, 40, 1],
        [w2, 60, 1],
      ],
      { statusQuo },
    );
    assert.equal(outcomeOf(scenario, { loss: 'linear' }), expected, `weights ${w1},${w2}, d = ${statusQuo}`);
  }
});

/** BDM (1994) emission standards (eum-spec.md §6 TV1): capability, position (years), salience /100. */
const emission = scenarioOf(
  [
    [0.08, 4, 80],
    [0.08, 7, 40],
    [0.03, 4, 20],
    [0.16, 4, 80],
    [0.16, 10, 60],
    [0.16, 10, 60],
    [0.16, 10, 90],
    [0.05, 7, 10],
    [0.05, 4, 100],
    [0.08, 7, 70],
  ],
  { min: 4, max: 10, salienceScale: 100 },
);

test('quadratic Nash with a common disagreement utility −K reproduces the emission K table (eum-spec.md §7.3)', () => {
  // The spec prints 7.38988 for K = 10⁶; the first-order condition it states has its root at 7.389950
  // (between the K = 1000 value and the limit, at the 1/K distance the other rows show), so the
  // printed digit is taken to be a typo and the computed root is checked instead.
  const table: Array<[number, number]> = [
    [10, 6.99762],
    [100, 7.33783],
    [1000, 7.38461],
    [1e6, 7.38995],
  ];
  for (const [commonLoss, expected] of table) {
    const outcome = outcomeOf(emission, { weights: 'capability', disagreement: 'common-loss', commonLoss });
    assert.equal(outcome.toFixed(5), expected.toFixed(5), `K = ${commonLoss}`);
  }
});

test('as K grows the quadratic Nash solution tends to the compromise model (7.38996)', () => {
  const compromise = weightedMeanModel.run(emission, {}).issues[0]!.outcome;
  assert.equal(compromise.toFixed(5), '7.38996');
  for (const weights of ['capability', 'capability-salience'] as const) {
    const outcome = outcomeOf(emission, { weights, disagreement: 'common-loss', commonLoss: 1e12 });
    assert.ok(Math.abs(outcome - compromise) < 1e-8, `${weights}: ${outcome} vs ${compromise}`);
  }
});

test('a status quo between the ideals, or at one of them, is the Nash solution', () => {
  for (const loss of ['linear', 'quadratic'] as const) {
    const between = scenarioOf(
      [
        [1, 20, 1],
        [2, 80, 0.5],
        [1, 60, 1],
      ],
      { statusQuo: 45 },
    );
    const forecast = nashModel.run(between, options({ loss }));
    assert.equal(forecast.issues[0]!.outcome, 45);
    assert.match(forecast.issues[0]!.notes.join(' '), /status quo/);
    const atAnIdeal = scenarioOf(
      [
        [1, 20, 1],
        [1, 60, 1],
      ],
      { statusQuo: 20 },
    );
    assert.equal(outcomeOf(atAnIdeal, { loss }), 20);
  }
});

test('quadratic Nash with the status quo on one side solves the first-order condition', () => {
  // Ideals 40 and 60, equal weights, d = 0: maximise ln(40² − (x−40)²) + ln(60² − (x−60)²), i.e.
  // ln(x(80 − x)) + ln(x(120 − x)); the derivative 2/x − 1/(80−x) − 1/(120−x) = 0 at x = 52.2876.
  const scenario = scenarioOf(
    [
      [1, 40, 1],
      [1, 60, 1],
    ],
    { statusQuo: 0 },
  );
  const outcome = outcomeOf(scenario);
  const slope = 2 / outcome - 1 / (80 - outcome) - 1 / (120 - outcome);
  assert.ok(Math.abs(slope) < 1e-9, `slope ${slope} at ${outcome}`);
  assert.ok(outcome > 40 && outcome < 60);
});

test('salience moves the default solution but not the capability-weighted one under a status quo', () => {
  const low = scenarioOf(
    [
      [1, 40, 0.2],
      [1, 60, 1],
    ],
    { statusQuo: 0 },
  );
  const high = scenarioOf(
    [
      [1, 40, 1],
      [1, 60, 1],
    ],
    { statusQuo: 0 },
  );
  assert.ok(outcomeOf(low) > outcomeOf(high), 'less salience at 40 pulls the default toward 60');
  assert.equal(outcomeOf(low, { weights: 'capability' }).toFixed(9), outcomeOf(high, { weights: 'capability' }).toFixed(9));
});

test('without a status quo the forecast says so and uses the common disagreement utility', () => {
  const scenario = scenarioOf([
    [1, 30, 1],
    [1, 70, 0.5],
  ]);
  const issue = nashModel.run(scenario, options()).issues[0]!;
  assert.match(issue.notes.join(' '), /no status quo/);
  assert.ok(Number.isFinite(issue.outcome) && issue.outcome > 30 && issue.outcome < 70);
  assert.equal(issue.outcome, outcomeOf(scenario, { disagreement: 'common-loss' }));
  assert.deepEqual(
    issue.rounds.map((round) => round.round),
    [0],
  );
});

test('degenerate inputs give a finite forecast with a note', () => {
  const noWeight = scenarioOf(
    [
      [0, 30, 1],
      [1, 70, 0],
    ],
    { statusQuo: 10 },
  );
  const issue = nashModel.run(noWeight, options()).issues[0]!;
  assert.equal(issue.outcome, 50);
  assert.match(issue.notes.join(' '), /no actor has a positive weight/);
  const tinyK = nashModel.run(emission, options({ disagreement: 'common-loss', commonLoss: 0.01 })).issues[0]!;
  assert.ok(Number.isFinite(tinyK.outcome));
  assert.match(tinyK.notes.join(' '), /no feasible agreement/);
});

test('presets resolve through the registry schema and bad options are refused', () => {
  assert.deepEqual(resolveOptions(nashModel, { preset: 'linear' }), {
    loss: 'linear',
    weights: 'capability-salience',
    disagreement: 'status-quo',
  });
  assert.throws(() => resolveOptions(nashModel, { options: { loss: 'cubic' } }), { name: 'InputError' });
  assert.throws(() => resolveOptions(nashModel, { options: { commonLoss: -1 } }), { name: 'InputError' });
});

test('when every actor wants the same point, that point is the solution exactly (no bisection residue)', () => {
  const agreed = scenarioOf([
    [1, 30, 1],
    [2, 30, 0.5],
  ]);
  assert.equal(outcomeOf(agreed), 30);
  assert.equal(outcomeOf(agreed, { loss: 'linear' }), 30);
  assert.equal(outcomeOf(scenarioOf([[1, 30, 1]], { statusQuo: 80 })), 30);
});
