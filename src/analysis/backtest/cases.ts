/**
 * Turns DEU III issues into Parley scenarios, one scenario per issue (capabilities depend on the
 * issue's Council regime, and a Parley actor has one capability). Each scenario holds the actors with
 * both a position and a salience (salience on 0–100), and the reference point as the status quo.
 *
 * An issue is scoreable when it has an outcome and at least 3 actors with a position and a salience:
 * 351 of the 364 issues (data/deu3/SOURCES.md), the set the published figures use.
 */
import { InputError } from '../../errors.js';
import type { Scenario } from '../../scenario/schema.js';
import { capabilityAssigner, type CapabilityRule } from './capability.js';
import type { DeuDataset, DeuIssue, DeuPosition } from './deu3.js';

export interface BacktestCase {
  issue: DeuIssue;
  outcome: number;
  /** Actors with a position and a salience, in file order. */
  positions: DeuPosition[];
  scenario: Scenario;
  era: Era;
  notes: string[];
}

/** DEU III's three waves, by the Council regime in force. */
export type Era = '1998-2001' | '2005-2009' | '2016-2019';

export function eraOf(regime: string): Era {
  if (regime.startsWith('EU15')) return '1998-2001';
  if (regime.startsWith('Lisbon')) return '2016-2019';
  return '2005-2009';
}

export const minimumActors = 3;

export function buildCases(dataset: DeuDataset, rule: CapabilityRule): BacktestCase[] {
  const assigner = capabilityAssigner(dataset, rule);
  const cases: BacktestCase[] = [];
  for (const issue of dataset.issues) {
    const positions = (dataset.positions.get(issue.id) ?? []).filter((position) => position.salience !== undefined);
    if (issue.outcome === undefined || positions.length < minimumActors) continue;
    const { capabilities, notes } = assigner.assign(issue, positions);
    cases.push({ issue, outcome: issue.outcome, positions, scenario: scenarioOf(issue, positions, capabilities), era: eraOf(issue.regime), notes });
  }
  return cases;
}

function scenarioOf(issue: DeuIssue, positions: readonly DeuPosition[], capabilities: readonly number[]): Scenario {
  return {
    title: `DEU III ${issue.id}: ${issue.proposalName}`,
    salienceScale: 100,
    issues: [
      {
        id: issue.id,
        name: issue.proposalName,
        scale: { min: 0, max: 100 },
        ...(issue.referencePoint !== undefined ? { statusQuo: issue.referencePoint } : {}),
      },
    ],
    actors: positions.map((position, index) => ({
      id: position.actor,
      name: position.actorName,
      capability: capabilities[index]!,
      stances: { [issue.id]: { position: position.position, salience: position.salience! } },
    })),
  };
}

/** Named subsets of the scoreable issues (`--subset`). */
export const subsets: Readonly<Record<string, { description: string; includes: (item: BacktestCase) => boolean }>> = {
  all: { description: 'every scoreable issue', includes: () => true },
  cod: { description: 'co-decision (COD)', includes: (item) => item.issue.procedure === 'COD' },
  cns: { description: 'consultation (CNS)', includes: (item) => item.issue.procedure === 'CNS' },
  qmv: { description: 'Council qualified majority', includes: (item) => item.issue.votingRule === 'QMV' },
  unanimity: { description: 'Council unanimity', includes: (item) => item.issue.votingRule === 'unanimity' },
  'with-reference-point': { description: 'issues with a reference point', includes: (item) => item.issue.referencePoint !== undefined },
  'without-reference-point': { description: 'issues without a reference point', includes: (item) => item.issue.referencePoint === undefined },
  '1998-2001': { description: 'EU-15 era', includes: (item) => item.era === '1998-2001' },
  '2005-2009': { description: 'EU-25/27 Nice era', includes: (item) => item.era === '2005-2009' },
  '2016-2019': { description: 'EU-28 Lisbon era', includes: (item) => item.era === '2016-2019' },
};

export function selectSubset(cases: readonly BacktestCase[], name: string): BacktestCase[] {
  const subset = subsets[name];
  if (!subset) throw new InputError({ field: 'subset', message: `unknown subset "${name}"; expected one of ${Object.keys(subsets).join(', ')}` });
  return cases.filter(subset.includes);
}
