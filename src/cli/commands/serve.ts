/** `parley serve`: the workbench — the web app and its JSON API on one local server. */
import { resolve } from 'node:path';
import { integerOption, parseCommandLine } from '../args.js';
import { ExitCode, type Command } from '../command.js';

export const serveCommand: Command = {
  name: 'serve',
  usage: `Usage: parley serve [--port N] [--host H] [--db FILE]

Starts the Parley workbench and prints its URL; Ctrl-C stops it.
  --port N     the port to listen on (default 4173; 0 picks a free one)
  --host H     the interface to bind (default 127.0.0.1: this machine only)
  --db FILE    the SQLite store (default parley.db in the current directory;
               a new file is seeded with the worked example)`,
  async run(args, io) {
    const { values } = parseCommandLine(
      args,
      { port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' } },
      { min: 0, max: 0 },
    );
    const port = values.port === undefined ? 4173 : integerOption(values.port, '--port', { min: 0, max: 65535 });
    const { startServer } = await import('../../server/start.js');
    const running = await startServer({
      dbFile: resolve(io.cwd, values.db ?? 'parley.db'),
      port,
      host: values.host ?? '127.0.0.1',
      log: (message) => io.stderr.write(`${message}\n`),
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
