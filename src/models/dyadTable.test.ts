import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromRepo } from '../../tests/support/paths.js';
import { loadScenario, runEum } from '../../tests/support/eumTesting.js';
import { DyadTable, dyadAt, dyadList, dyadsInvolving, perceptionCode, perceptionCodes, reviveDyads } from './dyadTable.js';
import type { Dyad } from './model.js';

const plain = loadScenario(fromRepo('examples', 'backchannel-2024.yaml'));
const channels = loadScenario(fromRepo('examples', 'backchannel-2024-channels.yaml'));

describe('DyadTable: the kept dyads by column (issue 16 item 2)', () => {
  it('a run keeps typed arrays, not one object per dyad: Int32 actor indices, Float64 values, Uint8 codes', () => {
    const round = runEum(plain, 'default', { dyads: true }).issues[0]!.rounds[1]!;
    const table = round.dyads!;
    assert.ok(table instanceof DyadTable);
    assert.ok(table.actor instanceof Int32Array && table.other instanceof Int32Array);
    assert.ok(table.probability instanceof Float64Array && table.offer instanceof Float64Array);
    assert.ok(table.perception instanceof Uint8Array && table.taken instanceof Uint8Array);
    assert.equal(table.channel, undefined);
    const n = Object.keys(round.positions).length;
    assert.equal(table.length, n * (n - 1));
  });

  it('perception codes round-trip', () => {
    perceptionCodes.forEach((perception, code) => assert.equal(perceptionCode(perception), code));
  });

  for (const [name, scenario] of [['plain', plain], ['channels', channels]] as const) {
    it(`${name}: toJSON, DyadTable.of, reviveDyads and a structured clone all read the same dyads`, () => {
      for (const preset of ['default', 'scholz2011-code', 'scholz2011-paper']) {
        const forecast = runEum(scenario, preset, { dyads: true, rounds: 3 });
        const text = JSON.stringify(forecast);
        const revived = reviveDyads(JSON.parse(text) as typeof forecast);
        assert.equal(JSON.stringify(revived), text);
        for (const [index, issue] of forecast.issues.entries()) {
          for (const [roundIndex, round] of issue.rounds.entries()) {
            if (!round.dyads) continue;
            const dyads: Dyad[] = dyadList(round.dyads);
            assert.deepEqual(round.dyads.toJSON(), dyads);
            assert.deepEqual(dyadList(DyadTable.of(round.dyads.ids, dyads)), dyads);
            assert.ok(revived.issues[index]!.rounds[roundIndex]!.dyads instanceof DyadTable);
            // A Web Worker's message: the same fields without the prototype.
            const cloned = structuredClone(round);
            assert.deepEqual(dyadList(cloned.dyads!), dyads);
            reviveDyads({ issues: [{ rounds: [cloned] }] });
            assert.ok(cloned.dyads instanceof DyadTable);
            assert.equal(JSON.stringify(cloned.dyads), JSON.stringify(round.dyads));
            assert.deepEqual(dyadAt(round.dyads, 3), dyads[3]);
            for (const actor of Object.keys(round.positions)) {
              assert.deepEqual(dyadsInvolving(round.dyads, actor), dyads.filter((dyad) => dyad.actor === actor || dyad.other === actor));
            }
          }
        }
      }
    });
  }

  it('with channels, adjusted dyads carry from, shortfall and terms, in the order the JSON has always had', () => {
    const forecast = runEum(channels, 'default', { dyads: true, rounds: 3 });
    const adjusted = forecast.issues.flatMap((issue) => issue.rounds.flatMap((round) => (round.dyads ? dyadList(round.dyads) : []))).filter((dyad) => dyad.shortfall !== undefined);
    assert.ok(adjusted.length > 0);
    for (const dyad of adjusted) {
      assert.deepEqual(Object.keys(dyad), ['actor', 'other', 'probability', 'expectedUtility', 'otherExpectedUtility', 'perception', 'offer', 'taken', 'channel', 'baseOffer', 'from', 'shortfall', 'terms']);
    }
  });
});
