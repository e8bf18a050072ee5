/**
 * The `parley` dispatcher: picks the command named by the first argument, answers `--help` and
 * `--version`, and maps failures to exit codes — InputError and UsageError to 2 (their messages, never
 * a stack trace), anything else to 1 (an internal failure: a bug to report).
 */
import { formatProblem, isInputError } from '../errors.js';
import { ExitCode, type CommandEntry } from './command.js';
import { commands as parleyCommands } from './commands/index.js';
import type { CliIo } from './io.js';
import { UsageError } from './usageError.js';
import { parleyVersion } from '../node/version.js';

/**
 * Runs `parley <argv...>` in-process and returns the exit code. The commands are Parley's (see
 * commands/index.ts) unless a test passes its own; only the command named is loaded.
 */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CommandEntry[] = parleyCommands): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(generalHelp(commands));
    return ExitCode.badInput;
  }
  if (first === '--version' || first === '-V') {
    io.stdout.write(`${parleyVersion()}\n`);
    return ExitCode.ok;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic === undefined) {
      io.stdout.write(generalHelp(commands));
      return ExitCode.ok;
    }
    return runCli([topic, '--help'], io, commands);
  }
  const entry = commands.find((candidate) => candidate.name === first);
  if (!entry) {
    io.stderr.write(`parley: unknown command "${first}"; expected one of ${commands.map((c) => c.name).join(', ')}\n`);
    io.stderr.write('Run `parley --help` for the list of commands.\n');
    return ExitCode.badInput;
  }
  let usage = '';
  try {
    const command = await entry.load();
    usage = command.usage;
    if (asksForHelp(rest)) {
      io.stdout.write(withNewline(usage));
      return ExitCode.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    return reportFailure(error, entry.name, usage, io);
  }
}

/** `--help` or `-h` anywhere before a `--` separator. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

function reportFailure(error: unknown, name: string, usage: string, io: CliIo): number {
  if (isInputError(error)) {
    for (const problem of error.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return ExitCode.badInput;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`parley ${name}: ${error.message}\n\n${withNewline(usage)}`);
    return ExitCode.badInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`parley ${name}: internal error: ${message}\n`);
  if (process.env['PARLEY_DEBUG'] && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write('This is a bug in Parley; run again with PARLEY_DEBUG=1 for the details.\n');
  return ExitCode.internal;
}

function generalHelp(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = [
    'parley — model and forecast multi-actor negotiations',
    '',
    'Usage: parley <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also `parley <command> --help`)',
    '  -V, --version  show the version',
    '',
    'Exit codes: 0 success, 1 internal failure, 2 bad input or usage.',
  ];
  return `${lines.join('\n')}\n`;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
