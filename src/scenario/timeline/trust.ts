/**
 * Trust (channels-spec.md §6): i's probability that j keeps its word, from a Beta prior updated by the
 * kept and broken agreements i counts against j (R1), optionally fading with a half-life (R2), and an
 * agreement's trust for a member of a bargaining set (R3). Beta–Bernoulli conjugacy: DeGroot (1970).
 */
import type { Scenario } from '../schema.js';
import { boundary, type Timeline } from './calendar.js';
import { trustKey, type WorldState } from './world.js';

export interface TrustSettings {
  /** μ₀ ∈ [0, 1] (default 1). */
  mean: number;
  /** n₀ > 0 (default 2). */
  strength: number;
  halfLifeYears: number | undefined;
}

export function trustSettings(scenario: Scenario): TrustSettings {
  const trust = scenario.trust;
  return { mean: trust?.prior?.mean ?? 1, strength: trust?.prior?.strength ?? 2, halfLifeYears: trust?.halfLifeYears };
}

/** True when every τ is 1: no trust section, or nothing in it that can move τ away from a prior mean of 1. */
export function trustIsNeutral(scenario: Scenario): boolean {
  const trust = scenario.trust;
  if (trust === undefined) return true;
  return (trust.prior?.mean ?? 1) === 1 && (trust.records?.length ?? 0) === 0 && (trust.set ?? []).every((estimate) => estimate.value === 1);
}

const daysPerYear = 365.25;

/**
 * (R1) τ_ij(t) = the `set` value for (i, j) if any, else (μ₀n₀ + K_ij) / (n₀ + K_ij + B_ij), K and B the summed
 * weights of the kept and broken records in force whose `actors` include j and whose `seenBy` includes i
 * (default: every actor not in `actors`). (R2) With a half-life h a weight is w·2^(−age/h),
 * age = max(0, b(max(t−1, 0)) − date) in years of 365.25 days.
 */
export function trustIn(settings: TrustSettings, state: WorldState, timeline: Timeline | undefined, t: number, i: string, j: string): number {
  const direct = state.trustSet.get(trustKey(i, j));
  if (direct !== undefined) return direct;
  const reference = settings.halfLifeYears !== undefined && timeline !== undefined ? boundary(timeline, Math.max(t - 1, 0)) : undefined;
  let kept = 0;
  let broken = 0;
  for (const record of state.records) {
    if (!record.actors.includes(j)) continue;
    const counts = record.seenBy !== undefined ? record.seenBy.includes(i) : !record.actors.includes(i);
    if (!counts) continue;
    let weight = record.weight;
    if (reference !== undefined) weight *= 2 ** (-Math.max(0, (reference - record.date) / daysPerYear) / settings.halfLifeYears!);
    if (record.outcome === 'kept') kept += weight;
    else broken += weight;
  }
  return (settings.mean * settings.strength + kept) / (settings.strength + kept + broken);
}

/**
 * (R3) Member i's trust in an agreement of the set `members`: Σ_{j≠i} ω_j τ_ij / Σ_{j≠i} ω_j (equal weights
 * when all are 0; 1 when i is alone). `trust(j)` is τ_ij, `weight(j)` is ω_j.
 */
export function agreementTrust(i: string, members: readonly string[], trust: (j: string) => number, weight: (j: string) => number): number {
  const others = members.filter((member) => member !== i);
  if (others.length === 0) return 1;
  const total = others.reduce((sum, j) => sum + weight(j), 0);
  const equal = !(total > 0);
  let sum = 0;
  for (const j of others) sum += (equal ? 1 : weight(j)) * trust(j);
  return sum / (equal ? others.length : total);
}
