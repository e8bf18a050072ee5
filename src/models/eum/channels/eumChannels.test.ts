/**
 * The EUM with channels on scenarios (channels-spec §7, §12.1, §12.3, §13): the worked example's
 * vectors, the reduction to today's EUM (RED-1, RED-3) and the one-round properties E-P1–E-P4, E-P6.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Scenario } from '../../../scenario/schema.js';
import { leavesOf } from '../../../scenario/timeline/leaves.js';
import { runModel } from '../../registry.js';
import type { Dyad, Forecast, Round } from '../../model.js';
import { arbitrarySingleIssueScenario } from '../../../../tests/support/arbitraries.js';
import { fromRepo } from '../../../../tests/support/paths.js';
import { loadScenario, runEum } from '../../../../tests/support/eumTesting.js';

const presets = ['default', 'scholz2011-code', 'scholz2011-paper'];
const example = () => loadScenario(fromRepo('examples', 'backchannel-2024-channels.yaml'));
const close = (actual: number | undefined, expected: number, what = '', tolerance = 1e-6) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected}`);

function leafRun(scenario: Scenario, choice: Record<string, string>, preset = 'default') {
  const leaf = leavesOf(scenario.branches).find((candidate) => Object.entries(choice).every(([branch, outcome]) => candidate.choice[branch] === outcome))!;
  return runEum(scenario, preset, { rounds: 12 }, leaf);
}
const issueOf = (forecast: Forecast, id: string) => forecast.issues.find((issue) => issue.issue === id)!;
const moveOf = (round: Round, actor: string) => round.moves?.find((move) => move.actor === actor);

describe('EUM with channels: the extended worked example (channels-spec §12.3, §13)', () => {
  const scenario = example();
  const cutPasses = leafRun(scenario, { channel: 'cut', aid: 'passes' });
  it('V-E11: round 1 settlement — Russia 95 → 80 on the US private offer (base 40); Ukraine 5 → 20 on Russia\'s public offer', () => {
    const round = issueOf(cutPasses, 'settlement').rounds[1]!;
    const russia = moveOf(round, 'russia')!;
    assert.deepEqual([russia.proposer, russia.channel, russia.from], ['us', 'private', 95]);
    close(russia.to, 80);
    close(russia.baseTo, 40);
    const ukraine = moveOf(round, 'ukraine')!;
    assert.equal(ukraine.proposer, 'russia');
    assert.equal(ukraine.channel, 'public');
    close(ukraine.to, 20);
  });
  it('V-E12: round 1 talks — Russia 15 → 25 on Germany\'s public offer; the US holds at 75 (Germany\'s offer would take it to 70); medians 70, 31, 31, 28.84', () => {
    const rounds = issueOf(cutPasses, 'talks').rounds;
    const russia = moveOf(rounds[1]!, 'russia')!;
    assert.equal(russia.proposer, 'germany');
    close(russia.to, 25);
    const hold = rounds[1]!.holds!.find((entry) => entry.actor === 'us')!;
    assert.equal(hold.proposer, 'germany');
    close(hold.wouldMoveTo, 70);
    close(hold.shortfall.audience, 5);
    assert.equal(rounds[1]!.positions['us'], 75);
    [70, 31, 31, 28.84].forEach((median, t) => close(rounds[t]!.median, median, `median ${t}`));
  });
  it('V-E14: round 2 settlement — Ukraine 20 → 24 past its public red line on the US private offer (base 40); the public offers are refused', () => {
    const round = issueOf(cutPasses, 'settlement').rounds[2]!;
    const ukraine = moveOf(round, 'ukraine')!;
    assert.deepEqual([ukraine.proposer, ukraine.channel], ['us', 'private']);
    close(ukraine.to, 24);
    close(ukraine.baseTo, 40);
    close(ukraine.shortfall!.trust, 4);
    close(ukraine.shortfall!.audience, 2);
    close(ukraine.shortfall!.redLine, 10);
    assert.ok(!round.holds!.some((hold) => hold.actor === 'ukraine'));
    assert.ok(round.holds!.some((hold) => hold.actor === 'russia'));
  });
  it('V-E15: leaf open/passes, round 2 talks — Russia 25 → 32 on the US private offer (base 75); where the channel is cut it holds at 25', () => {
    const open = leafRun(scenario, { channel: 'open', aid: 'passes' });
    const russia = moveOf(issueOf(open, 'talks').rounds[2]!, 'russia')!;
    assert.deepEqual([russia.proposer, russia.channel], ['us', 'private']);
    close(russia.to, 32);
    close(russia.baseTo, 75);
    const cut = issueOf(cutPasses, 'talks').rounds[2]!;
    assert.equal(moveOf(cut, 'russia'), undefined);
    assert.equal(cut.positions['russia'], 25);
  });
  it('V-E13: the mixture — settlement mean 40, median 40; talks mean 29.945335, median 28.050051', () => {
    const forecast = runModel('eum', scenario);
    const [settlement, talks] = forecast.issues;
    close(settlement!.outcome, 40);
    close(settlement!.mixture!.median, 40);
    close(talks!.outcome, 29.945335);
    close(talks!.mixture!.median, 28.050051);
    assert.equal(talks!.leaves!.length, 4);
    assert.equal(forecast.options['rounds'], 12);
    assert.equal(talks!.rounds[12]!.endDate, '2025-01-28');
  });
  it('§13.1: the other presets — scholz2011-code settlement 40, talks 25.3–26.5; scholz2011-paper settlement 53.7–59.0, talks 58.7', () => {
    const outcomes = (preset: string) => leavesOf(scenario.branches).map((leaf) => runEum(scenario, preset, { rounds: 12 }, leaf).issues.map((issue) => issue.outcome));
    const code = outcomes('scholz2011-code');
    const paper = outcomes('scholz2011-paper');
    code.forEach(([settlement, talks]) => {
      close(settlement, 40, 'code settlement', 0.05);
      assert.ok(talks! >= 25.25 && talks! <= 26.55, `code talks ${talks}`);
    });
    [53.7, 53.7, 56.0, 59.0].forEach((value, index) => close(paper[index]![0], value, 'paper settlement', 0.05));
    paper.forEach(([, talks]) => close(talks, 58.7, 'paper talks', 0.05));
  });
});

/** Every round's positions and medians (what RED-1/RED-3 compare, to the bit). */
const trace = (forecast: Forecast) => forecast.issues.map((issue) => issue.rounds.map((round) => [round.positions, round.median, round.moves]));

