/**
 * A `parley` subcommand. Each lives in `src/cli/commands/<name>.ts` and is listed once, as a
 * `CommandEntry`, in `src/cli/commands/index.ts`; the dispatcher (`run.ts`) does the rest: `parley
 * help`, `--help`, turning InputError/UsageError into exit 2 and anything else into exit 1.
 */
import type { CliIo } from './io.js';

/** Process exit codes: 0 success, 1 internal failure, 2 bad input or usage. */
export const ExitCode = { ok: 0, internal: 1, badInput: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface Command {
  /** The word after `parley`, e.g. `forecast`. */
  readonly name: string;
  /**
   * The full help text printed by `parley <name> --help` and after a usage error: a synopsis line
   * starting `parley <name>` followed by the options, one per line.
   */
  readonly usage: string;
  /**
   * Runs the command with the arguments after its name. Returns the exit code. Throw `InputError`
   * for bad input and `UsageError` for bad arguments: the dispatcher prints them and exits 2.
   * The module itself is loaded only when its command runs (see `CommandEntry.load`); import what only
   * some runs need (SQLite, worker pools, browsers) inside `run` with `await import()`.
   */
  run(args: string[], io: CliIo): Promise<number> | number;
}

/** A command as the dispatcher knows it before loading it: enough for `parley --help`. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `parley --help`. */
  readonly summary: string;
  /** Imports the command's module (a dynamic `import()`): done only when the command is used. */
  load(): Promise<Command>;
}
