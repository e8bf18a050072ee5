/**
 * Channels (channels-spec §7, §5): what the EUM's channel adjustment costs per round, at n = 7, 100 and
 * 1,000, measured side by side in one run. Two ways, because a whole run measures the dynamics as much
 * as the code: with channels the actors that refuse their offers keep the bargaining alive for rounds in
 * which, without channels, everyone has already met at one position.
 * - Whole runs (10 rounds; 3 at n = 1,000), set-up included: channels off (the scenario as is) and on
 *   (audience cost 0.05 for every actor, red lines 10 points away for every third, trust 0.8, a private
 *   channel between each actor and the next).
 * - One round from the same start-of-round positions (the channel run's states, rounds 1–10; the
 *   schedule is built once, as in a run): off against on, in two configurations: the one above, where
 *   many receivers refuse every offer (E6) and so must read every dyad to show it (§7.4: a holder's
 *   most pressing offer and the number refused), and trust 0.8 with the private channels only, where
 *   every move is adjusted (E0–E4) and none is refused, and each of those two parts alone. Target
 *   (issue 10): the adjustment costs < 30 %.
 * And the worked example's EUM over a 256-leaf branch tree (its two branches plus six more binary ones).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { eumModel } from '../src/models/eum/eum.js';
import { runIssue, type IssueRun } from '../src/models/eum/engine.js';
import { issueSchedule } from '../src/models/eum/channels/schedule.js';
import type { EumOptions } from '../src/models/eum/options.js';
import { runModel } from '../src/models/registry.js';
import { parseScenario } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/schema.js';
import { leavesOf } from '../src/scenario/timeline/leaves.js';
import { compileLeaf } from '../src/scenario/timeline/world.js';
import { participants } from '../src/scenario/views.js';
import { fromRepo } from '../tests/support/paths.js';
import { randomScenario } from './randomScenario.js';
import type { BenchSuite, BenchTable } from './suite.js';

const SIZES: [number, number, number][] = [
  [7, 10, 3000],
  [100, 10, 40],
  [1000, 3, 3],
];
const TARGET_OVERHEAD = 0.3;

/** Private channels between neighbours in the list. */
function privateNeighbours(scenario: Scenario): NonNullable<Scenario['channels']> {
  const ids = scenario.actors.map((actor) => actor.id);
  return ids.slice(1).map((id, index) => ({ between: [ids[index]!, id], channel: 'private' as const, leak: 0.2 }));
}

/** Every channel field at work: audience costs, red lines, distrust, private pairs. */
function withChannels(scenario: Scenario): Scenario {
  return {
    ...scenario,
    trust: { prior: { mean: 0.8, strength: 2 } },
    channels: privateNeighbours(scenario),
    actors: scenario.actors.map((actor, index) => {
      const stance = actor.stances['issue']!;
      const commitment = index % 3 === 0 ? (stance.position >= 50 ? { atLeast: Math.max(0, stance.position - 10), cost: 1 } : { atMost: Math.min(100, stance.position + 10), cost: 1 }) : undefined;
      return { ...actor, audienceCost: 0.05, stances: { issue: { ...stance, ...(commitment ? { commitment } : {}) } } };
    }),
  };
}

/** Distrust alone: every compromise is shortened (E1), nothing refused. */
function withTrustOnly(scenario: Scenario): Scenario {
  return { ...scenario, trust: { prior: { mean: 0.8, strength: 2 } } };
}

/** Private pairs alone (leak 0.2, full trust, no audience cost): E1–E4 leave every move as it is. */
function withPrivateOnly(scenario: Scenario): Scenario {
  return { ...scenario, channels: privateNeighbours(scenario) };
}

/** Distrust and private pairs: every move is shortened (E1, E2), none refused. */
const withTrustAndPrivate = (scenario: Scenario): Scenario => withTrustOnly(withPrivateOnly(scenario));

