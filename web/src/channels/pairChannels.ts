/**
 * The scenario's `channels` rules (channels-spec.md §3.4) read and written as a pair matrix: for a pair
 * of actors and an issue (or every issue at once), the channel is the one rule covering it, else public
 * (the default). Writing a cell rewrites only that pair's rules: its issues are grouped by channel, leak
 * and evidence, one rule per group (without `issues` when a group covers every issue), placed where the
 * pair's first rule was; other pairs' rules, and rules the matrix cannot read, are kept as they are.
 * Pure: works on the loose JSON of the draft.
 */

export type ChannelKind = 'public' | 'private' | 'closed';

/** One channel rule as the draft holds it (loose: it may still be invalid). */
export type RuleDraft = Record<string, unknown>;

export interface PairCell {
  /** `mixed`: with every issue chosen, the issues of the pair do not share one channel. */
  kind: ChannelKind | 'mixed';
  /** A private channel's leak probability (0 when the rule gives none). */
  leak?: number;
  /** The indices of the rules covering the pair (on the issue, or on any issue). */
  rules: number[];
  evidence?: string;
}

interface IssueCell {
  kind: ChannelKind;
  leak?: number;
  evidence?: string;
}

const kinds: readonly string[] = ['public', 'private', 'closed'];

/** The two actors of a well-formed rule, or undefined. */
function pairOf(rule: unknown): [string, string] | undefined {
  if (rule === null || typeof rule !== 'object') return undefined;
  const between = (rule as RuleDraft)['between'];
  if (!Array.isArray(between) || between.length !== 2 || typeof between[0] !== 'string' || typeof between[1] !== 'string') return undefined;
  return [between[0], between[1]];
}

const samePair = (rule: unknown, a: string, b: string): boolean => {
  const pair = pairOf(rule);
  return pair !== undefined && ((pair[0] === a && pair[1] === b) || (pair[0] === b && pair[1] === a));
};

const covers = (rule: RuleDraft, issue: string): boolean => {
  const issues = rule['issues'];
  return !Array.isArray(issues) || issues.includes(issue);
};

function issueCell(channels: readonly unknown[], a: string, b: string, issue: string): IssueCell & { rule?: number } {
  const index = channels.findIndex((rule) => samePair(rule, a, b) && covers(rule as RuleDraft, issue));
  if (index < 0) return { kind: 'public' };
  const rule = channels[index] as RuleDraft;
  const kind = (kinds.includes(String(rule['channel'])) ? rule['channel'] : 'public') as ChannelKind;
  const cell: IssueCell & { rule?: number } = { kind, rule: index };
  if (kind === 'private') cell.leak = typeof rule['leak'] === 'number' ? rule['leak'] : 0;
  if (typeof rule['evidence'] === 'string') cell.evidence = rule['evidence'];
  return cell;
}

/** The channel between a and b on `issue`, or on every issue of `issueIds` when `issue` is undefined. */
export function cellOf(channels: readonly unknown[] | undefined, a: string, b: string, issue: string | undefined, issueIds: readonly string[]): PairCell {
  const list = channels ?? [];
  const rules = list.flatMap((rule, index) => (samePair(rule, a, b) && (issue === undefined || covers(rule as RuleDraft, issue)) ? [index] : []));
  const cells = (issue === undefined ? issueIds : [issue]).map((id) => issueCell(list, a, b, id));
  const [first] = cells;
  if (first === undefined) return { kind: 'public', rules };
  const same = cells.every((cell) => cell.kind === first.kind && cell.leak === first.leak);
  if (!same) return { kind: 'mixed', rules };
  const result: PairCell = { kind: first.kind, rules };
  if (first.leak !== undefined) result.leak = first.leak;
  if (first.evidence !== undefined) result.evidence = first.evidence;
  return result;
}

export interface CellChange {
  kind: ChannelKind;
  /** A private channel's leak; absent: keep the leak it had (0 for a channel that was not private). */
  leak?: number;
}

/**
 * The rules after setting the channel between a and b on `issue` (every issue when undefined).
 * Returns the new list (the input is not changed).
 */
export function withCell(channels: readonly unknown[] | undefined, a: string, b: string, issueIds: readonly string[], issue: string | undefined, change: CellChange): unknown[] {
  const list = channels ?? [];
  const cells = new Map<string, IssueCell>();
  for (const id of issueIds) cells.set(id, issueCell(list, a, b, id));
  for (const id of issue === undefined ? issueIds : [issue]) {
    const old = cells.get(id) ?? { kind: 'public' };
    const next: IssueCell = { kind: change.kind };
    if (change.kind === 'private') next.leak = change.leak ?? old.leak ?? 0;
    if (old.evidence !== undefined) next.evidence = old.evidence;
    cells.set(id, next);
  }
  const firstIndex = list.findIndex((rule) => samePair(rule, a, b));
  const order: [string, string] = firstIndex >= 0 ? pairOf(list[firstIndex])! : [a, b];
  const rules = rulesOf(order, issueIds, cells);
  const kept = list.filter((rule) => !samePair(rule, a, b));
  const at = firstIndex < 0 ? kept.length : list.slice(0, firstIndex).filter((rule) => !samePair(rule, a, b)).length;
  return [...kept.slice(0, at), ...rules, ...kept.slice(at)];
}

/** One rule per group of issues sharing channel, leak and evidence; public without evidence needs no rule. */
function rulesOf(between: [string, string], issueIds: readonly string[], cells: ReadonlyMap<string, IssueCell>): RuleDraft[] {
  const groups = new Map<string, { cell: IssueCell; issues: string[] }>();
  for (const id of issueIds) {
    const cell = cells.get(id)!;
    if (cell.kind === 'public' && cell.evidence === undefined) continue;
    const key = JSON.stringify([cell.kind, cell.leak, cell.evidence]);
    const group = groups.get(key) ?? { cell, issues: [] };
    group.issues.push(id);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ cell, issues }) => {
    const rule: RuleDraft = { between: [...between], channel: cell.kind };
    if (cell.kind === 'private' && cell.leak !== undefined) rule['leak'] = cell.leak;
    if (issues.length < issueIds.length) rule['issues'] = issues;
    if (cell.evidence !== undefined) rule['evidence'] = cell.evidence;
    return rule;
  });
}

/** The next channel in the order public → private → closed → public (Space on a matrix cell). */
export function nextKind(kind: ChannelKind | 'mixed'): ChannelKind {
  return kind === 'public' ? 'private' : kind === 'private' ? 'closed' : 'public';
}
