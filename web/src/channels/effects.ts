/**
 * Dated effects (channels-spec.md §3.6) as the effect editor changes them: which field an effect sets,
 * and a fresh effect of another kind that keeps its actor, issue and evidence. Pure (loose draft JSON).
 */
type Loose = Record<string, unknown>;

export const valueFields = ['capability', 'salience', 'position', 'audienceCost', 'hurt', 'breachCost', 'statusQuo'] as const;
export const effectKinds: [string, string][] = [
  ['capability', 'capability'],
  ['salience', 'salience'],
  ['position', 'position'],
  ['audienceCost', 'audience cost'],
  ['hurt', 'hurt'],
  ['breachCost', 'breach cost'],
  ['statusQuo', 'status quo'],
  ['commitment', 'red line'],
  ['channel', 'channel'],
  ['trust', 'trust estimate'],
  ['record', 'trust record'],
];
const kindKeys = effectKinds.map(([key]) => key);

/** The field an effect sets (the first one present), or '' when it sets none. */
export function effectKind(effect: Loose): string {
  return kindKeys.find((key) => effect[key] !== undefined) ?? '';
}

/** A fresh effect of `kind`, keeping the actor and issue where they still apply. */
export function freshEffect(kind: string, old: Loose, actors: readonly string[], issues: readonly string[]): Loose {
  const actor = typeof old['actor'] === 'string' ? old['actor'] : (actors[0] ?? '');
  const issue = typeof old['issue'] === 'string' ? old['issue'] : (issues[0] ?? '');
  const effect: Loose = {};
  if (old['evidence'] !== undefined) effect['evidence'] = old['evidence'];
  if (kind === 'statusQuo') return { issue, statusQuo: { plus: 0 }, ...effect };
  if (kind === 'position') return { actor, issue, position: { plus: 0 }, ...effect };
  if ((valueFields as readonly string[]).includes(kind)) return { actor, ...(old['issue'] !== undefined ? { issue } : {}), [kind]: { times: 1 }, ...effect };
  if (kind === 'commitment') return { actor, issue, commitment: null, ...effect };
  if (kind === 'channel') return { channel: { between: [actors[0] ?? '', actors[1] ?? ''], channel: 'closed' }, ...effect };
  if (kind === 'trust') return { trust: { of: actors[0] ?? '', in: actors[1] ?? '', value: 0.5 }, ...effect };
  return { record: { actors: [actor], outcome: 'broken' }, ...effect };
}

