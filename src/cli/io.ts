/**
 * What a command may touch of the outside world, injected so that every command runs in-process in
 * tests exactly as it runs from the terminal.
 */

/** Somewhere text goes: process.stdout in the terminal, a string buffer in tests. */
export interface TextSink {
  write(text: string): void;
}

export interface CliIo {
  /** Results. */
  stdout: TextSink;
  /** Errors, warnings and progress. */
  stderr: TextSink;
  /** The directory relative paths on the command line are resolved against. */
  cwd: string;
  /** True when stdout is a terminal (progress bars and colour only then). */
  isTTY: boolean;
  /** Aborted when the user presses Ctrl-C; long-running commands stop cleanly and report what was done. */
  signal: AbortSignal;
}

/** The real terminal: process streams, the process cwd, Ctrl-C wired to `signal`. */
export function processIo(signal: AbortSignal): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    signal,
  };
}

/** An in-memory io for tests: everything written is collected in `out` and `err`. */
export function memoryIo(options: { cwd?: string; signal?: AbortSignal } = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text) => void (out += text) },
    stderr: { write: (text) => void (err += text) },
    cwd: options.cwd ?? process.cwd(),
    isTTY: false,
    signal: options.signal ?? new AbortController().signal,
    out: () => out,
    err: () => err,
  };
}