function msPerRound(scenario: Scenario, rounds: number, repetitions: number): number {
  const options = eumModel.optionsSchema.parse({ rounds });
  let best = Infinity;
  for (let k = 0; k < repetitions; k++) {
    const start = performance.now();
    eumModel.run(scenario, options);
    best = Math.min(best, (performance.now() - start) / rounds);
  }
  return best;
}

/** µs per call of `work`, over a batch of calls. */
function microseconds(work: () => void, batch: number): number {
  const start = performance.now();
  for (let k = 0; k < batch; k++) work();
  return ((performance.now() - start) * 1000) / batch;
}

/**
 * One round from each of `states` (start-of-round positions by actor id), off and on: the engine's run of
 * one round less its run of none, so that what is left is the round (the schedule is built once, as a
 * run builds it once). Returns µs per round, off and on, and the share of receivers that hold.
 */
function oneRound(adjusted: Scenario, states: readonly Record<string, number>[], batch: number) {
  const people = participants(adjusted, 'issue');
  const ids = people.map((participant) => participant.id);
  const round = eumModel.optionsSchema.parse({ rounds: 1 });
  const none: EumOptions = { ...round, rounds: 0 };
  const schedule = issueSchedule(adjusted, 'issue', people, round, compileLeaf(adjusted, leavesOf(undefined)[0]!, 1), 100);
  const weights = { capability: Float64Array.from(people, (participant) => participant.capability), salience: Float64Array.from(people, (participant) => participant.salience) };
  let off = 0;
  let on = 0;
  let holds = 0;
  for (const state of states) {
    const positions = Float64Array.from(ids, (id) => state[id]!);
    const offRun: IssueRun = { ids, positions, weightsInRound: () => weights, scaleWidth: 100, closed: null };
    const onRun: IssueRun = { ...offRun, weightsInRound: schedule.weightsInRound, channels: schedule.schedule };
    holds += runIssue(onRun, round).rounds[1]!.holds?.length ?? 0;
    const time = (run: IssueRun, options: EumOptions) => microseconds(() => runIssue(run, options), batch);
    // Best of 7 batches each (the minimum filters out the other jobs on the machine), off and on alternating.
    const best = { off1: Infinity, off0: Infinity, on1: Infinity, on0: Infinity };
    for (let k = 0; k < 7; k++) {
      best.off1 = Math.min(best.off1, time(offRun, round));
      best.off0 = Math.min(best.off0, time(offRun, none));
      best.on1 = Math.min(best.on1, time(onRun, round));
      best.on0 = Math.min(best.on0, time(onRun, none));
    }
    const offBest = best.off1 - best.off0;
    const onBest = best.on1 - best.on0;
    off += offBest;
    on += onBest;
  }
  return { off: off / states.length, on: on / states.length, holding: holds / (states.length * ids.length) };
}

function branchTree(): Scenario {
  const example = parseScenario(readFileSync(fromRepo('examples', 'backchannel-2024-channels.yaml'), 'utf8'), { file: 'example.yaml' }).scenario;
  const extra = Array.from({ length: 6 }, (_, index) => ({
    id: `extra${index}`,
    date: `2024-0${5 + (index % 4)}-15`,
    outcomes: [
      { id: 'up', probability: 0.5, effects: [{ actor: 'germany', capability: { times: 1.1 } }] },
      { id: 'down', probability: 0.5, effects: [{ actor: 'eu', capability: { times: 0.9 } }] },
    ],
  }));
  return { ...example, branches: [...(example.branches ?? []), ...extra] };
}

