import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromRepo } from '../../../tests/support/paths.js';
import type { IssueForecast } from '../../models/model.js';
import { runModel } from '../../models/registry.js';
import { parseScenario } from '../../scenario/parse.js';
import { actorNames } from '../../scenario/views.js';
import { summarizeMoves } from './moves.js';
import { diagnoseStability } from './stability.js';

const { scenario } = parseScenario(readFileSync(fromRepo('examples/backchannel-2024.yaml'), 'utf8'), { file: 'backchannel-2024.yaml' });
const names = actorNames(scenario.actors);

test('EUM talks: who conceded to whom and why, largest concession first, nobody held firm', () => {
  const talks = runModel('eum', scenario).issues[1]!;
  const summary = summarizeMoves(talks, (id) => names[id]!);
  const russia = summary.movers.find((mover) => mover.actor === 'russia')!;
  assert.deepEqual([russia.start, russia.end], [15, 40]);
  assert.deepEqual(russia.moves.map(({ round, from, to, toward, why }) => ({ round, from, to, toward, why })), [{ round: 1, from: 15, to: 40, toward: 'eu', why: 'conflict-lost' }]);
  assert.equal(russia.moves[0]!.text, 'giving in to European Union after a conflict it expects to lose');
  // Every concession is |end − start|, sorted from the largest.
  const concessions = summary.movers.map((mover) => mover.concession);
  assert.deepEqual(concessions, [...concessions].sort((a, b) => b - a));
  assert.equal(summary.movers[0]!.concession, 40); // us-republicans: 80 → 40
  assert.equal(summary.movers.length + summary.heldFirm.length, 7);
});

test('an actor that never moves is listed as holding firm', () => {
  const result: IssueForecast = {
    issue: 'x',
    outcome: 10,
    notes: [],
    rounds: [
      { round: 0, positions: { a: 0, b: 10 }, median: 10, mean: 5 },
      { round: 1, positions: { a: 10, b: 10 }, median: 10, mean: 10, moves: [{ actor: 'a', kind: 'capitulation', proposer: 'b', from: 0, to: 10, expectedUtility: -1, otherExpectedUtility: 1 }] },
    ],
  };
  const summary = summarizeMoves(result);
  assert.deepEqual(summary.heldFirm, ['b']);
  assert.equal(summary.movers[0]!.moves[0]!.text, 'capitulating to b');
});

test('SMP moves are bargains taken, toward the other party', () => {
  const talks = runModel('smp', scenario).issues[1]!;
  const summary = summarizeMoves(talks);
  assert.ok(summary.movers.length > 0);
  for (const mover of summary.movers) for (const move of mover.moves) {
    assert.equal(move.why, 'smp-bargain', JSON.stringify(move));
    assert.ok(move.toward !== null && move.toward !== mover.actor);
  }
});

test('stability: a settled run, a 2-cycle with its values, and a run still moving', () => {
  const path = (medians: number[]): IssueForecast => ({ issue: 'x', outcome: medians.at(-1)!, notes: [], rounds: medians.map((median, round) => ({ round, positions: { a: median }, median, mean: median })) });
  assert.equal(diagnoseStability(path([70, 40, 40, 40, 40, 40]), 100)!.median, 'settled');
  const cycle = diagnoseStability(path([70, 63.2, 45.2, 35.2, 45.2, 37.4, 45.2, 37.7, 45.2, 37.8]), 100)!;
  assert.equal(cycle.median, 'two-cycle');
  assert.deepEqual(cycle.alternates, [45.2, 37.8]);
  const moving = diagnoseStability(path([10, 20, 30, 40, 50, 60]), 100)!;
  assert.equal(moving.median, 'unsettled');
  assert.deepEqual(moving.lastMove, [50, 60]);
  assert.equal(diagnoseStability(path([1, 2]), 100), undefined);
});
