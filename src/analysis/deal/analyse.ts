/**
 * `parley deal` (channels-spec.md §9): per issue, leaf and decision point the deal on offer among the
 * veto players, who accepts and who waits and why (§9.1), when it becomes ripe, P(agreement by each
 * round) (D5), the proposal test (D6) and the counterfactual layers (§9.2). Pure.
 */
import { InputError, type Problem } from '../../errors.js';
import { factorOrder, tableOf, type Factor, type Weights } from '../../models/nashChannels/problem.js';
import type { Loss } from '../../models/nashChannels/solver.js';
import type { Issue, Scenario } from '../../scenario/schema.js';
import { boundary, decisionPointOf, formatDate, parseDate, roundOf, roundsToEnd, yearsPerRound, type Timeline } from '../../scenario/timeline/calendar.js';
import { leavesOf, type Leaf } from '../../scenario/timeline/leaves.js';
import { compileLeaf, timelineOf, type LeafWorld } from '../../scenario/timeline/world.js';
import { holdoutsOf, waitingDetail } from './holdouts.js';
import { judgeProposals } from './proposals.js';
import { membersOf, ripeness, type RipenessInput, type RipenessLeaf } from './ripeness.js';
import type { DealIssue, DealLayer, DealLeaf, DealMixture, DealResult, DealRow } from './types.js';

export interface DealOptions {
  loss?: Loss;
  weights?: Weights;
  /** Decision points 0…rounds (default: T3). */
  rounds?: number;
  /** One issue (default: every issue). */
  issue?: string;
}

const record = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** The date of decision point t, or null without a timeline. */
export const pointDate = (timeline: Timeline | undefined, t: number): string | null => (timeline === undefined ? null : formatDate(boundary(timeline, t)));

/** (T3) With an end, the rounds to it; otherwise the last round holding a dated item (0 if none). */
export function dealHorizon(scenario: Scenario, timeline: Timeline | undefined): number {
  if (timeline === undefined) return 0;
  const toEnd = roundsToEnd(timeline);
  if (toEnd !== undefined) return toEnd;
  let last = 0;
  const dated = [...(scenario.events ?? []), ...(scenario.branches ?? [])].map((item) => parseDate(item.date));
  for (const record of scenario.trust?.records ?? []) if (parseDate(record.date) >= timeline.start) dated.push(parseDate(record.date));
  for (const date of dated) last = Math.max(last, roundOf(timeline, date) ?? 0);
  for (const proposal of scenario.proposals ?? []) last = Math.max(last, decisionPointOf(timeline, parseDate(proposal.date)));
  return last;
}

interface Prepared {
  scenario: Scenario;
  timeline: Timeline | undefined;
  leaves: Leaf[];
  worlds: LeafWorld[];
  horizon: number;
  yearsPerRound: number;
  loss: Loss;
  weights: Weights;
}

/** (D1–D5) The ripeness of one issue with some factors switched off. */
export function issueRipeness(prepared: Prepared, issue: Issue, without?: ReadonlySet<Factor>): { input: RipenessInput; leaves: RipenessLeaf[] } {
  const members = membersOf(prepared.scenario, issue, prepared.worlds[0]!, prepared.weights);
  const input: RipenessInput = { ...prepared, issue, members, ...(without ? { without } : {}) };
  return { input, leaves: ripeness(input, prepared.yearsPerRound) };
}

const pair = (interval: { low: number; high: number } | null): [number, number] | null => (interval === null ? null : [interval.low, interval.high]);

