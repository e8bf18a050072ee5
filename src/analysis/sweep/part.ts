/**
 * Partial results: a shard of a sweep writes its raw runs with the sweep's canonical inputs and their
 * fingerprint; `mergeParts` checks that every part comes from the same sweep (refusing, with the
 * reason, parts of different sweeps), that the shards tile the runs exactly once, and joins them in
 * run order, so the merged result is bit-identical to the single-machine one.
 */
import { InputError, type Problem } from '../../errors.js';
import { canonicalJson } from './canonical.js';
import { base64ToBytes, base64ToFloat64, bytesToBase64, float64ToBase64 } from './bytes.js';
import { concatBlocks, type SweepData } from './run.js';
import { shardRange, type Shard } from './shard.js';
import { prepareSweep, type CanonicalSweepSpec, type PreparedSweep } from './spec.js';

export interface SweepPart {
  format: 'parley.sweep-part';
  version: 1;
  inputsHash: string;
  spec: CanonicalSweepSpec;
  shard: Shard;
  /** The runs [start, end) this part holds. */
  start: number;
  end: number;
  /** SweepData's arrays, little-endian, base64. */
  outcomes: string;
  moved: string;
  inputClasses: string;
}

export function makePart(prepared: PreparedSweep, shard: Shard, data: SweepData): SweepPart {
  return {
    format: 'parley.sweep-part',
    version: 1,
    inputsHash: prepared.inputsHash,
    spec: prepared.spec,
    shard,
    start: data.start,
    end: data.end,
    outcomes: float64ToBase64(data.outcomes),
    moved: bytesToBase64(data.moved),
    inputClasses: bytesToBase64(data.inputClasses),
  };
}

/** A part as read from a file: `file` names it in error messages. */
export interface PartSource {
  file: string;
  part: unknown;
}

/** Merges parts into the prepared sweep and the raw runs of the whole sweep; every refusal is an InputError. */
export function mergeParts(sources: readonly PartSource[]): { prepared: PreparedSweep; data: SweepData } {
  if (sources.length === 0) throw new InputError({ field: 'parts', message: 'expected at least one part' });
  const parts = sources.map(checkEnvelope);
  const first = parts[0]!;
  const problems: Problem[] = [];
  // The first part's spec is checked against its fingerprint below; every other part must carry the
  // same fingerprint AND the same spec, or an edited spec in a later part would pass unnoticed.
  for (const other of parts.slice(1)) {
    if (other.part.inputsHash !== first.part.inputsHash)
      problems.push({ file: other.file, message: `comes from a different sweep than ${first.file}: ${describeDifference(first.part.spec, other.part.spec)}` });
    else if (canonicalJson(other.part.spec) !== canonicalJson(first.part.spec))
      problems.push({
        file: other.file,
        field: 'spec',
        message: `the inputs differ from ${first.file}'s (${describeDifference(first.part.spec, other.part.spec)}) under the same fingerprint: the part was edited`,
      });
  }
  if (problems.length > 0) throw new InputError(problems);
  const prepared = prepareFromPart(first);
  const { runs } = prepared.spec;
  const count = first.part.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, part } of parts) {
    if (part.shard.count !== count) problems.push({ file, field: 'shard', message: `is shard ${part.shard.index}/${part.shard.count}, but ${first.file} is one of ${count}` });
    else if (byIndex.has(part.shard.index)) problems.push({ file, field: 'shard', message: `shard ${part.shard.index}/${count} is also in ${byIndex.get(part.shard.index)}` });
    else byIndex.set(part.shard.index, file);
    const expected = shardRange(part.shard, runs);
    if (part.start !== expected.start || part.end !== expected.end)
      problems.push({ file, field: 'start', message: `holds runs [${part.start}, ${part.end}), but shard ${part.shard.index}/${part.shard.count} of ${runs} runs is [${expected.start}, ${expected.end})` });
  }
  const missing = Array.from({ length: count }, (_, index) => index).filter((index) => !byIndex.has(index));
  if (missing.length > 0 && missing.length < count)
    problems.push({ field: 'parts', message: `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')}` });
  if (problems.length > 0) throw new InputError(problems);
  const blocks = parts.map((source) => decodeData(source, prepared));
  return { prepared, data: concatBlocks(blocks) };
}