/** The scenario with every channel field at its neutral value. */
function neutralised(scenario: Scenario): Scenario {
  const [first, second] = scenario.actors;
  return {
    ...scenario,
    timeline: { start: '2024-01-31', step: '1m' },
    channels: first && second ? [{ between: [first.id, second.id], channel: 'public' }] : [],
    trust: { prior: { mean: 1, strength: 2 } },
    actors: scenario.actors.map((actor) => ({ ...actor, audienceCost: 0, stances: Object.fromEntries(Object.entries(actor.stances).map(([id, stance]) => [id, { ...stance, audienceCost: 0 }])) })),
  };
}

describe('EUM with channels: reduction to today (channels-spec §12.1)', () => {
  it('RED-1: all new fields at neutral values give the same positions, medians and moves in every round, every preset', () => {
    fc.assert(
      fc.property(arbitrarySingleIssueScenario({ maxActors: 9 }), fc.constantFrom(...presets), (scenario, preset) => {
        assert.deepEqual(trace(runEum(neutralised(scenario), preset, { rounds: 6 })), trace(runEum(scenario, preset, { rounds: 6 })));
      }),
      { seed: 7, numRuns: 150 },
    );
  });
  it('RED-3: a dated capability or salience event equals the EUM change from its round; a closed channel equals closedDyads', () => {
    const steps = ['1m', '2w', '10d', '3m'];
    fc.assert(
      fc.property(
        arbitrarySingleIssueScenario({ maxActors: 7 }),
        fc.constantFrom(...presets),
        fc.constantFrom(...steps),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 200 }), actor: fc.nat(), salience: fc.boolean(), value: fc.integer({ min: 0, max: 100 }) }), { maxLength: 4 }),
        (scenario, preset, step, events) => {
          const start = '2024-01-31';
          const dated: Scenario = { ...scenario, timeline: { start, step } };
          const changes: { fromRound: number; actor: string; capability?: number; salience?: number }[] = [];
          const dayMs = 86_400_000;
          const base = Date.UTC(2024, 0, 31);
          const world = { ...dated, events: [] as NonNullable<Scenario['events']> };
          for (const event of events) {
            const actor = scenario.actors[event.actor % scenario.actors.length]!;
            const date = new Date(base + event.day * dayMs).toISOString().slice(0, 10);
            const value = event.salience ? (event.value * scenario.salienceScale) / 100 : event.value;
            world.events.push({ date, effects: [{ actor: actor.id, ...(event.salience ? { salience: value } : { capability: value }) }] });
          }
          // The rounds of the dates, from the shared timeline module, as EUM changes in the same order.
          const compiled = runEum(world, preset, { rounds: 6 });
          const rounds = world.events.map((event) => roundOfDate(start, step, event.date));
          const order = world.events.map((event, index) => ({ event, index, round: rounds[index]! })).sort((a, b) => a.round - b.round || a.event.date.localeCompare(b.event.date) || a.index - b.index);
          for (const { event, round } of order) changes.push({ fromRound: round, actor: event.effects![0]!.actor!, ...(event.effects![0]!.salience !== undefined ? { salience: event.effects![0]!.salience as number } : { capability: event.effects![0]!.capability as number }) });
          assert.deepEqual(trace(compiled), trace(runEum(scenario, preset, { rounds: 6, changes })));
          const [a, b] = scenario.actors;
          const closed = runEum({ ...scenario, timeline: { start, step }, channels: [{ between: [a!.id, b!.id], channel: 'closed' }] }, preset, { rounds: 4 });
          assert.deepEqual(trace(closed), trace(runEum(scenario, preset, { rounds: 4, closedDyads: [[a!.id, b!.id]] })));
        },
      ),
      { seed: 21, numRuns: 150 },
    );
  });
});

