/**
 * The `parley explain` calls whose output tests/explainCompute/expected.json records as it was before
 * explain computed only the asked actor's dyads (issue 16 item 3): the worked example, the channels
 * example and two random scenarios (one on a grid, so that positions tie), every actor, several rounds,
 * text and JSON, and the out-of-range round's error.
 */
import { createRandom } from '../../src/math/random.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { randomScenario } from '../../bench/randomScenario.js';

export interface ExplainCase {
  /** Arguments after `parley explain`; `{random}` / `{grid}` stand for the random scenarios' files. */
  args: string[];
}

const actors = ['russia', 'ukraine', 'us', 'us-republicans', 'germany', 'eu', 'china'];

/** 25 actors on a 0–100 grid of step 10: many shared positions. */
export function gridScenario(): Scenario {
  const random = createRandom(16);
  return {
    title: 'grid 25',
    salienceScale: 1,
    issues: [{ id: 'issue', scale: { min: 0, max: 100 } }],
    actors: Array.from({ length: 25 }, (_, index) => ({
      id: `a${index}`,
      capability: random.uniform(1, 100),
      stances: { issue: { position: 10 * Math.floor(random.uniform(0, 11)), salience: random.uniform(0.1, 1) } },
    })),
  };
}

export const randomCaseScenario = (): Scenario => randomScenario(30, 16);

export function explainCases(): ExplainCase[] {
  const cases: ExplainCase[] = [];
  for (const actor of actors) for (const round of ['1', '4', '10']) cases.push({ args: ['examples/backchannel-2024.yaml', '--actor', actor, '--round', round] });
  cases.push({ args: ['examples/backchannel-2024.yaml', '--actor', 'us', '--round', '2', '--json'] });
  cases.push({ args: ['examples/backchannel-2024.yaml', '--actor', 'us', '--round', '3', '--preset', 'scholz2011-code'] });
  cases.push({ args: ['examples/backchannel-2024.yaml', '--actor', 'us', '--round', '11'] });
  cases.push({ args: ['examples/backchannel-2024.yaml', '--actor', 'eu', '--round', '5', '--rounds', '3'] });
  for (const actor of actors) for (const round of ['1', '3', '8']) cases.push({ args: ['examples/backchannel-2024-channels.yaml', '--actor', actor, '--round', round] });
  cases.push({ args: ['examples/backchannel-2024-channels.yaml', '--actor', 'russia', '--round', '2', '--json'] });
  for (const actor of ['a0', 'a7', 'a29']) for (const preset of ['default', 'scholz2011-code', 'scholz2011-paper']) cases.push({ args: ['{random}', '--actor', actor, '--round', '3', '--preset', preset] });
  for (const actor of ['a0', 'a3', 'a24']) for (const round of ['1', '6']) cases.push({ args: ['{grid}', '--actor', actor, '--round', round] });
  cases.push({ args: ['{grid}', '--actor', 'a3', '--round', '2', '--json', '--preset', 'scholz2011-paper'] });
  return cases;
}
