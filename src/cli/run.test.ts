import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../errors.js';
import { parseCommandLine } from './args.js';
import type { Command, CommandEntry } from './command.js';
import { memoryIo } from './io.js';
import { runCli } from './run.js';
import { UsageError } from './usageError.js';

/** A command that does whatever the test asks, so the dispatcher is tested apart from real commands. */
function fakeCommand(behaviour: (args: string[]) => number): Command {
  return {
    name: 'fake',
    usage: 'Usage: parley fake [--flag]',
    run(args, io) {
      parseCommandLine(args, { flag: { type: 'boolean' } }, { min: 0, max: 1 });
      io.stdout.write('ran\n');
      return behaviour(args);
    },
  };
}

async function dispatch(argv: string[], behaviour: (args: string[]) => number = () => 0) {
  const io = memoryIo();
  const command = fakeCommand(behaviour);
  const entry: CommandEntry = { name: command.name, summary: 'a command for tests', load: () => Promise.resolve(command) };
  const code = await runCli(argv, io, [entry]);
  return { code, out: io.out(), err: io.err() };
}

describe('runCli', () => {
  it('lists the commands on --help and exits 0; with no arguments prints the same to stderr and exits 2', async () => {
    const help = await dispatch(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: parley <command>/u);
    assert.match(help.out, /fake {2}a command for tests/u);
    const bare = await dispatch([]);
    assert.equal(bare.code, 2);
    assert.equal(bare.out, '');
    assert.match(bare.err, /Usage: parley <command>/u);
  });

  it('prints the version from package.json', async () => {
    const { code, out } = await dispatch(['--version']);
    assert.equal(code, 0);
    assert.match(out, /^\d+\.\d+\.\d+\n$/u);
  });

  it('answers `<command> --help` and `help <command>` with the usage, without running the command', async () => {
    for (const argv of [['fake', '--help'], ['fake', 'x', '-h'], ['help', 'fake']]) {
      const { code, out } = await dispatch(argv);
      assert.equal(code, 0, argv.join(' '));
      assert.equal(out, 'Usage: parley fake [--flag]\n');
    }
  });

  it('rejects an unknown command with exit 2', async () => {
    const { code, err } = await dispatch(['frobnicate']);
    assert.equal(code, 2);
    assert.match(err, /unknown command "frobnicate"; expected one of fake/u);
  });

  it('turns an unknown flag or extra argument into a usage error: exit 2 with the usage', async () => {
    const unknown = await dispatch(['fake', '--nope']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.err, 'parley fake: unknown option --nope\n\nUsage: parley fake [--flag]\n');
    const extra = await dispatch(['fake', 'a', 'b']);
    assert.equal(extra.code, 2);
    assert.match(extra.err, /unexpected argument: b/u);
    const valued = await dispatch(['fake', '--flag=yes']);
    assert.equal(valued.code, 2);
    assert.match(valued.err, /option --flag takes no value/u);
  });

  it('prints an InputError as one problem per line and exits 2, with no stack trace', async () => {
    const { code, err } = await dispatch(['fake'], () => {
      throw new InputError([
        { file: 'x.yaml', line: 3, field: 'actors[0].capability', message: 'expected a number' },
        { file: 'x.yaml', message: 'no issues' },
      ]);
    });
    assert.equal(code, 2);
    assert.equal(err, 'x.yaml:3: actors[0].capability: expected a number\nx.yaml: no issues\n');
  });

  it('prints a UsageError thrown by a command with its usage', async () => {
    const { code, err } = await dispatch(['fake'], () => {
      throw new UsageError('--rounds must be an integer ≥ 1, got "x"');
    });
    assert.equal(code, 2);
    assert.match(err, /^parley fake: --rounds must be an integer ≥ 1, got "x"\n\nUsage:/u);
  });

  it('reports any other failure as internal (exit 1) without a stack trace', async () => {
    const { code, err } = await dispatch(['fake'], () => {
      throw new TypeError('boom');
    });
    assert.equal(code, 1);
    assert.match(err, /^parley fake: internal error: boom\n/u);
    assert.doesNotMatch(err, /\bat .*\.(ts|js):\d+/u);
  });

  it('loads a command only when it is named: never for --help, --version or another command', async () => {
    const loaded: string[] = [];
    const entry = (name: string): CommandEntry => ({
      name,
      summary: `the ${name} command`,
      load: () => {
        loaded.push(name);
        return Promise.resolve({ ...fakeCommand(() => 0), name });
      },
    });
    const commands = [entry('one'), entry('two')];
    const io = memoryIo();
    assert.equal(await runCli(['--help'], io, commands), 0);
    assert.match(io.out(), /^ {2}one {2}the one command\n {2}two {2}the two command$/mu);
    assert.equal(await runCli(['--version'], io, commands), 0);
    assert.equal(await runCli(['three'], io, commands), 2);
    assert.deepEqual(loaded, []);
    assert.equal(await runCli(['two', '--help'], io, commands), 0);
    assert.equal(await runCli(['two'], io, commands), 0);
    assert.deepEqual(loaded, ['two', 'two']);
  });

  it('reports a command that fails to load as internal (exit 1)', async () => {
    const broken: CommandEntry = { name: 'broken', summary: 'cannot load', load: () => Promise.reject(new Error('missing module')) };
    const io = memoryIo();
    assert.equal(await runCli(['broken'], io, [broken]), 1);
    assert.match(io.err(), /^parley broken: internal error: missing module\n/u);
  });

  it('passes the command its exit code', async () => {
    assert.equal((await dispatch(['fake'], () => 0)).code, 0);
    assert.equal((await dispatch(['fake', '--flag'], () => 3)).code, 3);
  });
});
