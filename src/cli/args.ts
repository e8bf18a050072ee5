/**
 * Command-line parsing shared by every command: node:util `parseArgs` in strict mode, with its errors
 * turned into UsageError (exit 2 with the command's usage), and checked conversions of option values.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs returns for these options (values typed by each option's `type`). */
export type ParsedCommandLine<Options extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: Options; strict: true; allowPositionals: true }>
>;

/**
 * Parses `args` against `options` (strict: unknown flags and missing values are usage errors) and
 * checks the number of positional arguments. `--help` never reaches a command: the dispatcher
 * answers it.
 */
export function parseCommandLine<const Options extends OptionsConfig>(
  args: string[],
  options: Options,
  positionals: { min: number; max: number },
): ParsedCommandLine<Options> {
  let parsed: ParsedCommandLine<Options>;
  try {
    const { tokens, ...values } = parseArgs({ args: attachNegativeNumbers(args, options), options, strict: true, allowPositionals: true, tokens: true });
    refuseRepeatedOptions(tokens, options);
    parsed = values as unknown as ParsedCommandLine<Options>;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(describeParseError(error));
  }
  const count = parsed.positionals.length;
  if (count < positionals.min) throw new UsageError(count === 0 ? 'missing argument' : 'too few arguments');
  if (count > positionals.max) {
    const extra = parsed.positionals.slice(positionals.max).join(' ');
    throw new UsageError(`unexpected argument${count - positionals.max > 1 ? 's' : ''}: ${extra}`);
  }
  return parsed;
}

/**
 * `--rounds -1`: parseArgs reads `-1` as a flag and calls the value "ambiguous". A value that looks like
 * a negative number is attached (`--rounds=-1`) so the command's own check says what it expects.
 */
function attachNegativeNumbers(args: readonly string[], options: OptionsConfig): string[] {
  const result: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') return [...result, ...args.slice(index)];
    const next = args[index + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-(?:\d|\.\d)/u.test(next)) {
      result.push(`${arg}=${next}`);
      index++;
    } else result.push(arg);
  }
  return result;
}

/** An option that takes one value, given twice (`--model eum --model mean`): which one was meant is unclear. */
function refuseRepeatedOptions(tokens: ReadonlyArray<{ kind: string; name?: string }>, options: OptionsConfig): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    const option = options[token.name];
    if (!option || option.multiple === true || option.type !== 'string') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once; give it once`);
    seen.add(token.name);
  }
}

/** node:util's messages are long and mention its own API; keep what a user needs. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/u.exec(message)?.[1];
    return flag ? `unknown option ${flag}` : message;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /Option '([^']+)'/u.exec(message)?.[1];
    if (flag && message.includes('argument missing')) return `option ${flag.split(',').pop()!.trim().replace(/ <value>$/u, '')} needs a value`;
    if (flag && message.includes('does not take an argument')) return `option ${flag.split(',').pop()!.trim()} takes no value`;
  }
  return message;
}

/** An option value that must be an integer in [min, max]; the flag is named in the error. */
export function integerOption(value: string, flag: string, range: { min: number; max?: number }): number {
  const number = /^[+-]?\d+$/u.test(value.trim()) ? Number(value) : Number.NaN;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(number) || number < range.min || number > max) {
    const wanted = range.max === undefined ? `an integer ≥ ${range.min}` : `an integer from ${range.min} to ${range.max}`;
    throw new UsageError(`${flag} must be ${wanted}, got "${value}"`);
  }
  return number;
}

/** At most one of the given boolean flags may be set. */
export function exclusiveFlags(values: Record<string, unknown>, flags: readonly string[]): void {
  const given = flags.filter((flag) => values[flag] === true);
  if (given.length > 1) throw new UsageError(`${given.map((flag) => `--${flag}`).join(' and ')} cannot be used together`);
}
