/**
 * Every `parley` command, in the order `parley --help` lists them. To add a command, write
 * `src/cli/commands/<name>.ts` exporting a `Command` (see ../command.ts) and add one line here.
 */
import type { Command } from '../command.js';
import { backtestCommand } from './backtest.js';
import { explainCommand } from './explain.js';
import { forecastCommand } from './forecast.js';
import { mergeCommand } from './merge.js';
import { serveCommand } from './serve.js';
import { sweepCommand } from './sweep.js';
import { validateCommand } from './validate.js';

export const commands: readonly Command[] = [
  validateCommand,
  forecastCommand,
  explainCommand,
  sweepCommand,
  backtestCommand,
  mergeCommand,
  serveCommand,
];
