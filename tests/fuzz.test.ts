/**
 * Seeded fuzzing of every reader and every registered model (issue 14): random scenarios
 * (tests/support/arbitraries.ts) are written in each format Parley reads — YAML, JSON, CSV long form,
 * single-issue CSV, KTAB CSV, KTAB XML — and read back; each reading is either a clean InputError or a
 * scenario on which every model either declines with an InputError or gives finite outcomes and round
 * values on the issue's scale, the same on a second run. Hostile but valid scenarios (subnormal and
 * huge numbers, every actor equal, one actor: tests/support/hostile.ts) go through every model, through
 * Monte Carlo sweeps (runs, baseline, tornado swings) and through advise, with the same assertions.
 * PARLEY_FUZZ_RUNS sets the number of scenarios (default 600 per property: 2,400 scenarios, the
 * hostile texts through five readers each; a twentieth as many for the slower sweeps and advice);
 * PARLEY_FUZZ_SEED the seed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../src/errors.js';
import type { Forecast } from '../src/models/model.js';
import { models, runModel } from '../src/models/registry.js';
import { advise, type Advice } from '../src/analysis/advise/advise.js';
import { runSweep, type SweepResult } from '../src/analysis/sweep/index.js';
import { validateScenario } from '../src/scenario/validate.js';
import { readKtab, writeKtab, type KtabFormat } from '../src/scenario/ktab/index.js';
import { parseScenario, type ScenarioFormat } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/schema.js';
import { serializeScenario } from '../src/scenario/write.js';
import { arbitraryScenario, arbitrarySingleIssueScenario } from './support/arbitraries.js';
import { arbitraryHostileScenario } from './support/hostile.js';

const runs = Number(process.env.PARLEY_FUZZ_RUNS ?? 600);
const seed = Number(process.env.PARLEY_FUZZ_SEED ?? 20241201);
const settings = { numRuns: runs, seed };
const slowSettings = { numRuns: Math.max(10, Math.round(runs / 20)), seed };

/** The reading, or undefined when the reader refused the text with an InputError (anything else throws). */
function readOrRefuse(read: () => Scenario): Scenario | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/** Every model's forecast, or undefined where the model declined with an InputError. */
function forecasts(scenario: Scenario): (Forecast | undefined)[] {
  return models.map((model) => {
    try {
      return runModel(model.id, scenario);
    } catch (error) {
      if (error instanceof InputError) return undefined;
      throw error;
    }
  });
}

function assertOnScale(scenario: Scenario, forecast: Forecast): void {
  for (const issue of forecast.issues) {
    const { scale } = scenario.issues.find((candidate) => candidate.id === issue.issue)!;
    const on = (value: number, what: string) =>
      assert.ok(Number.isFinite(value) && value >= scale.min && value <= scale.max, `${forecast.model} ${issue.issue} ${what}: ${value} not on [${scale.min}, ${scale.max}]`);
    on(issue.outcome, 'outcome');
    for (const round of issue.rounds) {
      on(round.median, `round ${round.round} median`);
      on(round.mean, `round ${round.round} mean`);
      for (const [actor, position] of Object.entries(round.positions)) on(position, `round ${round.round} position of ${actor}`);
    }
  }
}

/** Every model: finite, on the scale, and the same twice. */
function checkModels(scenario: Scenario): void {
  const first = forecasts(scenario);
  const second = forecasts(scenario);
  first.forEach((forecast, index) => {
    if (forecast === undefined) return assert.equal(second[index], undefined);
    assertOnScale(scenario, forecast);
    assert.equal(JSON.stringify(second[index]), JSON.stringify(forecast), `${forecast.model} is not deterministic`);
  });
}

const small = { maxActors: 6, issues: { min: 1, max: 2 } };

test('YAML, JSON and CSV: a written scenario reads back or is refused cleanly; every model is finite, on scale, deterministic', () => {
  const formats: ScenarioFormat[] = ['yaml', 'json', 'csv'];
  fc.assert(
    fc.property(arbitraryScenario(small), fc.constantFrom(...formats), (scenario, format) => {
      const read = readOrRefuse(() => parseScenario(serializeScenario(scenario, format), { file: `fuzz.${format}` }).scenario);
      if (read !== undefined) checkModels(read);
    }),
    settings,
  );
});

test('single-issue CSV: reads back or is refused cleanly; every model is finite, on scale, deterministic', () => {
  fc.assert(
    fc.property(arbitrarySingleIssueScenario({ maxActors: 6 }), (scenario) => {
      const rows = scenario.actors.map((actor) => {
        const stance = Object.values(actor.stances)[0]!;
        return `${actor.id},${actor.capability},${stance.position},${stance.salience}`;
      });
      const read = readOrRefuse(() => parseScenario(`actor,capability,position,salience\n${rows.join('\n')}\n`, { file: 'single.csv' }).scenario);
      if (read !== undefined) checkModels(read);
    }),
    settings,
  );
});

test('KTAB CSV and XML: a written space reads back or is refused cleanly; every model is finite, on scale, deterministic', () => {
  const formats: KtabFormat[] = ['ktab-csv', 'ktab-xml'];
  fc.assert(
    fc.property(arbitraryScenario({ ...small, partialParticipation: false }), fc.constantFrom(...formats), (scenario, format) => {
      const written = readOrRefuse(() => {
        writeKtab(scenario, format);
        return scenario;
      });
      if (written === undefined) return;
      const read = readOrRefuse(() => readKtab(writeKtab(scenario, format).text, format, `fuzz.${format}`).scenario);
      if (read !== undefined) checkModels(read);
    }),
    settings,
  );
});

