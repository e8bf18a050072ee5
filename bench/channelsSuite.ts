/**
 * Channels (channels-spec §7, §5): EUM ms per round (10 rounds; 3 at n = 1,000) with channels off (the scenario as is, today's path)
 * and on (audience costs for everyone, red lines for every third actor, trust 0.8, a private channel
 * between each actor and the next), at n = 7, 100, 1,000, measured side by side in one run; target: the
 * adjustment costs < 30 % per round. And the worked example's EUM over a 256-leaf branch tree (its two
 * branches plus six more binary ones).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { eumModel } from '../src/models/eum/eum.js';
import { runModel } from '../src/models/registry.js';
import { parseScenario } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/schema.js';
import { fromRepo } from '../tests/support/paths.js';
import { randomScenario } from './randomScenario.js';
import type { BenchSuite, BenchTable } from './suite.js';

const SIZES: [number, number, number][] = [
  [7, 10, 3000],
  [100, 10, 40],
  [1000, 3, 3],
];
const TARGET_OVERHEAD = 0.3;

function withChannels(scenario: Scenario): Scenario {
  const ids = scenario.actors.map((actor) => actor.id);
  return {
    ...scenario,
    trust: { prior: { mean: 0.8, strength: 2 } },
    channels: ids.slice(1).map((id, index) => ({ between: [ids[index]!, id], channel: 'private' as const, leak: 0.2 })),
    actors: scenario.actors.map((actor, index) => {
      const stance = actor.stances['issue']!;
      const commitment = index % 3 === 0 ? (stance.position >= 50 ? { atLeast: Math.max(0, stance.position - 10), cost: 1 } : { atMost: Math.min(100, stance.position + 10), cost: 1 }) : undefined;
      return { ...actor, audienceCost: 0.05, stances: { issue: { ...stance, ...(commitment ? { commitment } : {}) } } };
    }),
  };
}

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
      const overhead = on / off - 1;
      rows.push([`EUM default, n = ${n}`, off.toFixed(3), on.toFixed(3), `${(overhead * 100).toFixed(0)} %`, `< ${TARGET_OVERHEAD * 100} %`, overhead < TARGET_OVERHEAD ? 'met' : 'not met']);
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
    rows.push([`worked example, ${leaves}-leaf branch tree (EUM, 12 rounds)`, '', best.toFixed(1), '', '', '']);
    notes.push('ms per round (a whole run, set-up included, over its rounds): best of several runs of the same scenario, alternating, channels off (the scenario as is) and on (the same actors with audience cost 0.05, red lines for every third actor, trust 0.8, a private channel between neighbours), side by side in one process.');
    notes.push(`Target: the adjustment costs < ${TARGET_OVERHEAD * 100} % per round. The branch-tree row is the whole forecast (every leaf, both issues), in ms.`);
    return { title: 'EUM with channels on vs off (ms per round), and a 256-leaf branch tree', columns: ['case', 'off (ms)', 'on (ms)', 'overhead', 'target', 'verdict'], rows, notes };
  },
};
