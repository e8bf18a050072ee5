/**
 * One-at-a-time swings (tornado data): each uncertain estimate in turn is set to the 5th and the 95th
 * percentile of its noise law, every other estimate kept as given, and the model rerun; the swing is
 * |outcome(high) − outcome(low)| per issue. Deterministic: no random draws.
 */
import { runEveryLeaf } from '../../models/leafRuns.js';
import { sampleNoise } from './noise.js';
import { withEstimates } from './perturb.js';
import type { PreparedSweep } from './spec.js';

export const swingPercentiles = { low: 0.05, high: 0.95 } as const;

export interface Swing {
  /** Index into the prepared sweep's inputs. */
  input: number;
  /** The estimate's low and high values (its law's 5th and 95th percentiles). */
  low: number;
  high: number;
  /** Per issue (in scenario order): the outcome with the estimate at low and at high. */
  outcomeLow: number[];
  outcomeHigh: number[];
}

/** The outcomes of one model run on the base scenario, per issue in scenario order. */
export function outcomesOf(prepared: PreparedSweep, scenario = prepared.scenario): number[] {
  // With branches, the mixture over the leaves (channels-spec §5.4).
  const forecast = scenario.branches?.length ? runEveryLeaf(prepared.model, scenario, prepared.options) : prepared.model.run(scenario, prepared.options);
  return prepared.issueIds.map((issueId) => forecast.issues.find((issue) => issue.issue === issueId)!.outcome);
}

export function tornadoSwings(prepared: PreparedSweep): Swing[] {
  return prepared.inputs.map((input, index) => {
    const low = sampleNoise(input.law, swingPercentiles.low);
    const high = sampleNoise(input.law, swingPercentiles.high);
    return {
      input: index,
      low,
      high,
      outcomeLow: outcomesOf(prepared, withEstimates(prepared.scenario, [input], [low])),
      outcomeHigh: outcomesOf(prepared, withEstimates(prepared.scenario, [input], [high])),
    };
  });
}