import { parseDate, parseStep, roundOf } from '../../../scenario/timeline/calendar.js';
import { dyadList } from '../../dyadTable.js';
function roundOfDate(start: string, step: string, date: string): number {
  return roundOf({ start: parseDate(start), ...parseStep(step)! }, parseDate(date))!;
}

/** A one-round state with random channels, audience costs, red lines and trust (the §12.3 generator, in fast-check). */
const arbitraryChannelState = fc
  .integer({ min: 2, max: 8 })
  .chain((n) =>
    fc.record({
      preset: fc.constantFrom(...presets),
      actors: fc.array(
        fc.record({
          position: fc.oneof(fc.integer({ min: 0, max: 10 }).map((k) => k * 10), fc.integer({ min: 0, max: 10000 }).map((k) => k / 100)),
          capability: fc.integer({ min: 1, max: 100 }),
          salience: fc.integer({ min: 1, max: 10 }).map((k) => k / 10),
          audienceCost: fc.constantFrom<number>(0, 0.05, 0.1, 0.2),
          redLine: fc.option(fc.record({ offset: fc.constantFrom<number>(0, 0, 5, 20), side: fc.boolean(), cost: fc.constantFrom<number>(0.1, 0.5, 1) }), { freq: 2 }),
        }),
        { minLength: n, maxLength: n },
      ),
      pairs: fc.array(fc.record({ kind: fc.constantFrom('public', 'public', 'private', 'private', 'closed'), leak: fc.integer({ min: 0, max: 10 }).map((k) => k / 10) }), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }),
      trust: fc.array(fc.oneof(fc.constant(1), fc.constant(0), fc.integer({ min: 0, max: 100 }).map((k) => k / 100)), { minLength: n * n, maxLength: n * n }),
    }),
  );

type ChannelState = typeof arbitraryChannelState extends fc.Arbitrary<infer T> ? T : never;

function stateScenario(state: ChannelState, change: (actors: ChannelState['actors'], trust: number[]) => void = () => {}): Scenario {
  const actors = state.actors.map((actor) => ({ ...actor }));
  const trust = [...state.trust];
  change(actors, trust);
  const n = actors.length;
  const ids = actors.map((_, index) => `a${index}`);
  const channels: NonNullable<Scenario['channels']> = [];
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const pair = state.pairs[k++]!;
      if (pair.kind === 'public') continue;
      channels.push({ between: [ids[i]!, ids[j]!], channel: pair.kind as 'private' | 'closed', ...(pair.kind === 'private' ? { leak: pair.leak } : {}) });
    }
  const set: NonNullable<NonNullable<Scenario['trust']>['set']> = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && trust[i * n + j] !== 1) set.push({ of: ids[i]!, in: ids[j]!, value: trust[i * n + j]! });
  return {
    title: 'one round',
    salienceScale: 1,
    issues: [{ id: 'x', scale: { min: 0, max: 100 } }],
    channels,
    trust: { set },
    actors: actors.map((actor, index) => {
      const line = actor.redLine;
      const bound = line ? Math.min(100, Math.max(0, line.side ? actor.position - line.offset : actor.position + line.offset)) : 0;
      return {
        id: ids[index]!,
        capability: actor.capability,
        stances: {
          x: {
            position: actor.position,
            salience: actor.salience,
            audienceCost: actor.audienceCost,
            ...(line ? { commitment: line.side ? { atLeast: bound, cost: line.cost } : { atMost: bound, cost: line.cost } } : {}),
          },
        },
      };
    }),
  };
}

