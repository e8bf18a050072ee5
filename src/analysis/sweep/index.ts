/** Monte Carlo sweeps, shocks and sensitivity: the public API of src/analysis/sweep (see docs/sweeps.md). */
export { defaultNoise, noiseSyntax, parseNoise, type NoiseDistribution, type NoiseField, type NoiseSpec } from './noise.js';
export { parseShock, shockSyntax, type ShockSpec } from './shocks.js';
export { parseThreshold, type ThresholdSpec } from './thresholds.js';
export { SweepRequestSchema, sweepSpecFromRequest, type SweepRequest } from './request.js';
export { parseShard, shardRange, type Shard } from './shard.js';
export { inputName, prepareSweep, type CanonicalSweepSpec, type PreparedSweep, type SweepSpec, type UncertainInput } from './spec.js';
export { concatBlocks, runBlock, type SweepData } from './run.js';
export { runRange, runSweep, type SweepControl } from './sweep.js';
export { summarizeSweep, type IssueSummary, type SensitivityEntry, type SweepResult } from './result.js';
export { makePart, mergeParts, type PartSource, type SweepPart } from './part.js';
