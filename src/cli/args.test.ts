import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exclusiveFlags, integerOption, parseCommandLine } from './args.js';
import { UsageError } from './usageError.js';

describe('parseCommandLine', () => {
  const options = { out: { type: 'string' }, json: { type: 'boolean' } } as const;

  it('returns typed values and positionals', () => {
    const { values, positionals } = parseCommandLine(['a.yaml', '--out', 'x.json', '--json'], options, { min: 1, max: 1 });
    assert.deepEqual(positionals, ['a.yaml']);
    assert.equal(values.out, 'x.json');
    assert.equal(values.json, true);
  });

  it('makes every malformed command line a UsageError with a short message', () => {
    const cases: [string[], RegExp][] = [
      [['a', '--what'], /^unknown option --what$/u],
      [['a', '--out'], /^option --out needs a value$/u],
      [['a', '--json=1'], /^option --json takes no value$/u],
      [[], /^missing argument$/u],
      [['a', 'b', 'c'], /^unexpected arguments: b c$/u],
    ];
    for (const [args, message] of cases) {
      assert.throws(() => parseCommandLine(args, options, { min: 1, max: 1 }), (error: unknown) => error instanceof UsageError && message.test(error.message), args.join(' '));
    }
  });

  it('takes a negative number as the value of an option, so the command can say what it expects', () => {
    const withRounds = { rounds: { type: 'string' }, json: { type: 'boolean' } } as const;
    assert.equal(parseCommandLine(['a', '--rounds', '-1'], withRounds, { min: 1, max: 1 }).values.rounds, '-1');
    assert.equal(parseCommandLine(['a', '--rounds', '-.5', '--json'], withRounds, { min: 1, max: 1 }).values.rounds, '-.5');
    // After `--`, everything is a positional.
    assert.deepEqual(parseCommandLine(['--', '-1'], withRounds, { min: 1, max: 1 }).positionals, ['-1']);
  });

  it('refuses an option that takes one value given twice, and accepts repeatable ones', () => {
    assert.throws(
      () => parseCommandLine(['a', '--out', 'x', '--out=y'], options, { min: 1, max: 1 }),
      (error: unknown) => error instanceof UsageError && error.message === '--out is given more than once; give it once',
    );
    const repeatable = { noise: { type: 'string', multiple: true } } as const;
    assert.deepEqual(parseCommandLine(['a', '--noise', 'x', '--noise', 'y'], repeatable, { min: 1, max: 1 }).values.noise, ['x', 'y']);
  });
});

describe('integerOption', () => {
  it('accepts integers in range and names the flag otherwise', () => {
    assert.equal(integerOption('12', '--rounds', { min: 1 }), 12);
    for (const bad of ['0', '-1', '1.5', 'ten', '', '1e3']) {
      assert.throws(() => integerOption(bad, '--rounds', { min: 1 }), new RegExp(`^UsageError: --rounds must be an integer ≥ 1, got "${bad}"$`, 'u'));
    }
    assert.throws(() => integerOption('11', '--round', { min: 1, max: 10 }), /an integer from 1 to 10/u);
  });
});

describe('exclusiveFlags', () => {
  it('refuses two output formats at once', () => {
    exclusiveFlags({ json: true }, ['json', 'csv']);
    assert.throws(() => exclusiveFlags({ json: true, csv: true }, ['json', 'csv']), /--json and --csv cannot be used together/u);
  });
});
