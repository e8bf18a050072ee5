/**
 * Capability rules for DEU III actors: DEU records positions and saliences but no capabilities, so a
 * backtest must say where clout comes from. Each rule is named, documented (docs/backtest.md) and an
 * unknown name is an InputError.
 *
 * - `equal`: every actor 1.
 * - `council-ssi`: a member state has its Shapley–Shubik index in the Council regime in force when the
 *   act was adopted (QMV issues), or an equal share 1/n (unanimity). Under the Lisbon double majority the
 *   index is computed from population shares (`lisbon_population_shares.csv`). The Commission and the
 *   Parliament get a stated share, chosen by the institution rule:
 *   `largest-state` (each as strong as the strongest member state: the default), `mean-state` (as the
 *   average member state) or `zero` (they state positions but carry no weight).
 */
import { InputError } from '../../errors.js';
import type { DeuDataset, DeuIssue, DeuPosition, PopulationShare } from './deu3.js';
import { lisbonDoubleMajority, shapleyShubik } from './shapleyShubik.js';

export const capabilityRuleIds = ['equal', 'council-ssi'] as const;
export type CapabilityRuleId = (typeof capabilityRuleIds)[number];
export const institutionRuleIds = ['largest-state', 'mean-state', 'zero'] as const;
export type InstitutionRuleId = (typeof institutionRuleIds)[number];

export interface CapabilityRule {
  id: CapabilityRuleId;
  institutions: InstitutionRuleId;
}

export const lisbonRegime = 'Lisbon_double_majority';

export function parseCapabilityRule(id: string, institutions: string = 'largest-state'): CapabilityRule {
  if (!(capabilityRuleIds as readonly string[]).includes(id)) {
    throw new InputError({ field: 'capability', message: `unknown capability rule "${id}"; expected one of ${capabilityRuleIds.join(', ')}` });
  }
  if (!(institutionRuleIds as readonly string[]).includes(institutions)) {
    throw new InputError({
      field: 'institutions',
      message: `unknown institution rule "${institutions}"; expected one of ${institutionRuleIds.join(', ')}`,
    });
  }
  return { id: id as CapabilityRuleId, institutions: institutions as InstitutionRuleId };
}

/** Member-state power by member code, for one regime and voting rule. */
export type PowerTable = ReadonlyMap<string, number>;

/** Assigns capabilities to one issue's actors; built once per data set, because indices are costly. */
export interface CapabilityAssigner {
  /** Capability of each position's actor, in order, and notes on any assumption made for this issue. */
  assign(issue: DeuIssue, positions: readonly DeuPosition[]): { capabilities: number[]; notes: string[] };
}

export function capabilityAssigner(dataset: DeuDataset, rule: CapabilityRule): CapabilityAssigner {
  if (rule.id === 'equal') return { assign: (_issue, positions) => ({ capabilities: positions.map(() => 1), notes: [] }) };
  const tables = new Map<string, { power: PowerTable; notes: string[] }>();
  const tableFor = (issue: DeuIssue) => {
    const year = issue.finalActDate ? Number(issue.finalActDate.slice(0, 4)) : undefined;
    const key = `${issue.regime}|${issue.votingRule}|${issue.regime === lisbonRegime ? (year ?? '') : ''}`;
    let table = tables.get(key);
    if (!table) {
      table = councilPower(dataset, issue.regime, issue.votingRule, year);
      tables.set(key, table);
    }
    return table;
  };
  return {
    assign(issue, positions) {
      const { power, notes } = tableFor(issue);
      const states = [...power.values()];
      const institution =
        rule.institutions === 'zero' ? 0 : rule.institutions === 'mean-state' ? states.reduce((a, b) => a + b, 0) / states.length : Math.max(...states);
      const missing: string[] = [];
      const capabilities = positions.map((position) => {
        if (position.actorType !== 'member_state') return institution;
        const value = power.get(position.actor);
        if (value === undefined) missing.push(position.actor);
        return value ?? 0;
      });
      const issueNotes = [...notes];
      if (missing.length > 0) issueNotes.push(`${missing.join(', ')} not members under ${issue.regime}: capability 0`);
      return { capabilities, notes: issueNotes };
    },
  };
}

/** Member-state power under one regime: the Shapley–Shubik index for QMV, 1/n for unanimity. */
export function councilPower(
  dataset: DeuDataset,
  regime: string,
  votingRule: DeuIssue['votingRule'],
  year: number | undefined,
): { power: PowerTable; notes: string[] } {
  if (regime === lisbonRegime) {
    const { shares, notes } = populationSharesFor(dataset.populations, year);
    if (votingRule === 'unanimity') return { power: new Map(shares.map((share) => [share.member, 1 / shares.length])), notes };
    // Population in hundredths of a percent: the integer units the exact count needs.
    const units = shares.map((share) => Math.round(share.percent * 100));
    const total = units.reduce((sum, unit) => sum + unit, 0);
    const indices = shapleyShubik(units, lisbonDoubleMajority(shares.length, total));
    return { power: new Map(shares.map((share, index) => [share.member, indices[index]!])), notes };
  }
  const members = dataset.regimes.filter((row) => row.regime === regime);
  if (members.length === 0) {
    throw new InputError({ field: 'council_regime', message: `no Council weights for regime "${regime}" in the council weights file` });
  }
  const power = new Map(members.map((row) => [row.member, votingRule === 'unanimity' ? 1 / members.length : row.shapleyShubik]));
  return { power, notes: [] };
}

/** The population shares of the latest year not after `year` (else the earliest year), with a note when the year differs. */
function populationSharesFor(populations: readonly PopulationShare[], year: number | undefined): { shares: PopulationShare[]; notes: string[] } {
  const years = [...new Set(populations.map((row) => row.year))].sort((a, b) => a - b);
  if (years.length === 0) throw new InputError({ field: 'population_percent', message: 'no Lisbon population shares: the double-majority index cannot be computed' });
  const chosen = [...years].reverse().find((candidate) => year !== undefined && candidate <= year) ?? years[0]!;
  const notes = year === chosen ? [] : [`Lisbon population shares of ${chosen} used for an act of ${year ?? 'unknown year'} (no verified figures for that year)`];
  return { shares: populations.filter((row) => row.year === chosen), notes };
}