function rowsOut(input: RipenessInput, result: RipenessLeaf[], index: number): DealRow[] {
  return result[index]!.rows.map((row): DealRow => {
    const intervals = record<[number, number] | null>();
    for (const member of input.members) intervals[member] = pair(row.solution.intervals.get(member) ?? null);
    const winsets = record<[number, number] | null>();
    for (const winSet of row.problem.winSets) winsets[`${winSet.ratifier} for ${winSet.for}`] = winSet.low <= winSet.high ? [winSet.low, winSet.high] : null;
    const accept = record<boolean>();
    const values = record<{ accept: number | null; wait: number }>();
    const flows = record<{ agreement: number | null; conflict: number }>();
    for (const member of input.members) {
      flows[member] = { agreement: row.agreementFlow.get(member) ?? null, conflict: row.conflictFlow.get(member)! };
      accept[member] = row.accept.get(member)!;
      values[member] = { accept: row.acceptValue.get(member) ?? null, wait: row.waitValue.get(member)! };
    }
    return { round: row.round, date: pointDate(input.timeline, row.round), deal: row.deal, intervals, winsets, accept, values, flows, ripe: row.ripe, holdouts: holdoutsOf(input, result, index, row) };
  });
}

/** (D5) P(agreement by t), expected terms given agreement, the distribution of (first ripe point, terms). */
export function mixtureOfLeaves(input: Pick<RipenessInput, 'timeline' | 'horizon'>, result: readonly RipenessLeaf[]): DealMixture {
  const pAgreementBy = Array.from({ length: input.horizon + 1 }, (_, t) => ({
    round: t,
    date: pointDate(input.timeline, t),
    p: result.reduce((sum, leaf) => sum + (leaf.firstRipe !== null && leaf.firstRipe <= t ? leaf.leaf.probability : 0), 0),
  }));
  let mass = 0;
  let terms = 0;
  const cells = new Map<string, { round: number | null; terms: number | null; probability: number }>();
  for (const leaf of result) {
    const x = leaf.firstRipe === null ? null : leaf.rows[leaf.firstRipe]!.deal;
    if (x !== null) {
      mass += leaf.leaf.probability;
      terms += leaf.leaf.probability * x;
    }
    const key = `${leaf.firstRipe}|${x}`;
    const cell = cells.get(key) ?? { round: leaf.firstRipe, terms: x, probability: 0 };
    cell.probability += leaf.leaf.probability;
    cells.set(key, cell);
  }
  const order = (v: number | null) => (v === null ? Infinity : v);
  const distribution = [...cells.values()].sort((a, b) => order(a.round) - order(b.round) || order(a.terms) - order(b.terms));
  return { pAgreementBy, expectedTerms: mass > 0 ? terms / mass : null, distribution };
}

/** §9.2: remove red lines → trust → audience costs → win-sets cumulatively; the first layer with a deal somewhere, and the bare problem. */
function layersOf(prepared: Prepared, issue: Issue): DealLayer[] {
  const layers: DealLayer[] = [];
  let found = false;
  for (let k = 1; k <= factorOrder.length; k++) {
    const removed = factorOrder.slice(0, k);
    const bare = k === factorOrder.length;
    if (found && !bare) continue;
    const { input, leaves } = issueRipeness(prepared, issue, new Set(removed));
    const hasDeal = leaves.some((leaf) => leaf.rows.some((row) => row.deal !== null));
    if (!bare && !hasDeal) continue;
    found = true;
    const mixture = mixtureOfLeaves(input, leaves);
    layers.push({
      removed: [...removed],
      pAgreement: mixture.pAgreementBy.at(-1)!.p,
      expectedTerms: mixture.expectedTerms,
      leaves: leaves.map((leaf) => ({ leaf: { ...leaf.leaf.choice }, probability: leaf.leaf.probability, firstRipe: firstRipeOf(prepared.timeline, leaf) })),
      holdouts: layerHoldouts(input, leaves),
    });
  }
  return layers;
}

