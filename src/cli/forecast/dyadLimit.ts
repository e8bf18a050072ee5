/**
 * `--dyads` keeps every ordered dyad of every round until the output is written: Σ over issues and
 * branch leaves of rounds · n(n − 1) dyads, by column (src/models/dyadTable.ts, 42 bytes a dyad, off the
 * JS heap), and writes ≈ 350 bytes of JSON for each (streamed in 1 MB chunks: no string-length limit).
 * Past `DYAD_LIMIT` the command refuses before computing anything, with the count and what to do
 * instead, never an internal error after minutes of work.
 */
import { InputError } from '../../errors.js';
import { getModel, resolveOptions } from '../../models/registry.js';
import type { Scenario } from '../../scenario/schema.js';
import { participants } from '../../scenario/views.js';
import { leavesOf } from '../../scenario/timeline/leaves.js';
import type { PlannedRun } from '../../analysis/forecastPlan.js';

/**
 * 10 million dyads: n = 1,000 for 10 rounds (issue 16's case), n = 300 for 111. That is ≈ 420 MB of
 * columns (≈ 610 MB peak RSS measured at n = 1,000 × 10 rounds) and ≈ 3.5 GB of JSON, minutes of writing
 * on this machine: what can still be written and read back in reasonable time, not what fits in memory
 * (the columns would allow more; the text grows 8 times faster than they do).
 */
export const DYAD_LIMIT = 10_000_000;

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
      `more than the ${DYAD_LIMIT.toLocaleString('en')} Parley writes (≈ 350 bytes of JSON each): ask for fewer rounds (--rounds), ` +
      'or explain one actor with `parley explain --actor ID`, which keeps only that actor\'s dyads',
  });
}
