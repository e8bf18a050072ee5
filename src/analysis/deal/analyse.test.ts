import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../../errors.js';
import { parseScenario } from '../../scenario/parse.js';
import type { Scenario } from '../../scenario/schema.js';
import { fromRepo } from '../../../tests/support/paths.js';
import { analyseDeal } from './analyse.js';
import type { DealIssue } from './types.js';

const scenarioOf = (input: unknown): Scenario => parseScenario(JSON.stringify(input), { format: 'json' }).scenario;
const close = (actual: number | null | undefined, expected: number, tolerance = 1e-6) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${actual}`);

/** V-D1…V-D4: two members at 0 and 100, status quo 50, hurt 0.2 each, capability 100, patience 0.9/yr, monthly, 3 rounds. */
function two(extra: Record<string, unknown> = {}, patience = 0.9): Scenario {
  const stance = (position: number) => ({ q: { position, salience: 100, hurt: 0.2, patience } });
  return scenarioOf({
    title: 'd',
    salienceScale: 100,
    timeline: { start: '2024-01-01', step: '1m', end: '2024-04-01' },
    issues: [{ id: 'q', statusQuo: 50 }],
    actors: [
      { id: 'a', capability: 100, stances: stance(0) },
      { id: 'b', capability: 100, stances: stance(100) },
    ],
    ...extra,
  });
}
const bGains = { events: [{ date: '2024-02-15', effects: [{ actor: 'b', capability: { times: 4 } }] }] };
const issueOf = (scenario: Scenario): DealIssue => analyseDeal(scenario).issues[0]!;

describe('deal analysis vectors (channels-spec §12.5)', () => {
  it('V-D1: no events: ripe at 0, terms 50 (= Nash)', () => {
    const leaf = issueOf(two()).leaves[0]!;
    assert.equal(leaf.firstRipe?.round, 0);
    close(leaf.firstRipe?.terms, 50);
  });
  it('V-D2: b × 4 from 2024-02-15: deals 50, 50, 59.025581, 59.025581; a accepts at 0, b holds out; ripe at 2', () => {
    const leaf = issueOf(two(bGains)).leaves[0]!;
    [50, 50, 59.025581, 59.025581].forEach((deal, t) => close(leaf.rows[t]!.deal, deal));
    assert.deepEqual({ ...leaf.rows[0]!.accept }, { a: true, b: false });
    assert.equal(leaf.firstRipe?.round, 2);
    close(leaf.firstRipe?.terms, 59.025581);
    assert.equal(leaf.rows[0]!.holdouts[0]!.reason, 'waiting');
  });
  it('V-D3: the same with patience 0.05/yr: both accept at 0, terms 50', () => {
    const leaf = issueOf(two(bGains, 0.05)).leaves[0]!;
    assert.deepEqual({ ...leaf.rows[0]!.accept }, { a: true, b: true });
    assert.equal(leaf.firstRipe?.round, 0);
    close(leaf.firstRipe?.terms, 50);
  });
  it('V-D4: a branch at 2024-02-15 (b × 4 with p 0.5): both leaves ripe at 2 (59.025581 / 50); P(agreement by t) = 0, 0, 1, 1', () => {
    const issue = issueOf(
      two({ branches: [{ id: 'k', date: '2024-02-15', outcomes: [{ id: 'up', probability: 0.5, effects: [{ actor: 'b', capability: { times: 4 } }] }, { id: 'flat', probability: 0.5, effects: [] }] }] }),
    );
    assert.deepEqual(issue.leaves.map((leaf) => leaf.firstRipe?.round), [2, 2]);
    close(issue.leaves[0]!.firstRipe?.terms, 59.025581);
    close(issue.leaves[1]!.firstRipe?.terms, 50);
    issue.mixture.pAgreementBy.forEach((point, t) => close(point.p, [0, 0, 1, 1][t]!, 1e-12));
  });
  it('refuses an issue without a status quo (§11.11), naming it', () => {
    const scenario = scenarioOf({ title: 'd', issues: [{ id: 'q' }], actors: [{ id: 'a', capability: 1, stances: { q: { position: 0, salience: 1 } } }, { id: 'b', capability: 1, stances: { q: { position: 1, salience: 1 } } }], salienceScale: 1 });
    assert.throws(() => analyseDeal(scenario), (error: unknown) => error instanceof InputError && /status quo on issue "q"/u.test(error.message));
  });
});

describe('the extended worked example (channels-spec §12.5 V-W1…V-W5, §13)', () => {
  const example = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024-channels.yaml'), 'utf8'), { file: 'example.yaml' }).scenario;
  const result = analyseDeal(example);
  const issue = (id: string) => result.issues.find((candidate) => candidate.issue === id)!;

  it('V-W1: talks — P(agreement by 2025-01-28) = 0; Russia accepts nothing, the US (9.909151, 100]', () => {
    const talks = issue('talks');
    assert.equal(talks.mixture.pAgreementBy.at(-1)!.date, '2025-01-28');
    assert.equal(talks.mixture.pAgreementBy.at(-1)!.p, 0);
    const row = talks.leaves[0]!.rows[0]!;
    assert.equal(row.intervals['russia'], null);
    close(row.intervals['us']![0], 9.909151);
    close(row.intervals['us']![1], 100);
    assert.equal(row.holdouts[0]!.reason, 'none-acceptable');
  });
  it('V-W2: settlement — P = 0; Russia (82.218494, 100], Ukraine [0, 21.402154); no overlap', () => {
    const settlement = issue('settlement');
    assert.equal(settlement.mixture.pAgreementBy.at(-1)!.p, 0);
    const row = settlement.leaves[0]!.rows[0]!;
    close(row.intervals['russia']![0], 82.218494);
    close(row.intervals['ukraine']![1], 21.402154);
    const detail = row.holdouts[0]!.detail as { lowest: { actor: string; withFullTrust: number }; highest: { actor: string; withoutRedLine: number } };
    assert.equal(row.holdouts[0]!.reason, 'no-overlap');
    assert.equal(detail.lowest.actor, 'russia');
    assert.equal(detail.highest.actor, 'ukraine');
  });
  it('V-W3: the US private request is refused, G = −0.241 (terms −0.143, breach −0.030, audience −0.018, red line −0.050; τ 0.40, exposure 0.20)', () => {
    for (const verdict of issue('talks').proposals) {
      assert.equal(verdict.verdict, 'refuses: worse than no deal');
      close(verdict.gain, -0.241, 1e-9);
      close(verdict.parts.terms, -0.143, 1e-9);
      close(verdict.parts.breach, -0.03, 1e-9);
      close(verdict.parts.audience, -0.018, 1e-9);
      close(verdict.parts.redLine, -0.05, 1e-9);
      close(verdict.trust, 0.4, 1e-9);
      close(verdict.exposure, 0.2, 1e-12);
      assert.equal(verdict.interval, null);
    }
  });
  it('V-W4: the ceasefire on the line put to Ukraine is refused, G = −0.077667 (terms 0.032, breach −0.058667, audience −0.011, red line −0.040)', () => {
    const verdict = issue('settlement').proposals[0]!;
    assert.equal(verdict.verdict, 'refuses: worse than no deal');
    close(verdict.gain, -0.077667);
    close(verdict.parts.terms, 0.032, 1e-9);
    close(verdict.parts.breach, -0.058667);
    close(verdict.parts.audience, -0.011, 1e-9);
    close(verdict.parts.redLine, -0.04, 1e-9);
    close(verdict.trust, 0.266667);
    close(verdict.exposure, 0.1, 1e-12);
  });
  it('V-W5 and §13: without red lines and distrust Russia holds out against 60.2; without all four factors a deal at 63.448576 now, Russia waits, ripe at round 10 (65.422475 if aid passes, 80.742168 if it fails)', () => {
    const layers = issue('settlement').layers;
    assert.deepEqual(layers.map((layer) => layer.removed), [['red-lines', 'trust'], ['red-lines', 'trust', 'audience-costs', 'win-sets']]);
    const first = layers[0]!;
    close(first.pAgreement, 0.45, 1e-12);
    close(first.expectedTerms, 76.773250, 1e-5);
    const now = first.holdouts.find((holdout) => holdout.round === 0)!;
    assert.equal(now.actor, 'russia');
    close(now.deal, 60.196819, 1e-5);
    close(now.detail.acceptFlow, -0.1733, 1e-4);
    close(now.detail.waitFlow, -0.1057, 1e-4);
    const bare = analyseDeal(example, { issue: 'settlement' }).issues[0]!.layers.at(-1)!;
    assert.equal(bare.pAgreement, 1);
    const bareNow = bare.holdouts.find((holdout) => holdout.round === 0)!;
    close(bareNow.deal, 63.448576);
    assert.equal(bareNow.actor, 'russia');
    close(bareNow.detail.expectedRound, 10, 1e-12);
    assert.equal(bareNow.detail.expectedDate, '2024-11-28');
    for (const leaf of bare.leaves) {
      assert.equal(leaf.firstRipe?.round, 10);
      close(leaf.firstRipe?.terms, leaf.leaf['aid'] === 'passes' ? 65.422475 : 80.742168);
    }
  });
  it('§13: the talks table is closed from 28 Mar 2024 where the back-channel is cut', () => {
    const talks = issue('talks');
    for (const leaf of talks.leaves) assert.equal(leaf.rows[2]!.holdouts[0]!.reason, leaf.leaf['channel'] === 'cut' ? 'closed' : 'none-acceptable');
  });
});

// The generator of §12.5: 2–3 veto players, 2–8 monthly rounds, random hurt, patience, audience costs, breach costs,
// red lines, trust, 0–3 dated capability / hurt / status-quo events, a branch half the time.
const unit = (steps = 1000) => fc.integer({ min: 0, max: steps }).map((k) => k / steps);
const arbitraryActor = fc.record({
  position: fc.oneof(fc.integer({ min: 0, max: 10 }).map((k) => k * 10), fc.integer({ min: 0, max: 10000 }).map((k) => k / 100)),
  salience: fc.integer({ min: 10, max: 100 }),
  capability: fc.integer({ min: 5, max: 100 }),
  hurt: unit().map((u) => 0.4 * u),
  patience: unit().map((u) => 0.5 + 0.49 * u),
  audienceCost: fc.option(unit().map((u) => 0.4 * u), { freq: 2 }),
  breachCost: fc.option(unit().map((u) => 0.3 * u), { freq: 3 }),
  redLine: fc.option(fc.record({ atLeast: fc.boolean(), distance: unit().map((u) => 40 * u), cost: unit().map((u) => 2 * u) }), { freq: 3 }),
});
const arbitraryEvent = (n: number, T: number) =>
  fc.record({
    month: fc.integer({ min: 1, max: T }),
    kind: fc.constantFrom('capability', 'hurt', 'statusQuo'),
    actor: fc.integer({ min: 0, max: n - 1 }),
    value: unit(),
  });
const arbitraryDealScenario = fc
  .record({ n: fc.constantFrom(2, 2, 3), T: fc.integer({ min: 2, max: 8 }) })
  .chain(({ n, T }) =>
    fc.record({
      n: fc.constant(n),
      T: fc.constant(T),
      actors: fc.array(arbitraryActor, { minLength: n, maxLength: n }),
      statusQuo: fc.integer({ min: 0, max: 10000 }).map((k) => k / 100),
      trust: fc.array(fc.record({ of: fc.integer({ min: 0, max: n - 1 }), in: fc.integer({ min: 0, max: n - 1 }), value: unit().map((u) => 0.05 + 0.95 * u) }), { maxLength: 4 }),
      events: fc.array(arbitraryEvent(n, T), { maxLength: 3 }),
      branch: fc.option(fc.record({ month: fc.integer({ min: 1, max: T }), p: unit().map((u) => Math.round((0.05 + 0.9 * u) * 1000) / 1000), actor: fc.integer({ min: 0, max: n - 1 }), value: unit() }), { freq: 1 }),
    }),
  );

type DealSample = typeof arbitraryDealScenario extends fc.Arbitrary<infer R> ? R : never;
type SampleEvent = DealSample['events'][number];

const month = (m: number) => `2024-${String(m).padStart(2, '0')}`;
function dealScenario(sample: DealSample, dated = true): Scenario {
  const actors = sample.actors.map((actor, k) => {
    const stance: Record<string, unknown> = { position: actor.position, salience: actor.salience, hurt: actor.hurt, patience: actor.patience };
    if (actor.audienceCost !== null) stance['audienceCost'] = actor.audienceCost;
    if (actor.breachCost !== null) stance['breachCost'] = actor.breachCost;
    if (actor.redLine !== null) {
      stance['commitment'] = actor.redLine.atLeast
        ? { atLeast: Math.max(0, actor.position - actor.redLine.distance), cost: actor.redLine.cost }
        : { atMost: Math.min(100, actor.position + actor.redLine.distance), cost: actor.redLine.cost };
    }
    return { id: `a${k}`, capability: actor.capability, stances: { q: stance } };
  });
  const trust = sample.trust.filter((entry) => entry.of !== entry.in);
  const seen = new Set<string>();
  const set = trust.filter((entry) => !seen.has(`${entry.of}-${entry.in}`) && seen.add(`${entry.of}-${entry.in}`)).map((entry) => ({ of: `a${entry.of}`, in: `a${entry.in}`, value: entry.value }));
  const effect = (event: SampleEvent) =>
    event.kind === 'capability'
      ? { actor: `a${event.actor}`, capability: { times: 0.3 + 2.7 * event.value } }
      : event.kind === 'hurt'
        ? { actor: `a${event.actor}`, issue: 'q', hurt: { set: 0.5 * event.value } }
        : { issue: 'q', statusQuo: { set: 100 * event.value } };
  const input: Record<string, unknown> = {
    title: 'r',
    salienceScale: 100,
    timeline: { start: '2024-01-01', step: '1m', end: `${sample.T + 1 > 12 ? '2025-01' : month(sample.T + 1)}-01` },
    issues: [{ id: 'q', statusQuo: sample.statusQuo }],
    actors,
  };
  if (set.length > 0) input['trust'] = { set };
  if (dated && sample.events.length > 0) input['events'] = sample.events.map((event) => ({ date: `${month(event.month)}-15`, effects: [effect(event)] }));
  if (dated && sample.branch !== null) {
    const b = sample.branch;
    input['branches'] = [{ id: 'b', date: `${month(b.month)}-10`, outcomes: [
      { id: 'y', probability: b.p, effects: [{ actor: `a${b.actor}`, capability: { times: 0.3 + 2.7 * b.value } }] },
      { id: 'n', probability: Math.round((1 - b.p) * 1000) / 1000, effects: [{ actor: `a${b.actor}`, issue: 'q', hurt: { plus: 0.3 * b.value } }] },
    ] }];
  }
  return scenarioOf(input);
}
const settings = { seed: 9, numRuns: 120 };

describe('deal analysis properties (channels-spec §12.5, fast-check, seed 9)', () => {
  it('D-P1: without dated change, agreement at 0 exactly when a deal exists at 0, otherwise never', () => {
    fc.assert(
      fc.property(arbitraryDealScenario, (sample) => {
        const leaf = issueOf(dealScenario(sample, false)).leaves[0]!;
        assert.equal(leaf.firstRipe?.round ?? null, leaf.rows[0]!.deal !== null ? 0 : null);
      }),
      settings,
    );
  });
  it('D-P2: at every ripe point the terms are in every interval and accept ≥ wait; at the horizon ripe ⇔ a deal exists', () => {
    fc.assert(
      fc.property(arbitraryDealScenario, (sample) => {
        const issue = issueOf(dealScenario(sample));
        for (const leaf of issue.leaves) {
          for (const row of leaf.rows) {
            if (!row.ripe) continue;
            for (const member of issue.members) {
              const interval = row.intervals[member]!;
              assert.ok(interval[0] - 1e-9 <= row.deal! && row.deal! <= interval[1] + 1e-9);
              const { accept, wait } = row.values[member]!;
              assert.ok(accept! >= wait - 1e-9 * Math.max(1, Math.abs(wait)));
            }
          }
          const last = leaf.rows.at(-1)!;
          assert.equal(last.ripe, last.deal !== null);
        }
      }),
      settings,
    );
  });
  it('D-P3: every holdout has, in a positive-probability leaf of its node, a later round with A_i or D_i above its A_i now', () => {
    fc.assert(
      fc.property(arbitraryDealScenario, (sample) => {
        const scenario = dealScenario(sample);
        const issue = issueOf(scenario);
        const branchMonth = sample.branch === null ? Infinity : sample.branch.month;
        for (const leaf of issue.leaves) {
          for (const row of leaf.rows) {
            if (row.deal === null) continue;
            // Monthly from 1 Jan: a branch dated on the 10th of month m falls in round m.
            const node = issue.leaves.filter((other) => row.round >= branchMonth ? other.leaf['b'] === leaf.leaf['b'] : true);
            for (const member of issue.members) {
              if (row.accept[member]) continue;
              const now = row.flows[member]!.agreement!;
              const better = node.some((other) => other.probability > 0 && other.rows.slice(row.round + 1).some((later) => (later.flows[member]!.agreement ?? -Infinity) > now + 1e-12 || later.flows[member]!.conflict > now + 1e-12));
              assert.ok(better, `${member} holds out at ${row.round} expecting nothing better`);
            }
          }
        }
      }),
      settings,
    );
  });
  it('T-P2 (deal): a branch whose outcome has probability 1 gives the same first ripe point and deals as a plain event', () => {
    fc.assert(
      fc.property(arbitraryDealScenario, (sample) => {
        if (sample.branch === null) return;
        const certain = { ...sample, branch: { ...sample.branch, p: 1 } };
        const branched = issueOf(dealScenario(certain));
        const asEvent = dealScenario({ ...sample, branch: null, events: [...sample.events] });
        const b = sample.branch;
        const withEvent = scenarioOf({
          ...asEvent,
          events: [...(asEvent.events ?? []), { date: `${month(b.month)}-10`, effects: [{ actor: `a${b.actor}`, capability: { times: 0.3 + 2.7 * b.value } }] }],
        });
        const plain = issueOf(withEvent).leaves[0]!;
        const leaf = branched.leaves.find((candidate) => candidate.probability === 1)!;
        assert.equal(leaf.firstRipe?.round ?? null, plain.firstRipe?.round ?? null);
        leaf.rows.forEach((row, t) => {
          const other = plain.rows[t]!.deal;
          assert.equal(row.deal === null, other === null);
          if (row.deal !== null) assert.ok(Math.abs(row.deal - other!) < 1e-12);
        });
      }),
      settings,
    );
  });
});
