import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../errors.js';
import { parseNoise } from './noise.js';
import { makePart, mergeParts } from './part.js';
import { concatBlocks, runBlock } from './run.js';
import { summarizeSweep } from './result.js';
import { parseShard, shardRange } from './shard.js';
import { parseShock } from './shocks.js';
import { prepareSweep, type SweepSpec } from './spec.js';
import { runRange, runSweep } from './sweep.js';
import { threeActors } from './testScenario.js';

const spec: SweepSpec = {
  scenario: threeActors,
  model: 'weighted-median',
  runs: 500,
  seed: 42,
  thresholds: [{ value: 50 }, { issue: 'talks', value: 5 }],
};

test('the same sweep gives the same result, whatever the block size', () => {
  const prepared = prepareSweep(spec);
  const whole = summarizeSweep(prepared, runBlock(prepared, 0, 500));
  const blocks = summarizeSweep(prepared, concatBlocks([runBlock(prepared, 300, 500), runBlock(prepared, 0, 7), runBlock(prepared, 7, 300)]));
  assert.deepEqual(blocks, whole);
  assert.deepEqual(runSweep(spec, { blockSize: 33 }), whole);
  assert.equal(whole.completedRuns, 500);
});

test('the summary: quantiles in order and inside the range, histogram counts every run, thresholds per issue', () => {
  const result = runSweep(spec);
  const [deal, talks] = result.issues;
  assert.ok(deal && talks);
  const q = deal.quantiles;
  assert.ok(deal.min <= q.p5 && q.p5 <= q.p25 && q.p25 <= q.p50 && q.p50 <= q.p75 && q.p75 <= q.p95 && q.p95 <= deal.max);
  assert.ok(deal.min >= 0 && deal.max <= 100 && talks.max <= 10);
  assert.equal(deal.histogram.counts.length, 20);
  assert.equal(deal.histogram.counts.reduce((sum, count) => sum + count, 0), 500);
  assert.deepEqual(deal.thresholds.map((threshold) => threshold.value), [50]);
  assert.deepEqual(talks.thresholds.map((threshold) => threshold.value), [50, 5]);
  assert.equal(talks.thresholds[0]!.below, 1);
  assert.deepEqual(Object.keys(talks.moved), ['north', 'south']);
  assert.deepEqual(Object.values(deal.moved), [0, 0, 0], 'a static model moves nobody');
  // 3 capabilities + 5 stances × (position, salience) under the default noise.
  assert.equal(result.inputs.length, 13);
  assert.equal(deal.sensitivity.length, 13);
  for (let k = 1; k < deal.sensitivity.length; k++) assert.ok(deal.sensitivity[k - 1]!.swing >= deal.sensitivity[k]!.swing);
});

test('first-order indices find the estimate that carries the variance', () => {
  // Weighted mean of two actors, noise on their positions only: Y = w₁X₁ + w₂X₂ (w normalised), so
  // S₁ = w₁²σ₁² / (w₁²σ₁² + w₂²σ₂²). With c·s weights 80·0.9 = 72 and 40·1 = 40, σ₁ = 4, σ₂ = 1: S₁ ≈ 0.95.
  // North sits at 50, far from the scale's ends, so the truncation is negligible.
  const [north0, south0] = threeActors.actors;
  const result = runSweep({
    scenario: { ...threeActors, actors: [{ ...north0!, stances: { ...north0!.stances, deal: { position: 50, salience: 90 } } }, south0!] },
    model: 'weighted-mean',
    runs: 4000,
    seed: 7,
    noise: [parseNoise('north.deal.position=normal:4'), parseNoise('south.deal.position=normal:1')],
  });
  const deal = result.issues[0]!;
  const north = deal.sensitivity.find((entry) => entry.input === 'north.deal.position')!;
  const south = deal.sensitivity.find((entry) => entry.input === 'south.deal.position')!;
  const expectedNorth = (72 ** 2 * 16) / (72 ** 2 * 16 + 40 ** 2);
  assert.ok(Math.abs(north.firstOrder! - expectedNorth) < 0.03, `S_north = ${north.firstOrder}, expected ≈ ${expectedNorth}`);
  assert.ok(Math.abs(south.firstOrder! - (1 - expectedNorth)) < 0.03, `S_south = ${south.firstOrder}`);
  assert.equal(deal.sensitivity[0]!.input, 'north.deal.position', 'the largest swing ranks first');
  // Swing = (72/112)·(x₉₅ − x₅) = (72/112)·2·1.645·4.
  assert.ok(Math.abs(north.swing - (72 / 112) * 2 * 1.6448536 * 4) < 1e-4, `swing ${north.swing}`);
});