interface CheckedPart {
  file: string;
  part: SweepPart;
}

function checkEnvelope(source: PartSource): CheckedPart {
  const { file } = source;
  const part = source.part as Partial<SweepPart> | null;
  const fail = (field: string, message: string): never => {
    throw new InputError({ file, field, message });
  };
  if (typeof part !== 'object' || part === null || part.format !== 'parley.sweep-part')
    return fail('format', 'is not a Parley sweep part (expected "format": "parley.sweep-part"; write parts with `parley sweep --shard i/n`)');
  if (part.version !== 1) return fail('version', `unsupported part version ${String(part.version)}; expected 1`);
  if (typeof part.inputsHash !== 'string') return fail('inputsHash', 'expected a string');
  if (typeof part.spec !== 'object' || part.spec === null) return fail('spec', 'expected the sweep inputs');
  const shard = part.shard;
  if (!shard || !Number.isInteger(shard.index) || !Number.isInteger(shard.count) || shard.index < 0 || shard.index >= shard.count)
    return fail('shard', 'expected { index, count } with 0 ≤ index < count');
  if (!Number.isInteger(part.start) || !Number.isInteger(part.end) || part.start! > part.end!) return fail('start', 'expected whole numbers start ≤ end');
  for (const key of ['outcomes', 'moved', 'inputClasses'] as const) if (typeof part[key] !== 'string') fail(key, 'expected base64 text');
  return { file, part: part as SweepPart };
}

function prepareFromPart({ file, part }: CheckedPart): PreparedSweep {
  let prepared: PreparedSweep;
  try {
    prepared = prepareSweep(part.spec);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.problems.map((problem) => ({ ...problem, file, field: `spec.${problem.field ?? ''}` })));
    throw new InputError({ file, field: 'spec', message: `the sweep inputs are damaged (${error instanceof Error ? error.message : String(error)})` });
  }
  if (prepared.inputsHash !== part.inputsHash)
    throw new InputError({
      file,
      field: 'inputsHash',
      message: `the inputs fingerprint to ${prepared.inputsHash}, not ${part.inputsHash}: the part was edited, or written by a Parley whose models resolve these options differently`,
    });
  return prepared;
}

function decodeData({ file, part }: CheckedPart, prepared: PreparedSweep): SweepData {
  const runs = part.end - part.start;
  const issues = prepared.issueIds.length;
  let data: SweepData;
  try {
    data = {
      start: part.start,
      end: part.end,
      outcomes: base64ToFloat64(part.outcomes),
      moved: base64ToBytes(part.moved),
      inputClasses: base64ToBytes(part.inputClasses),
    };
  } catch (error) {
    throw new InputError({ file, message: `damaged data: ${error instanceof Error ? error.message : String(error)}` });
  }
  if (data.outcomes.length !== runs * issues || data.moved.length !== runs * issues * prepared.actorIds.length || data.inputClasses.length !== runs * prepared.inputs.length)
    throw new InputError({ file, message: `damaged data: the arrays do not hold ${runs} runs` });
  return data;
}

const specFields = ['scenario', 'model', 'preset', 'options', 'runs', 'seed', 'noise', 'shocks', 'thresholds', 'histogramBins'] as const;

/** Says which inputs differ, e.g. `different seed (7 vs 8)`, `different scenario`. */
export function describeDifference(a: CanonicalSweepSpec, b: CanonicalSweepSpec): string {
  const differences: string[] = [];
  for (const field of specFields) {
    const left = canonicalJson(a?.[field]);
    const right = canonicalJson(b?.[field]);
    if (left === right) continue;
    const short = left !== undefined && right !== undefined && left.length <= 40 && right.length <= 40;
    differences.push(short ? `different ${field} (${left} vs ${right})` : `different ${field}`);
  }
  return differences.length > 0 ? differences.join(', ') : 'different inputs fingerprint (written by a different Parley version?)';
}
