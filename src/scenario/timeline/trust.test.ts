import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDate } from './calendar.js';
import { trustIn, type TrustSettings } from './trust.js';
import type { TrustRecordState, WorldState } from './world.js';

const timeline = { start: parseDate('2024-01-01'), n: 1, unit: 'm' as const };
const stateWith = (records: TrustRecordState[]): WorldState => ({ stances: new Map(), statusQuo: new Map(), channels: new Map(), trustSet: new Map(), records });
const record = (day: number, outcome: 'kept' | 'broken', weight = 1): TrustRecordState => ({ date: parseDate('2000-01-01') + day, actors: ['b'], outcome, seenBy: ['a'], weight, label: '' });

const arbitraryHistory = fc.record({
  mean: fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
  strength: fc.integer({ min: 1, max: 50 }).map((k) => k / 5),
  halfLife: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  records: fc.array(fc.record({ day: fc.integer({ min: 0, max: 8000 }), broken: fc.boolean(), weight: fc.integer({ min: 1, max: 30 }).map((k) => k / 10) }), { maxLength: 8 }),
});

describe('trust properties (channels-spec §12.6, seed 2)', () => {
  it('R-P1, R-P2: a broken record lowers τ (strictly if τ > 0), a kept one raises it (strictly if τ < 1); τ ∈ [0, 1]', () => {
    fc.assert(
      fc.property(arbitraryHistory, fc.integer({ min: 0, max: 8000 }), (history, day) => {
        const settings: TrustSettings = { mean: history.mean, strength: history.strength, halfLifeYears: history.halfLife };
        const records = history.records.map((entry) => record(entry.day, entry.broken ? 'broken' : 'kept', entry.weight));
        const tau = (extra: TrustRecordState[]) => trustIn(settings, stateWith([...records, ...extra]), timeline, 1, 'a', 'b');
        const base = tau([]);
        assert.ok(base >= 0 && base <= 1);
        const lower = tau([record(day, 'broken')]);
        const higher = tau([record(day, 'kept')]);
        assert.ok(lower <= base && higher >= base);
        if (base > 0) assert.ok(lower < base);
        if (base < 1) assert.ok(higher > base);
      }),
      { seed: 2, numRuns: 3000 },
    );
  });
  it('R-P3: with a half-life, the same records seen later leave τ no farther from μ₀', () => {
    fc.assert(
      fc.property(arbitraryHistory, fc.integer({ min: 1, max: 200 }), (history, later) => {
        const settings: TrustSettings = { mean: history.mean, strength: history.strength, halfLifeYears: history.halfLife ?? 5 };
        const state = stateWith(history.records.map((entry) => record(entry.day, entry.broken ? 'broken' : 'kept', entry.weight)));
        const now = trustIn(settings, state, timeline, 1, 'a', 'b');
        const then = trustIn(settings, state, timeline, 1 + later, 'a', 'b');
        assert.ok(Math.abs(then - history.mean) <= Math.abs(now - history.mean) + 1e-12);
      }),
      { seed: 2, numRuns: 3000 },
    );
  });
  it('a direct estimate overrides the records; without records τ is the prior mean', () => {
    const state = stateWith([record(0, 'broken')]);
    state.trustSet.set('a\u0000b', 0.6);
    assert.equal(trustIn({ mean: 0.8, strength: 2, halfLifeYears: undefined }, state, timeline, 1, 'a', 'b'), 0.6);
    assert.equal(trustIn({ mean: 0.8, strength: 2, halfLifeYears: undefined }, stateWith([]), timeline, 1, 'a', 'b'), 0.8);
  });
});
