/**
 * A stance's red line (channels-spec.md §3.2: a commitment with exactly one of atLeast / atMost, and a
 * cost) as the red-line editor changes it. Pure (loose draft JSON).
 */
const asLoose = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

export type Side = 'atLeast' | 'atMost';

/** The red line's side, or '' for none. */
export function sideOf(commitment: Record<string, unknown>): Side | '' {
  if (commitment['atLeast'] !== undefined) return 'atLeast';
  if (commitment['atMost'] !== undefined) return 'atMost';
  return '';
}

/** Sets the stance's red line side, keeping its value and cost ('' withdraws it). */
export function setSide(stance: Record<string, unknown>, side: Side | ''): void {
  const commitment = asLoose(stance['commitment']);
  if (side === '') {
    delete stance['commitment'];
    return;
  }
  const old = sideOf(commitment);
  const value = old === '' ? (typeof stance['position'] === 'number' ? stance['position'] : 0) : commitment[old];
  const next: Record<string, unknown> = { [side]: value };
  if (commitment['cost'] !== undefined) next['cost'] = commitment['cost'];
  if (commitment['evidence'] !== undefined) next['evidence'] = commitment['evidence'];
  stance['commitment'] = next;
}

