import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runModel } from '../../../src/models/registry.js';
import { parseScenario } from '../../../src/scenario/parse.js';
import { fromRepo } from '../../../tests/support/paths.js';
import { leafPaths, leafText, mixturePath } from './timelinePaths.js';

const example = () => parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024-channels.yaml'), 'utf8'), { file: 'x.yaml' }).scenario;

test('EUM on the extended example: one dated path per leaf, and the mixture path ends at the mixture mean', () => {
  const forecast = runModel('eum', example());
  for (const issue of forecast.issues) {
    const paths = leafPaths(issue);
    assert.deepEqual(
      paths.map((path) => [path.label, path.probability]),
      issue.leaves!.map((leaf) => [leafText(leaf.leaf), leaf.probability]),
    );
    assert.equal(paths.length, 4);
    assert.equal(paths[0]!.label, 'channel=cut, aid=passes');
    for (const path of paths) {
      assert.equal(path.points[0]!.date, '2024-01-28');
      assert.equal(path.points.at(-1)!.date, '2025-01-28');
      // EUM's outcome is its last round's weighted median.
      assert.equal(path.points.at(-1)!.value, path.outcome);
    }
    const mixture = mixturePath(paths);
    assert.equal(mixture.length, paths[0]!.points.length);
    assert.ok(Math.abs(mixture.at(-1)!.value! - issue.mixture!.mean) < 1e-9);
    assert.ok(Math.abs(mixture[0]!.value! - paths[0]!.points[0]!.value!) < 1e-9, 'round 0 is the same input in every leaf');
  }
});

test('without branches the run is the one leaf; a leaf that stopped early holds its last value', () => {
  const paths = [
    { label: 'a', probability: 0.25, outcome: 10, points: [{ round: 0, date: null, value: 0 }, { round: 1, date: null, value: 10 }] },
    { label: 'b', probability: 0.75, outcome: 20, points: [{ round: 0, date: null, value: 0 }, { round: 1, date: null, value: 20 }, { round: 2, date: null, value: 40 }] },
  ];
  assert.deepEqual(mixturePath(paths).map((point) => point.value), [0, 17.5, 32.5]);
  assert.deepEqual(mixturePath([]), []);
  const plain = { ...example(), branches: undefined, events: undefined, proposals: undefined };
  const single = leafPaths(runModel('eum', plain).issues[0]!);
  assert.equal(single.length, 1);
  assert.equal(single[0]!.probability, 1);
});

test('Nash with dated effects: each leaf follows its own path, a round without agreement has no value', () => {
  const forecast = runModel('nash', example());
  const paths = leafPaths(forecast.issues[0]!);
  assert.equal(paths.length, 4);
  for (const [index, path] of paths.entries()) {
    const leaf = forecast.issues[0]!.leaves![index]!;
    assert.deepEqual(path.points.map((point) => point.value), leaf.path!.map((point) => point.outcome));
    assert.equal(path.points[1]!.date, leaf.path![1]!.startDate);
  }
  const mixed = mixturePath([
    { label: 'a', probability: 0.5, outcome: 0, points: [{ round: 0, date: null, value: 10 }, { round: 1, date: null, value: null }] },
    { label: 'b', probability: 0.5, outcome: 0, points: [{ round: 0, date: null, value: 30 }, { round: 1, date: null, value: 40 }] },
  ]);
  assert.deepEqual(mixed.map((point) => point.value), [20, null]);
});
