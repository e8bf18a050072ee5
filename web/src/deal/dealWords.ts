/**
 * The deal view's words that `parley deal` has no single sentence for (channels-spec.md §9.1, §10.2):
 * the issue's summary line (as the CLI's first line), and each veto player's cell in a decision round.
 * Pure: reads a DealResult.
 */
import { dayText, type Names } from '../../../src/analysis/deal/explain.js';
import type { BoundDetail, DealIssue, DealRow } from '../../../src/analysis/deal/types.js';

const f1 = (x: number): string => x.toFixed(1);

/** "28 Jan 2025", or "point 3" without a timeline. */
export const pointName = (point: { round: number; date: string | null }): string => (point.date === null ? `point ${point.round}` : dayText(point.date));

/** The issue's first line, as `parley deal` prints it. */
export function summaryText(issue: DealIssue, names: Names): string {
  const end = issue.mixture.pAgreementBy.at(-1)!;
  const terms = issue.mixture.expectedTerms === null ? 'no agreement in any branch.' : `expected terms if agreed ${f1(issue.mixture.expectedTerms)}.`;
  return `${issue.issue} (veto players ${issue.members.map(names).join(', ')}; ${issue.table.channel} table): P(agreement by ${pointName(end)}) = ${end.p.toFixed(2)}; ${terms}`;
}

/**
 * A veto player's cell in a decision round: accepts, or why not (§9.1): it waits for a better deal;
 * it accepts no agreement at all; its bound does not overlap the others'; there is no channel.
 */
export function memberCell(row: DealRow, member: string): { text: string; kind: 'accept' | 'wait' | 'none' } {
  if (row.deal !== null) return row.accept[member] === true ? { text: 'accepts', kind: 'accept' } : { text: 'waits (for a better deal)', kind: 'wait' };
  const [first] = row.holdouts;
  if (first?.reason === 'closed') return { text: 'no channel', kind: 'none' };
  if (row.holdouts.some((holdout) => holdout.reason === 'none-acceptable' && holdout.actor === member)) return { text: 'accepts no agreement at all', kind: 'wait' };
  if (first?.reason === 'no-overlap') {
    const { lowest, highest } = first.detail as { lowest: BoundDetail; highest: BoundDetail };
    if (lowest.actor === member) return { text: `nothing below ${f1(lowest.value)}`, kind: 'wait' };
    if (highest.actor === member) return { text: `nothing above ${f1(highest.value)}`, kind: 'wait' };
  }
  return { text: '—', kind: 'none' };
}

