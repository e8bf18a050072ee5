/**
 * The deal / ripeness analysis' result (channels-spec.md §9, §10.2): JSON `format: "parley.deal-result", version: 1`.
 * Keyed data with actor ids as keys are null-prototype objects.
 */
import type { GainParts, Interval } from '../../models/nashChannels/solver.js';
import type { Factor } from '../../models/nashChannels/problem.js';

export type HoldoutReason = 'closed' | 'none-acceptable' | 'no-overlap' | 'waiting';

export interface BoundDetail {
  actor: string;
  value: number;
  /** The owner's bound with each of its own factors switched off (absent when it has no such factor). */
  withoutRedLine?: number | null;
  withFullTrust?: number | null;
  withoutAudienceCost?: number | null;
}

export interface WaitingDetail {
  /** A_i and W_i as steady flows per year (value × (1 − δ_i)). */
  acceptFlow: number;
  waitFlow: number;
  /** P(agreement later | node), its expected terms and round (date). */
  pLater: number;
  expectedTerms: number | null;
  expectedRound: number | null;
  expectedDate: string | null;
  /** Dated events and branch outcomes between now and then in the leaves that carry the expectation. */
  expecting: string[];
}

export interface NoneAcceptableDetail {
  /** G_i at i's own position and its parts. */
  ownPosition: number;
  gain: number;
  parts: GainParts;
  trust: number;
}

export interface Holdout {
  actor: string | null;
  reason: HoldoutReason;
  detail: null | NoneAcceptableDetail | { lowest: BoundDetail; highest: BoundDetail } | WaitingDetail;
}

export interface DealRow {
  round: number;
  date: string | null;
  deal: number | null;
  intervals: Record<string, [number, number] | null>;
  winsets: Record<string, [number, number] | null>;
  accept: Record<string, boolean>;
  values: Record<string, { accept: number | null; wait: number }>;
  /** A_i(t) (null without a deal) and D_i(t), flows per year (D3). */
  flows: Record<string, { agreement: number | null; conflict: number }>;
  ripe: boolean;
  holdouts: Holdout[];
}

export interface DealLeaf {
  leaf: Record<string, string>;
  probability: number;
  firstRipe: { round: number; date: string | null; terms: number } | null;
  rows: DealRow[];
}

export interface DealMixture {
  pAgreementBy: { round: number; date: string | null; p: number }[];
  /** Expected terms given agreement (null: no agreement in any leaf). */
  expectedTerms: number | null;
  /** (first ripe round | null, terms | null, probability), sorted. */
  distribution: { round: number | null; terms: number | null; probability: number }[];
}

export interface DealLayer {
  removed: Factor[];
  pAgreement: number;
  expectedTerms: number | null;
  /** Each leaf's first ripe point under this layer. */
  leaves: { leaf: Record<string, string>; probability: number; firstRipe: { round: number; date: string | null; terms: number } | null }[];
  holdouts: { leaves: Record<string, string>[]; round: number; date: string | null; deal: number; actor: string; detail: WaitingDetail }[];
}

export interface ProposalVerdict {
  proposal: { date: string; from: string; to: string; issue: string; position: number; channel: 'public' | 'private'; label?: string };
  leaf: Record<string, string>;
  round: number;
  verdict: 'closed' | 'refuses: worse than no deal' | 'refuses: waits' | 'accepts';
  gain: number;
  parts: GainParts;
  trust: number;
  exposure: number;
  interval: [number, number] | null;
  /** (D + G)/(1 − δ) and W_i(t), as values (not flows). */
  acceptValue: number;
  waitValue: number;
}

export interface DealIssue {
  issue: string;
  members: string[];
  table: { channel: string; leak: number };
  leaves: DealLeaf[];
  mixture: DealMixture;
  layers: DealLayer[];
  proposals: ProposalVerdict[];
}

export interface DealResult {
  format: 'parley.deal-result';
  version: 1;
  scenario: string;
  options: { loss: 'linear' | 'quadratic'; weights: 'capability' | 'capability-salience'; rounds: number };
  issues: DealIssue[];
  notes: string[];
}

export type { Interval };
