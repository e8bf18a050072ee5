/**
 * Every `parley` command, in the order `parley --help` lists them: its name, its one-line summary and
 * how to load it. A command's module (and with it the models, zod, SQLite…) is imported only when that
 * command runs or its usage is asked for, so `parley --help` and `--version` start fast. To add a
 * command, write `src/cli/commands/<name>.ts` exporting a `Command` (see ../command.ts) and add one
 * entry here; `index.test.ts` checks that each entry loads the command it names.
 */
import type { CommandEntry } from '../command.js';

export const commands: readonly CommandEntry[] = [
  {
    name: 'validate',
    summary: 'check a scenario file (YAML, JSON, CSV or a KTAB SMP file) and list every problem',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'forecast',
    summary: 'forecast each issue of a scenario with one model or all of them',
    load: async () => (await import('./forecast.js')).forecastCommand,
  },
  {
    name: 'explain',
    summary: 'say in plain words how one actor reads its rivals, the offers it makes and takes (EUM, SMP)',
    load: async () => (await import('./explain.js')).explainCommand,
  },
  {
    name: 'draft',
    summary: 'draft a scenario from a text: actors, stance cues, agreements and dates, each tied to its quote',
    load: async () => (await import('./draft.js')).draftCommand,
  },
  {
    name: 'deal',
    summary: 'the deal / ripeness analysis: the deal on offer among the veto players, who holds out and why, and until when',
    load: async () => (await import('./deal.js')).dealCommand,
  },
  {
    name: 'advise',
    summary: "search an actor's levers for the smallest changes that move an issue's forecast toward a goal",
    load: async () => (await import('./advise.js')).adviseCommand,
  },
  {
    name: 'sweep',
    summary: 'Monte Carlo sweep: the spread of the forecast under noisy estimates and shocks, and what moves it most',
    load: async () => (await import('./sweep.js')).sweepCommand,
  },
  {
    name: 'backtest',
    summary: 'score every model against the outcomes of real EU decisions (DEU III)',
    load: async () => (await import('./backtest.js')).backtestCommand,
  },
  {
    name: 'ledger',
    summary: 'the forecast ledger: seal an answer, record what happened, score Brier and CRPS',
    load: async () => (await import('./ledger.js')).ledgerCommand,
  },
  {
    name: 'merge',
    summary: 'merge the parts of a sharded sweep (parley sweep --shard i/n) into its result',
    load: async () => (await import('./merge.js')).mergeCommand,
  },
  {
    name: 'serve',
    summary: 'start the workbench (web app + JSON API) on a local server',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'convert',
    summary: "convert a scenario between Parley's formats and KTAB's SMP files (CSV, XML)",
    load: async () => (await import('./convert.js')).convertCommand,
  },
];