/** The waiting holdouts of a layer (§9.1.4), one per decision point, member and expectation, with the leaves they hold in. */
function layerHoldouts(input: RipenessInput, result: RipenessLeaf[]): DealLayer['holdouts'] {
  const out: DealLayer['holdouts'] = [];
  const seen = new Map<string, DealLayer['holdouts'][number]>();
  result.forEach((leaf, index) => {
    for (const row of leaf.rows) {
      if (row.deal === null || row.ripe) continue;
      for (const member of input.members) {
        if (row.accept.get(member)) continue;
        const detail = waitingDetail(input, result, index, row, member);
        const key = `${row.round}|${member}|${row.deal}|${detail.pLater}|${detail.expectedTerms}|${detail.acceptFlow}|${detail.waitFlow}`;
        const known = seen.get(key);
        if (known) known.leaves.push({ ...leaf.leaf.choice });
        else {
          const entry = { leaves: [{ ...leaf.leaf.choice }], round: row.round, date: pointDate(input.timeline, row.round), deal: row.deal, actor: member, detail };
          seen.set(key, entry);
          out.push(entry);
        }
      }
    }
  });
  return out;
}

/** The deal analysis of a validated scenario. Throws InputError for an analysed issue without a status quo (§11.11). */
export function analyseDeal(scenario: Scenario, options: DealOptions = {}): DealResult {
  const loss = options.loss ?? 'quadratic';
  const weights = options.weights ?? 'capability-salience';
  const issues = options.issue === undefined ? scenario.issues : scenario.issues.filter((issue) => issue.id === options.issue);
  if (issues.length === 0) throw new InputError({ field: 'issue', message: `unknown issue "${options.issue}"; expected one of ${scenario.issues.map((issue) => issue.id).join(', ')}` });
  const problems: Problem[] = issues
    .filter((issue) => issue.statusQuo === undefined)
    .map((issue) => ({ field: `issues[${scenario.issues.indexOf(issue)}].statusQuo`, message: `the deal analysis needs a status quo on issue "${issue.id}" (the outcome while there is no agreement)` }));
  if (problems.length > 0) throw new InputError(problems);
  const timeline = timelineOf(scenario);
  const horizon = options.rounds ?? dealHorizon(scenario, timeline);
  const leaves = leavesOf(scenario.branches);
  const prepared: Prepared = {
    scenario, timeline, leaves, horizon, loss, weights,
    worlds: leaves.map((leaf) => compileLeaf(scenario, leaf, horizon, timeline)),
    yearsPerRound: timeline === undefined ? 1 : yearsPerRound(timeline),
  };
  const notes: string[] = [];
  const unreached = new Set(prepared.worlds.flatMap((world) => world.items.filter((item) => item.round > horizon).map((item) => `${item.label} (${item.dateText}) falls in round ${item.round}, after the last decision point (${horizon}): no effect`)));
  notes.push(...unreached);
  return {
    format: 'parley.deal-result',
    version: 1,
    scenario: scenario.title,
    options: { loss, weights, rounds: horizon },
    issues: issues.map((issue) => issueResult(prepared, issue, notes)),
    notes,
  };
}

const firstRipeOf = (timeline: Timeline | undefined, leaf: RipenessLeaf) =>
  leaf.firstRipe === null ? null : { round: leaf.firstRipe, date: pointDate(timeline, leaf.firstRipe), terms: leaf.rows[leaf.firstRipe]!.deal! };

function issueResult(prepared: Prepared, issue: Issue, notes: string[]): DealIssue {
  const { input, leaves } = issueRipeness(prepared, issue);
  const dealLeaves = leaves.map((leaf, index): DealLeaf => {
    return {
      leaf: { ...leaf.leaf.choice },
      probability: leaf.leaf.probability,
      firstRipe: firstRipeOf(prepared.timeline, leaf),
      rows: rowsOut(input, leaves, index),
    };
  });
  const table = tableOf(issue, prepared.worlds[0]!.states[0]!, input.members);
  return {
    issue: issue.id,
    members: [...input.members],
    table: { ...table },
    leaves: dealLeaves,
    mixture: mixtureOfLeaves(input, leaves),
    layers: leaves.some((leaf) => leaf.firstRipe === null) ? layersOf(prepared, issue) : [],
    proposals: judgeProposals(input, leaves, notes),
  };
}
