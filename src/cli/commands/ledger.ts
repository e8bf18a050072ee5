/**
 * `parley ledger add|resolve|score`: the forecast ledger in the workbench's store (--db, default
 * parley.db as for `parley serve`). `add` seals a scenario's answer (one entry per issue), `resolve`
 * records what happened, `score` prints Brier scores, CRPS and calibration bins (docs/answer.md).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { scoreLedger, type LedgerScore } from '../../analysis/ledger/entries.js';
import { InputError } from '../../errors.js';
import { entriesToSeal } from '../../node/ledgerSeal.js';
import { alignTable } from '../forecast/table.js';
import { parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';
import type { CliIo } from '../io.js';
import { loadScenario } from '../scenarioFile.js';
import { UsageError } from '../usageError.js';
import { parleyVersion } from '../../node/version.js';

export const ledgerCommand: Command = {
  name: 'ledger',
  usage: `Usage: parley ledger add <file> [--db FILE]
       parley ledger resolve <id> --outcome V [--db FILE]
       parley ledger score [--db FILE] [--json]

The forecast ledger, kept in the workbench's store (default parley.db in the current directory).
  add <file>        seal the scenario's answer, one entry per issue: the scenario's content hash
                    (SHA-256), the Parley version, the date, the forecast, its quantiles and every
                    probability (P(outcome > status quo or midpoint) and each question's); sealed
                    entries can never be edited or deleted
  resolve <id>      record the outcome V that happened (on the issue's scale); once per entry
  score             Brier score per probability and CRPS per forecast, overall, and calibration bins
  --db FILE         the SQLite store
  --json            (score) print the scores as JSON`,
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'add') return add(rest, io);
    if (action === 'resolve') return resolveEntry(rest, io);
    if (action === 'score') return score(rest, io);
    throw new UsageError(action === undefined ? 'missing action: add, resolve or score' : `unknown action "${action}"; expected add, resolve or score`);
  },
};

async function openLedger(db: string | undefined, io: CliIo, mustExist: boolean) {
  const file = resolve(io.cwd, db ?? 'parley.db');
  if (mustExist && !existsSync(file)) throw new InputError({ file: db ?? 'parley.db', message: 'no such store: add an entry first (parley ledger add FILE)' });
  const { openStore } = await import('../../store/store.js');
  return openStore(file);
}

async function add(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { db: { type: 'string' } }, { min: 1, max: 1 });
  const { scenario, notes } = await loadScenario(positionals[0]!, io);
  for (const note of notes) io.stderr.write(`note: ${note}\n`);
  const entries = entriesToSeal(scenario);
  const store = await openLedger(values.db, io, false);
  try {
    const sealed = store.ledger.add(entries);
    for (const entry of sealed) {
      const probabilities = entry.probabilities.map((p) => `${p.question ?? p.label} ${(p.probability * 100).toFixed(1)} %`).join('; ');
      io.stdout.write(`sealed #${entry.id}: ${entry.issue} forecast ${entry.forecast.toFixed(2)} (${entry.predictor}); ${probabilities}\n`);
    }
    io.stderr.write(`scenario sha256 ${entries[0]?.scenarioHash.slice(0, 16) ?? ''}…, Parley ${parleyVersion()}, ${sealed[0]?.sealedAt ?? ''}\n`);
  } finally {
    store.close();
  }
  return ExitCode.ok;
}

async function resolveEntry(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { db: { type: 'string' }, outcome: { type: 'string' } }, { min: 1, max: 1 });
  const id = Number(positionals[0]);
  if (!Number.isInteger(id) || id < 1) throw new InputError({ field: 'id', message: `expected a ledger entry id (a whole number ≥ 1), got "${positionals[0]}"` });
  if (values.outcome === undefined) throw new UsageError('missing --outcome V');
  const outcome = Number(values.outcome);
  if (values.outcome.trim() === '' || !Number.isFinite(outcome)) throw new InputError({ field: 'outcome', message: `expected a number, got "${values.outcome}"` });
  const store = await openLedger(values.db, io, true);
  try {
    const entry = store.ledger.resolve(id, outcome);
    io.stdout.write(`resolved #${entry.id}: ${entry.issue} outcome ${outcome} (forecast ${entry.forecast.toFixed(2)})\n`);
  } finally {
    store.close();
  }
  return ExitCode.ok;
}

async function score(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine(args, { db: { type: 'string' }, json: { type: 'boolean' } }, { min: 0, max: 0 });
  const store = await openLedger(values.db, io, true);
  let result: LedgerScore;
  try {
    result = scoreLedger(store.ledger.list());
  } finally {
    store.close();
  }
  io.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : scoreTable(result));
  return ExitCode.ok;
}

function scoreTable(result: LedgerScore): string {
  const fixed = (value: number | null, digits = 3): string => (value === null ? '–' : value.toFixed(digits));
  const lines = [
    'Forecasts (CRPS on the issue\'s scale and as a share of its width; Brier = mean (p − o)² over its probabilities):',
    ...alignTable([
      ['#', 'issue', 'predictor', 'forecast', 'outcome', 'CRPS', 'CRPS/width', 'Brier'],
      ...result.entries.map((entry) => [String(entry.id), entry.issue, entry.predictor, entry.forecast.toFixed(2), String(entry.outcome), entry.crps.toFixed(3), entry.crpsShare.toFixed(4), entry.brier.toFixed(4)]),
    ]).map((line) => `  ${line}`),
    '',
    `Overall: ${result.overall.resolved} resolved, ${result.overall.open} open; mean CRPS/width ${fixed(result.overall.crpsShare, 4)}, mean Brier ${fixed(result.overall.brier, 4)}`,
    '',
    'Calibration (every probability, ten bins):',
    ...alignTable([
      ['bin', 'n', 'mean p', 'observed'],
      ...result.calibration.map((bin) => [`${bin.low.toFixed(1)}–${bin.high.toFixed(1)}`, String(bin.count), fixed(bin.meanProbability), fixed(bin.observedFrequency)]),
    ]).map((line) => `  ${line}`),
  ];
  return `${lines.join('\n')}\n`;
}
