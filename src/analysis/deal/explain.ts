/**
 * The deal analysis in plain words (channels-spec.md §10.2): per issue, one line per group of leaves
 * where the reading of a decision point changes (who holds out and why), the counterfactual layers
 * ("what would have to change") and the proposal verdicts. Every number is read from a DealResult.
 */
import { parseDate, civilOf } from '../../scenario/timeline/calendar.js';
import type { BoundDetail, DealIssue, DealLayer, DealResult, DealRow, Holdout, NoneAcceptableDetail, ProposalVerdict, WaitingDetail } from './types.js';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "28 Jan 2024". */
export function dayText(date: string): string {
  const { year, month, day } = civilOf(parseDate(date));
  return `${day} ${months[month - 1]} ${year}`;
}

/** "Nov 2024". */
const monthText = (date: string): string => {
  const { year, month } = civilOf(parseDate(date));
  return `${months[month - 1]} ${year}`;
};

const f1 = (x: number): string => x.toFixed(1);
const signed = (x: number, digits: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
const plain = (x: number, digits: number): string => (x < 0 ? `−${Math.abs(x).toFixed(digits)}` : x.toFixed(digits));
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export type Names = (id: string) => string;

/** "now (28 Jan 2024)", "at 28 Mar 2024", or "at point 3" without a timeline. */
function when(row: { round: number; date: string | null }): string {
  if (row.date === null) return row.round === 0 ? 'now' : `at point ${row.round}`;
  return row.round === 0 ? `now (${dayText(row.date)})` : `at ${dayText(row.date)}`;
}

function boundReasons(bound: BoundDetail, side: 'low' | 'high'): string {
  const parts: string[] = [];
  const value = (v: number | null) => (v === null ? (side === 'low' ? 'nothing' : 'nothing') : f1(v));
  if (bound.withoutRedLine !== undefined) parts.push(`without its red line ${value(bound.withoutRedLine)}`);
  if (bound.withFullTrust !== undefined) parts.push(`with full trust ${value(bound.withFullTrust)}`);
  if (bound.withoutAudienceCost !== undefined) parts.push(`without audience costs ${value(bound.withoutAudienceCost)}`);
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

function noneAcceptable(holdout: Holdout, names: Names): string {
  const detail = holdout.detail as NoneAcceptableDetail;
  return (
    `${names(holdout.actor!)} accepts no agreement at all: even at its own position (${f1(detail.ownPosition)}) a deal is worth ${plain(detail.gain, 4)} a year to it against no deal ` +
    `(terms ${signed(detail.parts.terms, 4)} weighted by its trust ${detail.trust.toFixed(2)}, broken-deal risk ${signed(detail.parts.breach, 4)}` +
    `${detail.parts.audience !== 0 ? `, audience cost ${signed(detail.parts.audience, 4)}` : ''}${detail.parts.redLine !== 0 ? `, red line ${signed(detail.parts.redLine, 4)}` : ''})`
  );
}

/** What a waiting member expects, in words. */
export function waitingText(actor: string, deal: number, row: { round: number; date: string | null }, detail: WaitingDetail, names: Names): string {
  return (
    `${names(actor)} holds out ${when(row)} against a deal at ${f1(deal)}: accepting is worth ${plain(detail.acceptFlow, 4)} a year to it, ` +
    `waiting ${plain(detail.waitFlow, 4)} a year (as steady flows); it expects ${expectationText(detail)}`
  );
}

/** "with probability 0.45 an agreement at 76.8 on average, around Nov 2024 (after …)". */
function expectationText(detail: WaitingDetail): string {
  const expectation =
    detail.pLater === 0 || detail.expectedTerms === null
      ? 'no agreement later'
      : `with probability ${detail.pLater.toFixed(2)} an agreement at ${f1(detail.expectedTerms)} on average${detail.expectedDate !== null ? `, around ${monthText(detail.expectedDate)}` : ''}`;
  return `${expectation}${detail.expecting.length > 0 ? ` (after ${detail.expecting.join('; ')})` : ''}`;
}

/** The reading of one decision point (§10.2). */
export function rowText(issue: DealIssue, row: DealRow, names: Names): string {
  const head = capitalise(when(row));
  if (row.ripe) return `${head}: ripe — every veto player accepts ${f1(row.deal!)}.`;
  const [first] = row.holdouts;
  if (first?.reason === 'closed') return `${head}: no channel between ${issue.members.map(names).join(' and ')} — no deal can be made.`;
  if (first?.reason === 'none-acceptable') return `${head}: no deal — ${row.holdouts.map((holdout) => noneAcceptable(holdout, names)).join('; ')}.`;
  if (first?.reason === 'no-overlap') {
    const { lowest, highest } = first.detail as { lowest: BoundDetail; highest: BoundDetail };
    return `${head}: no deal — ${names(lowest.actor)} accepts nothing below ${f1(lowest.value)}${boundReasons(lowest, 'low')} and ${names(highest.actor)} nothing above ${f1(highest.value)}${boundReasons(highest, 'high')}.`;
  }
  const waiting = row.holdouts.map((holdout) => {
    const detail = holdout.detail as WaitingDetail;
    return `${names(holdout.actor!)} holds out (accepting is worth ${plain(detail.acceptFlow, 4)} a year, waiting ${plain(detail.waitFlow, 4)}): it expects ${expectationText(detail)}`;
  });
  return `${head}: a deal at ${f1(row.deal!)} exists, but ${waiting.join('; ')}.`;
}

const leafText = (leaf: Record<string, string>): string => Object.entries(leaf).map(([branch, outcome]) => `${branch} ${outcome}`).join(', ');

function groupLabel(issue: DealIssue, leaves: readonly Record<string, string>[]): string {
  return leaves.length === issue.leaves.length ? 'all branches' : leaves.map(leafText).join(' / ');
}

/** One line per group of leaves whose reading of a decision point changes. */
function rowLines(issue: DealIssue, names: Names): string[] {
  const lines: string[] = [];
  const previous = new Map<number, string>();
  const rounds = issue.leaves[0]?.rows.length ?? 0;
  for (let t = 0; t < rounds; t++) {
    const groups = new Map<string, number[]>();
    issue.leaves.forEach((leaf, index) => {
      const text = rowText(issue, leaf.rows[t]!, names);
      groups.set(text, [...(groups.get(text) ?? []), index]);
    });
    for (const [text, members] of groups) {
      const reading = text.slice(text.indexOf(':'));
      if (members.every((index) => previous.get(index) === reading)) continue;
      for (const index of members) previous.set(index, reading);
      lines.push(`[${groupLabel(issue, members.map((index) => issue.leaves[index]!.leaf))}] ${text}`);
    }
  }
  return lines;
}

const factorWords: Record<string, string> = { 'red-lines': 'red lines', trust: 'distrust', 'audience-costs': 'audience costs', 'win-sets': 'win-sets' };

function layerLines(issue: DealIssue, layer: DealLayer, names: Names): string[] {
  const terms = layer.expectedTerms === null ? '' : `, expected terms ${f1(layer.expectedTerms)}`;
  const lines = [`Without ${layer.removed.map((factor) => factorWords[factor]).join(', ')}: P(agreement by the end) = ${layer.pAgreement.toFixed(2)}${terms}.`];
  const said = new Set<string>();
  for (const holdout of layer.holdouts) {
    const key = `${holdout.actor}|${holdout.deal.toFixed(6)}|${holdout.detail.pLater}|${holdout.detail.expectedTerms}|${groupLabel(issue, holdout.leaves)}`;
    if (said.has(key)) continue;
    said.add(key);
    lines.push(`  [${groupLabel(issue, holdout.leaves)}] ${waitingText(holdout.actor, holdout.deal, holdout, holdout.detail, names)}.`);
  }
  return lines;
}

/** The proposal sentence (§10.2), from the verdicts of its leaves. */
export function proposalText(issue: DealIssue, verdicts: readonly ProposalVerdict[], names: Names): string {
  const first = verdicts[0]!;
  const { proposal, parts } = first;
  const to = names(proposal.to);
  const accepted = verdicts.filter((verdict) => verdict.verdict === 'accepts');
  const what = proposal.label ?? `the proposal of ${names(proposal.from)}`;
  const share = accepted.length === 0 ? 'refuses' : accepted.length === verdicts.length ? 'accepts' : `accepts (in ${accepted.length} of ${verdicts.length} branches)`;
  const head = `${to} ${share} ${what} (${proposal.issue} at ${f1(proposal.position)}, ${proposal.channel} channel)`;
  if (first.verdict === 'closed') return `${head}: there is no channel between ${names(proposal.from)} and ${to}.`;
  if (first.verdict === 'refuses: worse than no deal') {
    const others = issue.members.filter((member) => member !== proposal.to).map(names).join(' and ');
    const tail = first.interval === null ? '; it would accept no terms at all' : `; it would accept only terms in (${f1(first.interval[0])}, ${f1(first.interval[1])})`;
    return (
      `${head} because it is worth ${plain(first.gain, 3)} a year to ${to} against no deal: ${plain(parts.terms, 3)} from the terms themselves ` +
      `(weighted by its trust of ${first.trust.toFixed(2)} that ${others} will keep the agreement), ${plain(parts.breach, 3)} from the risk of a broken deal, ` +
      `${plain(parts.audience, 3)} audience cost and ${plain(parts.redLine, 3)} for crossing its public red line (exposure ${first.exposure.toFixed(2)})${tail}.`
    );
  }
  if (first.verdict === 'refuses: waits') return `${head} because waiting is worth more to it (${plain(first.waitValue, 3)} against ${plain(first.acceptValue, 3)} for accepting now).`;
  return `${head}.`;
}

/** The whole text report. */
export function dealText(result: DealResult, names: Names): string {
  const lines: string[] = [];
  for (const issue of result.issues) {
    const end = issue.mixture.pAgreementBy.at(-1)!;
    const by = end.date === null ? `point ${end.round}` : dayText(end.date);
    const terms = issue.mixture.expectedTerms === null ? 'no agreement in any branch.' : `expected terms if agreed ${f1(issue.mixture.expectedTerms)}.`;
    lines.push(`${issue.issue} (veto players ${issue.members.map(names).join(', ')}; ${issue.table.channel} table): P(agreement by ${by}) = ${end.p.toFixed(2)}; ${terms}`);
    lines.push(`  P(agreement by point): ${issue.mixture.pAgreementBy.map((point) => point.p.toFixed(2)).join(' ')}`);
    lines.push(...rowLines(issue, names).map((line) => `  ${line}`));
    for (const layer of issue.layers) lines.push(...layerLines(issue, layer, names).map((line) => `  ${line}`));
    const byProposal = new Map<string, ProposalVerdict[]>();
    for (const verdict of issue.proposals) {
      const key = JSON.stringify(verdict.proposal);
      byProposal.set(key, [...(byProposal.get(key) ?? []), verdict]);
    }
    for (const verdicts of byProposal.values()) lines.push(`  ${proposalText(issue, verdicts, names)}`);
  }
  for (const note of result.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}
