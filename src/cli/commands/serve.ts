/** `parley serve`: the workbench — the web app and its JSON API on one local server. */
import { resolve } from 'node:path';
import { runTimeoutSeconds, sweepTimeoutSeconds } from '../../server/runLimits.js';
import { integerOption, parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';

/** The longest deadline the flags accept: a day. */
const maxTimeoutSeconds = 86_400;

export const serveCommand: Command = {
  name: 'serve',
  usage: `Usage: parley serve [--port N] [--host H] [--db FILE] [--run-timeout S] [--sweep-timeout S]

Starts the Parley workbench and prints its URL; Ctrl-C stops it.
  --port N           the port to listen on (default 4173; 0 picks a free one)
  --host H           the interface to bind (default 127.0.0.1: this machine only)
  --db FILE          the SQLite store (default parley.db in the current directory;
                     a new file is seeded with the worked example)
  --run-timeout S    seconds one forecast may take before it is stopped and the
                     request answers 504 (default ${runTimeoutSeconds}, at most ${maxTimeoutSeconds})
  --sweep-timeout S  seconds one whole sweep may take (default ${sweepTimeoutSeconds}, at most ${maxTimeoutSeconds})`,
  async run(args, io) {
    const { values } = parseCommandLine(
      args,
      { port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, 'run-timeout': { type: 'string' }, 'sweep-timeout': { type: 'string' } },
      { min: 0, max: 0 },
    );
    const port = values.port === undefined ? 4173 : integerOption(values.port, '--port', { min: 0, max: 65535 });
    const seconds = (value: string | undefined, flag: string) => (value === undefined ? undefined : integerOption(value, flag, { min: 1, max: maxTimeoutSeconds }) * 1000);
    const runTimeoutMs = seconds(values['run-timeout'], '--run-timeout');
    const sweepTimeoutMs = seconds(values['sweep-timeout'], '--sweep-timeout');
    const { startServer } = await import('../../server/start.js');
    const running = await startServer({
      dbFile: resolve(io.cwd, values.db ?? 'parley.db'),
      port,
      host: values.host ?? '127.0.0.1',
      log: (message) => io.stderr.write(`${message}\n`),
      ...(runTimeoutMs !== undefined && { runTimeoutMs }),
      ...(sweepTimeoutMs !== undefined && { sweepTimeoutMs }),
    });
    io.stdout.write(`Parley workbench: ${running.url}\n`);
    io.stderr.write('Press Ctrl-C to stop.\n');
    await new Promise<void>((done) => {
      if (io.signal.aborted) done();
      else io.signal.addEventListener('abort', () => done(), { once: true });
    });
    await running.stop();
    io.stderr.write('stopped.\n');
    return ExitCode.ok;
  },
};
