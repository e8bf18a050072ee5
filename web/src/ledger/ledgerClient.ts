/** The workbench's client of the ledger API (src/server/ledgerApi.ts). */
import type { LedgerScore } from '../../../src/analysis/ledger/entries.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import type { Page } from '../../../src/server/ledgerApi.js';
import type { LedgerEntry } from '../../../src/store/ledger.js';
import { call } from '../api.js';

export type { LedgerEntry, LedgerScore, Page };

export const ledgerApi = {
  list: (limit: number, offset: number) => call<Page<LedgerEntry>>('GET', `ledger?limit=${limit}&offset=${offset}`),
  /** Seals the scenario's answer: the server computes it again from the scenario, as `parley ledger add`. */
  seal: (scenario: Scenario) => call<{ items: LedgerEntry[] }>('POST', 'ledger', { scenario }),
  resolve: (id: number, outcome: number) => call<LedgerEntry>('POST', `ledger/${id}/resolution`, { outcome }),
  score: () => call<LedgerScore>('GET', 'ledger/score'),
};
