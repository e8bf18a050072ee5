/**
 * Helpers the EUM tests share: reading a vector scenario through `parseScenario`, running a preset,
 * reflecting a scenario's scale, and a relative comparison with an absolute floor.
 * (Test support only; nothing in the library imports it.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { Forecast } from '../../src/models/model.js';
import { eumModel } from '../../src/models/eum/eum.js';
import type { Leaf } from '../../src/scenario/timeline/leaves.js';

export function loadScenario(path: string): Scenario {
  return parseScenario(readFileSync(path, 'utf8'), { file: basename(path) }).scenario;
}

/** Rows of a numeric-or-text CSV vector file, keyed by header. */
export function readRows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/u);
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, index) => [names[index]!, cell])));
}

export function runEum(scenario: Scenario, preset: string, options: Record<string, unknown> = {}, leaf?: Leaf): Forecast {
  return eumModel.run(scenario, eumModel.optionsSchema.parse({ ...eumModel.presets[preset]!.options, ...options }), leaf);
}

/** |actual − expected| ≤ relative · |expected| + absolute (the floor covers values that should be 0). */
export function assertClose(actual: number | undefined, expected: number, what: string, relative = 1e-9, absolute = 1e-12): void {
  assert.ok(actual !== undefined, `${what}: missing`);
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected) + absolute, `${what}: got ${actual}, expected ${expected}`);
}

/** The scenario with every position x on every issue replaced by (pivot − x), pivot per issue. */
export function reflectScenario(scenario: Scenario, pivot: (issueId: string) => number): Scenario {
  return {
    ...scenario,
    actors: scenario.actors.map((actor) => ({
      ...actor,
      stances: Object.fromEntries(
        Object.entries(actor.stances).map(([issueId, stance]) => [issueId, { ...stance, position: pivot(issueId) - stance.position }]),
      ),
    })),
  };
}