const oneRound = (scenario: Scenario, preset: string) => runEum(scenario, preset, { rounds: 1, dyads: true }).issues[0]!.rounds[1]!;
const refusedBy = (round: Round, actor: string, position: number) =>
  new Set(dyadList(round.dyads!).filter((dyad: Dyad) => dyad.actor === actor && dyad.baseOffer !== undefined && dyad.offer === position).map((dyad) => dyad.other));
const moves = (round: Round, actor: string) => round.moves!.some((move) => move.actor === actor);

describe('EUM with channels: one-round properties (channels-spec §12.3)', () => {
  it('E-P1, E-P2: a, b and the perception of every open dyad are unchanged; no adjusted offer is longer than its base offer', () => {
    fc.assert(
      fc.property(arbitraryChannelState, (state) => {
        const scenario = stateScenario(state);
        const adjusted = oneRound(scenario, state.preset);
        const plain = oneRound({ ...scenario, trust: undefined, actors: scenario.actors.map((actor) => ({ ...actor, stances: { x: { position: actor.stances['x']!.position, salience: actor.stances['x']!.salience } } })), channels: scenario.channels!.filter((rule) => rule.channel === 'closed') }, state.preset);
        const key = (dyad: Dyad) => [dyad.actor, dyad.other, dyad.expectedUtility, dyad.otherExpectedUtility, dyad.perception, dyad.probability];
        assert.deepEqual(dyadList(adjusted.dyads!).map(key), dyadList(plain.dyads!).map(key));
        for (const dyad of dyadList(adjusted.dyads!)) {
          if (dyad.baseOffer === undefined) continue;
          const from = adjusted.dyads && scenario.actors.find((actor) => actor.id === dyad.actor)!.stances['x']!.position;
          assert.ok(Math.abs(dyad.offer! - from!) <= Math.abs(dyad.baseOffer - from!) + 1e-9);
        }
      }),
      { seed: 11, numRuns: 400 },
    );
  });
  it('E-P3, E-P6: along increasing α_i the refused set never shrinks, a stop is final, and no other actor\'s move changes', () => {
    fc.assert(
      fc.property(arbitraryChannelState, fc.nat(), (state, pick) => {
        const i = pick % state.actors.length;
        const id = `a${i}`;
        const x = state.actors[i]!.position;
        let previous: { refused: Set<string>; moving: boolean; others: unknown } | undefined;
        for (const alpha of [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5]) {
          const round = oneRound(stateScenario(state, (actors) => (actors[i]!.audienceCost = alpha)), state.preset);
          const current = { refused: refusedBy(round, id, x), moving: moves(round, id), others: round.moves!.filter((move) => move.actor !== id) };
          if (previous) {
            for (const other of previous.refused) assert.ok(current.refused.has(other), `refusal of ${other} dropped at α ${alpha}`);
            if (!previous.moving) assert.ok(!current.moving);
            assert.deepEqual(current.others, previous.others);
          }
          previous = current;
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });
  it('E-P4, E-P6: along increasing τ_i· the refused set never grows, a start is final, and no other actor\'s move changes', () => {
    fc.assert(
      fc.property(arbitraryChannelState, fc.nat(), (state, pick) => {
        const n = state.actors.length;
        const i = pick % n;
        const id = `a${i}`;
        const x = state.actors[i]!.position;
        let previous: { refused: Set<string>; moving: boolean; others: unknown } | undefined;
        for (const tau of [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1]) {
          const round = oneRound(stateScenario(state, (_, trust) => { for (let j = 0; j < n; j++) if (j !== i) trust[i * n + j] = tau; }), state.preset);
          const current = { refused: refusedBy(round, id, x), moving: moves(round, id), others: round.moves!.filter((move) => move.actor !== id) };
          if (previous) {
            for (const other of current.refused) assert.ok(previous.refused.has(other), `new refusal of ${other} at τ ${tau}`);
            if (previous.moving) assert.ok(current.moving);
            assert.deepEqual(current.others, previous.others);
          }
          previous = current;
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });
  /** One series: along `values`, `change` sets the parameter; `grows` says whether refusals may only grow (true) or only shrink. */
  const series = (name: string, values: number[], grows: boolean, change: (state: ChannelState, i: number, value: number) => ChannelState) =>
    it(`E-P3/E-P4, E-P6 along ${name}: refusals ${grows ? 'never shrink and a stop is final' : 'never grow and a start is final'}; no other actor's move changes`, () => {
      fc.assert(
        fc.property(arbitraryChannelState, fc.nat(), (state, pick) => {
          const i = pick % state.actors.length;
          const id = `a${i}`;
          const x = state.actors[i]!.position;
          let previous: { refused: Set<string>; moving: boolean; others: unknown } | undefined;
          for (const value of values) {
            const round = oneRound(stateScenario(change(state, i, value)), state.preset);
            const current = { refused: refusedBy(round, id, x), moving: moves(round, id), others: round.moves!.filter((move) => move.actor !== id) };
            if (previous) {
              const [smaller, larger] = grows ? [previous, current] : [current, previous];
              for (const other of smaller.refused) assert.ok(larger.refused.has(other), `${name} ${value}: refusals of ${other}`);
              if (grows && !previous.moving) assert.ok(!current.moving);
              if (!grows && previous.moving) assert.ok(current.moving);
              if (name !== 'the leak of i\'s private pairs') assert.deepEqual(current.others, previous.others);
            }
            previous = current;
          }
        }),
        { seed: 11, numRuns: 200 },
      );
    });
  const withActor = (state: ChannelState, i: number, edit: (actor: ChannelState['actors'][number]) => void): ChannelState => {
    const actors = state.actors.map((actor) => ({ ...actor }));
    edit(actors[i]!);
    return { ...state, actors };
  };
  series('κ_i', [0, 0.1, 0.2, 0.5, 1, 2, 5], true, (state, i, kappa) =>
    withActor(state, i, (actor) => (actor.redLine = { ...(actor.redLine ?? { offset: 0, side: actor.position >= 50 }), cost: kappa })),
  );
  series('the red line moved away from x_i', [0, 2, 5, 10, 20, 40, 100], false, (state, i, offset) =>
    withActor(state, i, (actor) => (actor.redLine = { ...(actor.redLine ?? { side: actor.position >= 50, cost: 0.5 }), offset })),
  );
  series("the leak of i's private pairs", [0, 0.1, 0.2, 0.4, 0.6, 0.8, 1], true, (state, i, leak) => {
    const n = state.actors.length;
    let k = 0;
    const pairs = state.pairs.map((pair) => pair);
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++, k++) if ((a === i || b === i) && pairs[k]!.kind === 'private') pairs[k] = { ...pairs[k]!, leak };
    return { ...state, pairs };
  });
  series('τ_ij for one j', [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1], false, (state, i, tau) => {
    const n = state.actors.length;
    const trust = [...state.trust];
    trust[i * n + ((i + 1) % n)] = tau;
    return { ...state, trust };
  });
  it('E-P7: with κ ≥ 1 and every pair public, an actor never ends a round beyond its red line (10 rounds)', () => {
    fc.assert(
      fc.property(arbitraryChannelState, fc.nat(), (state, pick) => {
        const i = pick % state.actors.length;
        const publicState = { ...state, pairs: state.pairs.map(() => ({ kind: 'public' as const, leak: 0 })) };
        const scenario = stateScenario(publicState, (actors) => (actors[i]!.redLine = { offset: 5, side: pick % 2 === 0, cost: 1 }));
        const commitment = scenario.actors[i]!.stances['x']!.commitment!;
        const rounds = runEum(scenario, state.preset, { rounds: 10 }).issues[0]!.rounds;
        for (const round of rounds) {
          const position = round.positions[`a${i}`]!;
          if (commitment.atLeast !== undefined) assert.ok(position >= commitment.atLeast - 1e-9);
          else assert.ok(position <= commitment.atMost! + 1e-9);
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe('EUM with channels: private pairs without an audience cost, a red line or distrust', () => {
  it('change no move (E1–E4 give m* = m⁰), yet the rounds report what channels report', () => {
    fc.assert(
      fc.property(arbitrarySingleIssueScenario(), fc.double({ min: 0, max: 1, noNaN: true }), (scenario, leak) => {
        const ids = scenario.actors.map((actor) => actor.id);
        const channels = ids.slice(1).map((id, index) => ({ between: [ids[index]!, id] as [string, string], channel: 'private' as const, leak }));
        const plain = runEum(scenario, 'default', { rounds: 3 });
        const withPrivate = runEum({ ...scenario, channels }, 'default', { rounds: 3 });
        const rounds = withPrivate.issues[0]!.rounds;
        assert.deepEqual(rounds.map((round) => round.positions), plain.issues[0]!.rounds.map((round) => round.positions));
        for (const round of rounds.slice(1)) {
          assert.deepEqual(round.holds, [], 'a round with private pairs reports its holds (none)');
          assert.ok((round.moves ?? []).every((move) => move.shortfall === undefined), 'no move is shortened');
        }
      }),
      { numRuns: 60, seed: 10 },
    );
  });
});