test('hostile text: random bytes and broken structure in every reader are an InputError or a scenario, never a crash', () => {
  const fragments = ['title: t\n', 'issues:\n  - id: a\n', '<Scenario>', '</Scenario>', '<!DOCTYPE x>', '<?pi', '"', ',', '\r', '\n', '{', '[', '&x;', '__proto__', 'constructor', 'actor,issue,capability,position,salience\n'];
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string()), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      for (const read of [() => parseScenario(text, { file: 'x.yaml' }).scenario, () => parseScenario(text, { file: 'x.json' }).scenario, () => parseScenario(text, { file: 'x.csv' }).scenario, () => readKtab(text, 'ktab-csv').scenario, () => readKtab(text, 'ktab-xml').scenario]) {
        const scenario = readOrRefuse(read);
        if (scenario !== undefined) checkModels(scenario);
      }
    }),
    settings,
  );
});

/** The hostile scenario as validation returns it, or undefined when validation refuses it. */
function validHostile(scenario: Scenario): Scenario | undefined {
  return readOrRefuse(() => validateScenario(JSON.parse(JSON.stringify(scenario)) as unknown).scenario);
}

/** The result of `make`, or undefined when it declined with an InputError; the same twice (as JSON). */
function twiceOrRefused<T>(make: () => T): T | undefined {
  const first = readOrRefuse(() => make() as unknown as Scenario) as unknown as T | undefined;
  const second = readOrRefuse(() => make() as unknown as Scenario) as unknown as T | undefined;
  assert.equal(JSON.stringify(second), JSON.stringify(first), 'not deterministic');
  return first;
}

const onScaleOf = (scenario: Scenario, issueId: string) => {
  const { scale } = scenario.issues.find((issue) => issue.id === issueId)!;
  return (value: number, what: string) => assert.ok(Number.isFinite(value) && value >= scale.min && value <= scale.max, `${what}: ${value} not on [${scale.min}, ${scale.max}]`);
};

function assertSweepOnScale(scenario: Scenario, sweep: SweepResult): void {
  for (const issue of sweep.issues) {
    const on = onScaleOf(scenario, issue.issue);
    const what = `${sweep.model} sweep ${issue.issue}`;
    for (const [name, value] of Object.entries({ baseline: issue.baseline, mean: issue.mean, min: issue.min, max: issue.max, ...issue.quantiles })) on(value, `${what} ${name}`);
    for (const entry of issue.sensitivity) {
      on(entry.outcomeLow, `${what} ${entry.input} low`);
      on(entry.outcomeHigh, `${what} ${entry.input} high`);
    }
    assert.ok(Number.isFinite(issue.standardDeviation), `${what} standard deviation ${issue.standardDeviation}`);
  }
}

function assertAdviceOnScale(scenario: Scenario, advice: Advice): void {
  const on = onScaleOf(scenario, advice.issue);
  on(advice.baseline.outcome, `${advice.model} advice baseline`);
  const candidates = [...advice.pareto, ...(advice.best ? [advice.best] : []), ...advice.levers.flatMap((lever) => [lever.flipPoint, lever.bestRatio])];
  for (const candidate of candidates) if (candidate) on(candidate.outcome, `${advice.model} advice candidate`);
}

test('hostile scenarios (subnormal, huge, equal, one actor): every model is finite, on scale, deterministic', () => {
  fc.assert(
    fc.property(arbitraryHostileScenario(), ({ scenario }) => {
      const valid = validHostile(scenario);
      if (valid !== undefined) checkModels(valid);
    }),
    settings,
  );
});

test('hostile scenarios: every model\'s Monte Carlo sweep (runs, baseline, tornado swings) is finite, on scale, deterministic', () => {
  fc.assert(
    fc.property(arbitraryHostileScenario(), fc.integer({ min: 0, max: 1000 }), ({ scenario }, sweepSeed) => {
      const valid = validHostile(scenario);
      if (valid === undefined) return;
      for (const model of models) {
        const sweep = twiceOrRefused(() => runSweep({ scenario: valid, model: model.id, runs: 6, seed: sweepSeed }));
        if (sweep !== undefined) assertSweepOnScale(valid, sweep);
      }
    }),
    slowSettings,
  );
});

test('hostile scenarios: advise gives finite, on-scale, deterministic outcomes for every model', () => {
  fc.assert(
    fc.property(arbitraryHostileScenario(), fc.boolean(), ({ scenario }, towardMax) => {
      const valid = validHostile(scenario);
      if (valid === undefined) return;
      const issue = valid.issues[0]!;
      const goal = { kind: 'toward' as const, value: towardMax ? issue.scale.max : issue.scale.min };
      for (const model of models) {
        const advice = twiceOrRefused(() => advise(valid, { actor: valid.actors[0]!.id, issue: issue.id, goal, model: model.id, steps: 4, maxLevers: 2 }));
        if (advice !== undefined) assertAdviceOnScale(valid, advice);
      }
    }),
    slowSettings,
  );
});
