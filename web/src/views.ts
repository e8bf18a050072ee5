/**
 * Every view of the workbench, in tab order: one line each (see app/view.ts and docs/workbench.md,
 * "Adding a view").
 */
import type { ViewFactory } from './app/view.js';
import { adviseView } from './advise/index.js';
import { answerView } from './answer/index.js';
import { backtestView } from './backtest/index.js';
import { channelsView } from './channels/index.js';
import { dealView } from './deal/index.js';
import { draftView } from './draft/index.js';
import { editorView } from './editor/index.js';
import { historyView } from './history/index.js';
import { ledgerView } from './ledger/index.js';
import { resultsView } from './results/index.js';
import { sweepView } from './sweep/index.js';

export const viewFactories: readonly ViewFactory[] = [
  editorView,
  resultsView,
  answerView,
  sweepView,
  adviseView,
  historyView,
  channelsView,
  dealView,
  backtestView,
  ledgerView,
  draftView,
];