test('three shards merged give exactly the single-machine result', () => {
  const prepared = prepareSweep(spec);
  const single = summarizeSweep(prepared, runBlock(prepared, 0, spec.runs));
  const parts = [2, 0, 1].map((index) => {
    const shard = parseShard(`${index}/3`);
    const { start, end } = shardRange(shard, spec.runs);
    // Through JSON text, as the parts travel between machines.
    return { file: `part-${index}.json`, part: JSON.parse(JSON.stringify(makePart(prepared, shard, runRange(prepared, start, end, { blockSize: 64 })))) as unknown };
  });
  const merged = mergeParts(parts);
  assert.deepEqual(summarizeSweep(merged.prepared, merged.data), single);
});

test('merge refuses parts of different sweeps, saying why, and incomplete or overlapping sets', () => {
  const partOf = (sweep: SweepSpec, index: number, count: number, file: string) => {
    const prepared = prepareSweep(sweep);
    const shard = { index, count };
    const { start, end } = shardRange(shard, sweep.runs);
    return { file, part: JSON.parse(JSON.stringify(makePart(prepared, shard, runBlock(prepared, start, end)))) as unknown };
  };
  const reason = (parts: Parameters<typeof mergeParts>[0]) => {
    try {
      mergeParts(parts);
    } catch (error) {
      assert.ok(error instanceof InputError);
      return error.message;
    }
    return assert.fail('merge accepted the parts');
  };
  assert.match(reason([partOf(spec, 0, 2, 'a.json'), partOf({ ...spec, seed: 43 }, 1, 2, 'b.json')]), /b\.json: comes from a different sweep than a\.json: different seed \(42 vs 43\)/u);
  assert.match(reason([partOf(spec, 0, 2, 'a.json'), partOf({ ...spec, model: 'weighted-mean' }, 1, 2, 'b.json')]), /different model/u);
  const otherScenario = { ...threeActors, title: 'changed' };
  assert.match(reason([partOf(spec, 0, 2, 'a.json'), partOf({ ...spec, scenario: otherScenario }, 1, 2, 'b.json')]), /different scenario/u);
  assert.match(reason([partOf(spec, 0, 3, 'a.json'), partOf(spec, 2, 3, 'c.json')]), /missing shard 1\/3/u);
  assert.match(reason([partOf(spec, 0, 2, 'a.json'), partOf(spec, 0, 2, 'b.json')]), /shard 0\/2 is also in a\.json/u);
  assert.match(reason([{ file: 'x.json', part: { hello: 1 } }]), /x\.json: format: is not a Parley sweep part/u);
  const edited = partOf(spec, 0, 1, 'e.json');
  (edited.part as { spec: { seed: number } }).spec.seed = 1;
  assert.match(reason([edited]), /e\.json: inputsHash: .*edited/u);
});

