/**
 * `POST /api/backtest`: the DEU III backtest with the CLI's options (capability rule, institutions,
 * subset, models, replicates, seed, folds), validated by the same functions as `parley backtest`.
 * The first request starts it on a worker thread and answers 202 with its progress; later requests
 * with the same options answer 202 until it is done, then 200 with the result, which the server keeps
 * in memory (see backtestJobs.ts).
 */
import { z } from 'zod';
import { parseModelRuns } from '../analysis/backtest/backtest.js';
import { selectSubset } from '../analysis/backtest/cases.js';
import { parseCapabilityRule } from '../analysis/backtest/capability.js';
import type { Handler } from './api.js';
import type { BacktestRequest } from './backtestJobs.js';
import { HttpError } from './http.js';
import { parseBody } from './requests.js';

export const BacktestBodySchema = z
  .object({
    dataset: z.literal('deu3').optional(),
    capability: z.string().optional(),
    institutions: z.string().optional(),
    subset: z.string().optional(),
    /** As `--models`: comma-separated ids, each optionally `id:preset`; every model and preset when absent. */
    models: z.string().optional(),
    replicates: z.number().int().min(100).max(100_000).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    folds: z.number().int().min(2).max(50).optional(),
  })
  .strict();

/** Checks a request body and fills in the CLI's defaults. */
export function backtestRequest(body: unknown): BacktestRequest {
  const parsed = parseBody(BacktestBodySchema, body ?? {});
  const capability = parseCapabilityRule(parsed.capability ?? 'equal', parsed.institutions ?? 'largest-state');
  const subset = parsed.subset ?? 'all';
  selectSubset([], subset); // an unknown subset name is an InputError, worded as in the CLI
  return {
    dataset: 'deu3',
    capability,
    subset,
    models: parsed.models === undefined ? 'all' : parseModelRuns(parsed.models).map((run) => `${run.model}:${run.preset}`),
    replicates: parsed.replicates ?? 1000,
    seed: parsed.seed ?? 1,
    folds: parsed.folds ?? 10,
  };
}

const runBacktest: Handler = async (request, { backtests }) => {
  if (!backtests) throw new HttpError(503, 'this server does not run backtests');
  const state = backtests.state(backtestRequest(await request.body()));
  return { status: state.status === 'done' ? 200 : 202, json: state };
};

export const backtestRoutes: { method: string; path: string; handler: Handler }[] = [{ method: 'POST', path: '/api/backtest', handler: runBacktest }];
