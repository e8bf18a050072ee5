/**
 * How the workbench names actors: by `name`, or by `id` when the actor has none or shares its name
 * with another actor (a KTAB import fills `name` from KTAB's Description column, which often reads
 * "Random Spatial Actor" for every actor). Charts, tables and explanations must tell actors apart.
 * The same rule as `parley explain` (src/cli/commands/explain.ts `displayNames`).
 */
import type { Actor } from '../../src/scenario/schema.js';

export function actorNames(actors: readonly Pick<Actor, 'id' | 'name'>[]): Record<string, string> {
  const count = new Map<string, number>();
  for (const actor of actors) if (actor.name !== undefined) count.set(actor.name, (count.get(actor.name) ?? 0) + 1);
  return Object.fromEntries(actors.map((actor) => [actor.id, actor.name !== undefined && count.get(actor.name) === 1 ? actor.name : actor.id]));
}

/** A label cut to `max` characters with an ellipsis, for axes and legends. */
export function shortLabel(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
