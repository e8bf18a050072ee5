#!/usr/bin/env node
/**
 * The `parley` executable. It loads the dispatcher and the command list only; a command's module (and
 * with it the models) is loaded when that command runs, so `--help` and `--version` start fast.
 * Ctrl-C aborts `io.signal` so long commands can stop cleanly and report what they did; a second
 * Ctrl-C exits at once (130, the shell's code for SIGINT).
 */
import { processIo } from './io.js';
import { runCli } from './run.js';

const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});
// `parley forecast … | head` closes stdout early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
// `parley validate x 2>&1 | head -1` may close stderr before the last message: the exit code must
// still say what happened (2 for bad input), so a closed stderr is ignored rather than thrown.
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await runCli(process.argv.slice(2), processIo(interrupt.signal));
