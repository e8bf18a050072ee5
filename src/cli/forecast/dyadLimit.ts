/**
 * `--dyads` keeps every ordered dyad of every round as an object until the output is written: that is
 * Σ over issues and branch leaves of rounds · n(n − 1) objects. Past `DYAD_LIMIT` the heap would run out
 * (or the text would be too long to write), so the command refuses before computing anything, with the
 * count and what to do instead, never an internal error after minutes of work.
 */
import { InputError } from '../../errors.js';
import { getModel, resolveOptions } from '../../models/registry.js';
import type { Scenario } from '../../scenario/schema.js';
import { participants } from '../../scenario/views.js';
import { leavesOf } from '../../scenario/timeline/leaves.js';
import type { PlannedRun } from '../../analysis/forecastPlan.js';

/** About 1 GB of dyad objects (≈ 250 bytes each): n = 1,000 for 4 rounds, n = 300 for 44. */
export const DYAD_LIMIT = 4_000_000;

/** The dyads the planned runs would keep (0 for runs without dyads). */
export function dyadCount(scenario: Scenario, plan: readonly PlannedRun[]): number {
  const leaves = leavesOf(scenario.branches).length;
  const pairs = scenario.issues.reduce((sum, issue) => {
    const n = participants(scenario, issue.id).length;
    return sum + n * (n - 1);
  }, 0);
  let count = 0;
  for (const run of plan) {
    const options = resolveOptions(getModel(run.model), run.request);
    if (options['dyads'] !== true) continue;
    const rounds = typeof options['rounds'] === 'number' ? options['rounds'] : 1;
    count += leaves * rounds * pairs;
  }
  return count;
}

/** Refuses (InputError, exit 2) a `--dyads` run that would keep more than DYAD_LIMIT dyads. */
export function checkDyadLimit(scenario: Scenario, plan: readonly PlannedRun[]): void {
  const count = dyadCount(scenario, plan);
  if (count <= DYAD_LIMIT) return;
  throw new InputError({
    field: 'dyads',
    message:
      `--dyads would keep ${count.toLocaleString('en')} dyads (rounds × n(n − 1), summed over issues${leavesOf(scenario.branches).length > 1 ? ' and branch leaves' : ''}), ` +
      `more than the ${DYAD_LIMIT.toLocaleString('en')} that fit in memory: ask for fewer rounds (--rounds), ` +
      'or explain one actor with `parley explain --actor ID`, which keeps only that actor\'s dyads',
  });
}
