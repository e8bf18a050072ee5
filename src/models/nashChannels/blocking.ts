/**
 * (N7) Who blocks an agreement, in words: "russia accepts nothing below 82.2, ukraine nothing above 21.4",
 * "us-republicans accepts no agreement", or a closed table (channels-spec.md §8, §10.3).
 */
import type { Blocking } from './solver.js';

/** `name` turns an actor id (or a win-set's "ρ for i") into words. */
export function describeBlocking(blocking: Blocking, name: (id: string) => string, decimals = 1): string {
  if (blocking.kind === 'closed') return 'the table is closed';
  if (blocking.kind === 'none-acceptable') return blocking.actors.map((actor) => `${name(actor)} accepts no agreement`).join(', ');
  const { lowest, highest } = blocking;
  return `${name(lowest.owner)} accepts nothing below ${lowest.value.toFixed(decimals)}, ${name(highest.owner)} nothing above ${highest.value.toFixed(decimals)}`;
}
