/**
 * Starts the whole workbench: opens (and on first use seeds) the store, and serves the API and the
 * built app. Used by `parley serve` and by the tests, which start it on port 0 with a temporary file.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { parleyVersion } from '../node/version.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import { openStore, type Store } from '../store/store.js';
import { isLoopbackHost, newAccessToken } from './accessToken.js';
import { BacktestJobs } from './backtestJobs.js';
import { ModelWorkers } from './modelWorkers.js';
import { packagePath } from './packagePath.js';
import { close, createParleyServer, listen } from './server.js';

export interface StartOptions {
  /** The SQLite file; created (and seeded) when it does not exist. */
  dbFile: string;
  /** 0 picks a free port. */
  port: number;
  /** 127.0.0.1 unless another interface is asked for; requests may then name it in `Host` too. */
  host?: string;
  /** The built app; web/dist in the package by default. */
  webRoot?: string;
  log?: (message: string) => void;
  /** The token a bind beyond loopback requires; a fresh random one by default (accessToken.ts). */
  accessToken?: string;
  /** A forecast's deadline (`runTimeoutSeconds` in runLimits.ts by default). */
  runTimeoutMs?: number;
  /** A sweep's deadline (`sweepTimeoutSeconds` by default). */
  sweepTimeoutMs?: number;
}

export interface RunningServer {
  /** The address to open: with `?token=…` when the server requires its access token. */
  url: string;
  /** Set when the server is bound beyond loopback and requires it. */
  accessToken?: string;
  server: Server;
  store: Store;
  /** Stops the server, its model and backtest threads, then closes the database. */
  stop(): Promise<void>;
}

/** The worked example every fresh database starts with. */
export const workedExampleFile = 'examples/backchannel-2024.yaml';

export function workedExamples(): Scenario[] {
  const file = packagePath(workedExampleFile);
  return [parseScenario(readFileSync(file, 'utf8'), { file: workedExampleFile, format: 'yaml' }).scenario];
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = openStore(options.dbFile, { seed: workedExamples });
  const backtests = new BacktestJobs();
  const workers = new ModelWorkers({
    ...(options.runTimeoutMs !== undefined && { runTimeoutMs: options.runTimeoutMs }),
    ...(options.sweepTimeoutMs !== undefined && { sweepTimeoutMs: options.sweepTimeoutMs }),
  });
  const host = options.host ?? '127.0.0.1';
  const accessToken = isLoopbackHost(host) ? undefined : (options.accessToken ?? newAccessToken());
  const serverOptions = {
    ...(accessToken !== undefined && { accessToken }),
    store,
    workers,
    backtests,
    parleyVersion: parleyVersion(),
    webRoot: options.webRoot ?? packagePath('web', 'dist'),
    ...(options.host !== undefined && { host: options.host }),
  };
  const server = createParleyServer(options.log ? { ...serverOptions, log: options.log } : serverOptions);
  try {
    const url = await listen(server, options.port, host);
    return {
      url: accessToken === undefined ? url : `${url}?token=${accessToken}`,
      ...(accessToken !== undefined && { accessToken }),
      server,
      store,
      stop: async () => {
        await close(server);
        await workers.destroy();
        await backtests.destroy();
        store.close();
      },
    };
  } catch (error) {
    await workers.destroy();
    await backtests.destroy();
    store.close();
    throw error;
  }
}
