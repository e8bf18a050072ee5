/**
 * The deal analysis's fields as the workbench adds and changes them (channels-spec.md §3.3, §3.8): a
 * new proposal, a new ratifier, the bargaining table's channel. Each new item starts valid where the
 * scenario allows it. Pure (loose draft JSON).
 */
type Loose = Record<string, unknown>;
const asLoose = (value: unknown): Loose => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

interface LooseScenario {
  asOf?: unknown;
  issues: Loose[];
  actors: (Loose & { stances?: Record<string, unknown> })[];
  [key: string]: unknown;
}

/** The actors with a stance on the issue, in the scenario's order. */
export function participants(draft: LooseScenario, issueId: string): string[] {
  return draft.actors.filter((actor) => asLoose(actor.stances)[issueId] !== undefined).map((actor) => String(actor.id));
}

/** The issue's status quo, else the middle of its scale (default 0–100). */
function startingPosition(issue: Loose): number {
  if (typeof issue['statusQuo'] === 'number') return issue['statusQuo'];
  const scale = asLoose(issue['scale']);
  const min = typeof scale['min'] === 'number' ? scale['min'] : 0;
  const max = typeof scale['max'] === 'number' ? scale['max'] : 100;
  return (min + max) / 2;
}

/**
 * A proposal on the first issue (or `issueId`), dated at the timeline's start (else asOf), from its
 * first participant to its second, at the status quo, in public (D6).
 */
export function freshProposal(draft: LooseScenario, issueId?: string): Loose {
  const issue = draft.issues.find((candidate) => candidate['id'] === issueId) ?? draft.issues[0] ?? {};
  const id = String(issue['id'] ?? '');
  const [from = '', to = from] = participants(draft, id);
  const date = asLoose(draft['timeline'])['start'] ?? draft.asOf ?? '';
  return { date: String(date), from, to, issue: id, position: startingPosition(issue), channel: 'public' };
}

/**
 * A ratifier on the issue (N5): for its first veto player (else its first participant), the first
 * other participant that is not a veto player (else any other participant).
 */
export function freshRatifier(draft: LooseScenario, issueId: string): Loose {
  const taking = participants(draft, issueId);
  const issue = draft.issues.find((candidate) => candidate['id'] === issueId) ?? {};
  const veto = asList(issue['vetoPlayers']).map(String).filter((id) => taking.includes(id));
  const forWhom = veto[0] ?? taking[0] ?? '';
  const others = taking.filter((id) => id !== forWhom);
  const actor = others.find((id) => !veto.includes(id)) ?? others[0] ?? '';
  return { actor, for: forWhom };
}

export type TableChoice = '' | 'public' | 'private' | 'closed';

/** The table's channel ('' removes the table: the default of D1); a leak stays on a private table only, the evidence always. */
export function setTableChannel(issue: Loose, channel: TableChoice): void {
  if (channel === '') {
    delete issue['table'];
    return;
  }
  const old = asLoose(issue['table']);
  const table: Loose = { channel };
  if (channel === 'private' && old['leak'] !== undefined) table['leak'] = old['leak'];
  if (old['evidence'] !== undefined) table['evidence'] = old['evidence'];
  issue['table'] = table;
}

/** The table's channel as the editor shows it ('' when the issue has none). */
export function tableChoice(issue: Loose): TableChoice {
  const channel = asLoose(issue['table'])['channel'];
  return channel === 'public' || channel === 'private' || channel === 'closed' ? channel : '';
}