test('bad sweep inputs are InputErrors naming every problem', () => {
  assert.throws(
    () => prepareSweep({ ...spec, runs: -5, seed: 1.5, noise: [parseNoise('nobody.position=normal:1'), parseNoise('*.nowhere.salience=normal:1')] }),
    (error: unknown) =>
      error instanceof InputError &&
      error.problems.some((problem) => problem.field === 'runs') &&
      error.problems.some((problem) => problem.field === 'seed') &&
      error.problems.some((problem) => problem.field === 'noise[0]' && problem.message.includes('unknown actor "nobody"')) &&
      error.problems.some((problem) => problem.field === 'noise[1]' && problem.message.includes('unknown issue "nowhere"')),
  );
  assert.throws(() => parseShard('3/3'), InputError);
  assert.throws(() => parseShard('1-3'), InputError);
  assert.throws(
    () => prepareSweep({ ...spec, shocks: [parseShock('north.capability=10@2')] }),
    (error: unknown) => error instanceof InputError && /model "weighted-median" cannot apply round-based shocks/u.test(error.message),
  );
});

test('dropping an actor changes the forecast; EUM takes round-based shocks', () => {
  const base = runSweep({ ...spec, runs: 20, noise: [] });
  const dropped = runSweep({ ...spec, runs: 20, noise: [], shocks: [parseShock('drop:north')] });
  assert.equal(base.issues[0]!.baseline, 90);
  assert.equal(dropped.issues[0]!.baseline, 10);
  assert.ok(dropped.notes.includes('no estimate has noise: every run is the same'));
  const shocked = runSweep({ ...spec, model: 'eum', runs: 20, shocks: [parseShock('north.capability=5@2'), parseShock('close:north,south')] });
  assert.deepEqual((shocked.options as { closedDyads: unknown }).closedDyads, [['north', 'south']]);
  assert.notEqual(shocked.inputsHash, runSweep({ ...spec, model: 'eum', runs: 20 }).inputsHash);
});

test('merge checks every part against the fingerprint: an edited seed or scenario in a later part is refused', () => {
  const prepared = prepareSweep(spec);
  const partOf = (index: number) => {
    const shard = { index, count: 2 };
    const { start, end } = shardRange(shard, spec.runs);
    return { file: `part-${index}.json`, part: JSON.parse(JSON.stringify(makePart(prepared, shard, runBlock(prepared, start, end)))) as { spec: SweepSpec } };
  };
  const seedEdited = partOf(1);
  seedEdited.part.spec.seed = 7;
  assert.throws(() => mergeParts([partOf(0), seedEdited]), /part-1\.json: spec: .*different seed \(42 vs 7\).*edited/u);
  const scenarioEdited = partOf(1);
  scenarioEdited.part.spec.scenario.title = 'changed';
  assert.throws(() => mergeParts([partOf(0), scenarioEdited]), /part-1\.json: spec: .*different scenario.*edited/u);
});

test('settings with no effect are refused: a change after the last round, a threshold off the scale', () => {
  assert.throws(
    () => prepareSweep({ ...spec, model: 'eum', options: { rounds: 10 }, shocks: [parseShock('north.capability=50@99')] }),
    (error: unknown) => error instanceof InputError && /shocks\[0\]: the change north\.capability=50@99 starts at round 99, but the model runs 10 rounds/u.test(error.message),
  );
  assert.doesNotThrow(() => prepareSweep({ ...spec, model: 'eum', runs: 2, options: { rounds: 10 }, shocks: [parseShock('north.capability=50@10')] }));
  assert.throws(
    () => prepareSweep({ ...spec, thresholds: [{ issue: 'deal', value: 500 }] }),
    (error: unknown) => error instanceof InputError && /thresholds\[0\]: threshold "deal:500" is outside the scale of its issue \(deal \[0, 100\]\)/u.test(error.message),
  );
  assert.throws(() => prepareSweep({ ...spec, thresholds: [{ value: -1 }] }), /threshold "-1" is outside the scale of every issue/u);
  // Off one issue's scale but on another's: it tells something about that one.
  assert.doesNotThrow(() => prepareSweep({ ...spec, runs: 2, thresholds: [{ value: 50 }] }));
});