/** The start-of-round positions of rounds 1–10 of a 10-round run. */
function statesOf(scenario: Scenario): Record<string, number>[] {
  return eumModel.run(scenario, eumModel.optionsSchema.parse({ rounds: 10 })).issues[0]!.rounds.slice(0, 10).map((round) => round.positions);
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
const verdict = (overhead: number) => (overhead < TARGET_OVERHEAD ? 'met' : 'not met');

export const channelsSuite: BenchSuite = {
  name: 'channels',
  run(): BenchTable {
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const [n, rounds, repetitions] of SIZES) {
      const plain = randomScenario(n, 17);
      const adjusted = withChannels(plain);
      msPerRound(plain, rounds, 1);
      msPerRound(adjusted, rounds, 1);
      // Off and on alternate, so that the other jobs on the machine weigh on both alike.
      let off = Infinity;
      let on = Infinity;
      for (let k = 0; k < repetitions; k++) {
        off = Math.min(off, msPerRound(plain, rounds, 1));
        on = Math.min(on, msPerRound(adjusted, rounds, 1));
      }
      const holding = eumModel.run(adjusted, eumModel.optionsSchema.parse({ rounds })).issues[0]!.rounds.slice(1);
      const share = holding.reduce((sum, round) => sum + (round.holds?.length ?? 0), 0) / (holding.length * n);
      rows.push([`whole run (${rounds} rounds, set-up included), every channel field, n = ${n}`, off.toFixed(3), on.toFixed(3), percent(on / off - 1), percent(share), '', '']);
    }
    for (const [n] of SIZES) {
      const plain = randomScenario(n, 17);
      const adjusted = withChannels(plain);
      const states = statesOf(adjusted);
      const batch = Math.max(1, Math.round(200_000 / (n * n)));
      for (const [what, scenario] of [
        ['every channel field (refusals)', adjusted],
        ['trust and private pairs (no refusals)', withTrustAndPrivate(plain)],
        ['trust only (no refusals)', withTrustOnly(plain)],
        ['private pairs only, leak 0.2 (no refusals)', withPrivateOnly(plain)],
      ] as const) {
        const round = oneRound(scenario, states, batch);
        const overhead = round.on / round.off - 1;
        rows.push([`one round from the same states, ${what}, n = ${n}`, (round.off / 1000).toFixed(3), (round.on / 1000).toFixed(3), percent(overhead), percent(round.holding), `< ${TARGET_OVERHEAD * 100} %`, verdict(overhead)]);
      }
    }
    const tree = branchTree();
    runModel('eum', tree);
    let best = Infinity;
    let leaves = 0;
    for (let k = 0; k < 3; k++) {
      const start = performance.now();
      leaves = runModel('eum', tree).issues[0]!.leaves!.length;
      best = Math.min(best, performance.now() - start);
    }
    rows.push([`worked example, ${leaves}-leaf branch tree (EUM, 12 rounds)`, '', best.toFixed(1), '', '', '', '']);
    notes.push('Whole runs: ms per round (wall time of a run, set-up included, over its rounds), best of several runs, alternating off (the scenario as is) and on (audience cost 0.05 for every actor, red lines 10 points away for every third, trust 0.8, a private channel between neighbours). They compare different dynamics: without channels the actors soon share one position and the later rounds cost little; with them, the receivers that refuse every offer keep bargaining.');
    notes.push('One round from the same states: ms of one round (the best one-round run less the best run of none, which includes the set-up: a run allocates its work areas before its first round) from each start-of-round state of the channel run (rounds 1–10), averaged; best of 7 batches, off and on alternating. "Holding" is the share of receivers that refuse every offer: each must read every dyad (its n − 1 views) to show that it refuses everything and to report its most pressing offer and the number refused (§7.4), where without channels it stops at its nearest lost conflict, so rounds with many holders read several times the dyads.');
    notes.push(`Target (issue 10): the adjustment costs < ${TARGET_OVERHEAD * 100} % per round. The branch-tree row is the whole forecast (every leaf, both issues), in ms.`);
    return {
      title: 'EUM with channels on vs off (ms per round), and a 256-leaf branch tree',
      columns: ['case', 'off (ms)', 'on (ms)', 'overhead', 'receivers holding', 'target', 'verdict'],
      rows,
      notes,
    };
  },
};
