/**
 * Sealing a scenario's answer into the forecast ledger, as `parley ledger add` and the workbench's
 * `POST /api/ledger` both do: every registered model at its defaults (rejecting models skipped), the
 * answer with the shipped predictor record, one entry per issue with the scenario's content hash
 * (SHA-256 of its canonical JSON) and the Parley version.
 */
import { createHash } from 'node:crypto';
import { computeAnswer } from '../analysis/answer/answer.js';
import { planRuns, runPlan } from '../analysis/forecastPlan.js';
import { entriesFromAnswer, type SealableEntry } from '../analysis/ledger/entries.js';
import { canonicalJson } from '../analysis/sweep/canonical.js';
import type { Scenario } from '../scenario/schema.js';
import { loadShippedRecord } from './record.js';
import { parleyVersion } from './version.js';

export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}

/** An entry to seal: the answer's, with where it comes from (the store's NewLedgerEntry). */
export type EntryToSeal = SealableEntry & { scenarioTitle: string; scenarioHash: string; parleyVersion: string };

/** The entries that seal the scenario's answer (one per issue), ready for `store.ledger.add`. */
export function entriesToSeal(scenario: Scenario, version: string = parleyVersion()): EntryToSeal[] {
  const { forecasts } = runPlan(scenario, planRuns({ model: 'all' }), true);
  const { answer, samples } = computeAnswer({ scenario, forecasts, record: loadShippedRecord() });
  const hash = scenarioHash(scenario);
  return entriesFromAnswer(answer, samples, scenario.issues.map((issue) => issue.scale)).map((entry) => ({ ...entry, scenarioTitle: scenario.title, scenarioHash: hash, parleyVersion: version }));
}
