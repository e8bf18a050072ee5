/**
 * Running a block of a sweep's runs. Run k draws its estimates from its own stream,
 * `createRandom(deriveSeed(seed, k))`, one uniform per uncertain input in a fixed order, so the
 * result of run k is the same whoever runs it, in any block, on any worker or machine.
 */
import { createRandom, deriveSeed } from '../../math/random.js';
import type { Forecast, IssueForecast } from '../../models/model.js';
import { drawLeaf, leavesOf } from '../../scenario/timeline/leaves.js';
import { drawEstimates, withEstimates } from './perturb.js';
import type { PreparedSweep } from './spec.js';

/** How many equal-probability classes a uniform draw is recorded in (one byte per input and run). */
export const uniformClasses = 256;

/**
 * The raw results of the runs [start, end): per run, each issue's outcome, whether each actor moved
 * on each issue, and the class of each input's uniform draw. Arrays are run-major.
 */
export interface SweepData {
  start: number;
  end: number;
  /** outcomes[(run − start)·issues + issue] */
  outcomes: Float64Array;
  /** moved[((run − start)·issues + issue)·actors + actor]: 1 when the actor's final position differs from its start. */
  moved: Uint8Array;
  /** inputClasses[(run − start)·inputs + input] = ⌊u·256⌋ for the input's uniform u. */
  inputClasses: Uint8Array;
}

/** Runs [start, end) of a prepared sweep. */
export function runBlock(prepared: PreparedSweep, start: number, end: number): SweepData {
  const issueCount = prepared.issueIds.length;
  const actorCount = prepared.actorIds.length;
  const inputCount = prepared.inputs.length;
  const count = end - start;
  const data: SweepData = {
    start,
    end,
    outcomes: new Float64Array(count * issueCount),
    moved: new Uint8Array(count * issueCount * actorCount),
    inputClasses: new Uint8Array(count * inputCount),
  };
  const uniforms = new Float64Array(inputCount);
  // Branches (channels-spec §5.4): after its noise, each run draws one more uniform and takes that leaf.
  const leaves = prepared.scenario.branches?.length ? leavesOf(prepared.scenario.branches) : undefined;
  for (let run = start; run < end; run++) {
    const offset = run - start;
    const random = createRandom(deriveSeed(prepared.spec.seed, run));
    for (let k = 0; k < inputCount; k++) {
      uniforms[k] = random.next();
      data.inputClasses[offset * inputCount + k] = Math.floor(uniforms[k]! * uniformClasses);
    }
    const scenario = withEstimates(prepared.scenario, prepared.inputs, drawEstimates(prepared.inputs, uniforms));
    const leaf = leaves && leaves[drawLeaf(leaves, random.next())];
    recordForecast(prepared, leaf ? prepared.model.run(scenario, prepared.options, leaf) : prepared.model.run(scenario, prepared.options), data, offset);
  }
  return data;
}

function recordForecast(prepared: PreparedSweep, forecast: Forecast, data: SweepData, offset: number): void {
  const issueCount = prepared.issueIds.length;
  const actorCount = prepared.actorIds.length;
  prepared.issueIds.forEach((issueId, issueIndex) => {
    const issue = issueForecast(forecast, issueId, issueIndex);
    data.outcomes[offset * issueCount + issueIndex] = issue.outcome;
    const first = issue.rounds[0]!.positions;
    const last = issue.rounds[issue.rounds.length - 1]!.positions;
    const scale = prepared.scenario.issues[issueIndex]!.scale;
    const tolerance = 1e-9 * (scale.max - scale.min);
    const base = (offset * issueCount + issueIndex) * actorCount;
    prepared.actorIds.forEach((actorId, actorIndex) => {
      const from = first[actorId];
      const to = last[actorId];
      if (from !== undefined && to !== undefined && Math.abs(to - from) > tolerance) data.moved[base + actorIndex] = 1;
    });
  });
}

function issueForecast(forecast: Forecast, issueId: string, index: number): IssueForecast {
  const atIndex = forecast.issues[index];
  if (atIndex?.issue === issueId) return atIndex;
  const found = forecast.issues.find((candidate) => candidate.issue === issueId);
  if (!found) throw new Error(`model ${forecast.model} returned no forecast for issue "${issueId}"`);
  return found;
}

/** Joins consecutive blocks, in run order, into one; the blocks must tile [first start, last end). */
export function concatBlocks(blocks: readonly SweepData[]): SweepData {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  sorted.forEach((block, index) => {
    const previous = sorted[index - 1];
    if (previous && previous.end !== block.start) throw new RangeError(`blocks do not tile: run ${previous.end} to ${block.start}`);
  });
  const join = <T extends Float64Array | Uint8Array>(parts: T[], make: (length: number) => T): T => {
    const joined = make(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    return joined;
  };
  return {
    start: sorted[0]?.start ?? 0,
    end: sorted[sorted.length - 1]?.end ?? 0,
    outcomes: join(sorted.map((block) => block.outcomes), (length) => new Float64Array(length)),
    moved: join(sorted.map((block) => block.moved), (length) => new Uint8Array(length)),
    inputClasses: join(sorted.map((block) => block.inputClasses), (length) => new Uint8Array(length)),
  };
}
