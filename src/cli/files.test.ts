import assert from 'node:assert/strict';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InputError } from '../errors.js';
import { checkOutputIsNotInput, readTextFile, writeFileAtomic } from './files.js';
import { UsageError } from './usageError.js';

const directory = mkdtempSync(join(tmpdir(), 'parley-files-'));
after(() => rmSync(directory, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the target and leaves no temporary file', async () => {
    writeFileSync(join(directory, 'out.txt'), 'old');
    await writeFileAtomic('out.txt', 'new content', { cwd: directory });
    assert.equal(readFileSync(join(directory, 'out.txt'), 'utf8'), 'new content');
    assert.deepEqual(readdirSync(directory), ['out.txt']);
  });

  it('fails with an InputError naming the file when the directory does not exist', async () => {
    await assert.rejects(writeFileAtomic('missing/out.txt', 'x', { cwd: directory }), (error: unknown) => {
      return error instanceof InputError && error.problems[0]!.file === 'missing/out.txt' && /directory does not exist/u.test(error.message);
    });
  });
});

describe('readTextFile', () => {
  it('reads a file relative to the given cwd', async () => {
    writeFileSync(join(directory, 'in.txt'), 'hello');
    assert.equal(await readTextFile('in.txt', { cwd: directory }), 'hello');
  });

  it('reports a missing file or a directory as bad input', async () => {
    await assert.rejects(readTextFile('nope.yaml', { cwd: directory }), /^InputError: nope\.yaml: no such file$/u);
    await assert.rejects(readTextFile('.', { cwd: directory }), /is a directory, expected a file/u);
  });
});

describe('checkOutputIsNotInput', () => {
  const sameFile = /the output file is the input file/u;

  it('refuses an output that is the input, however it is spelled: same name, another path, a symbolic or hard link', async () => {
    const inputs = join(directory, 'inputs');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'scenario.yaml'), 'title: x\n');
    symlinkSync(join(inputs, 'scenario.yaml'), join(inputs, 'alias.yaml'));
    linkSync(join(inputs, 'scenario.yaml'), join(inputs, 'hard.yaml'));
    const io = { cwd: directory };
    for (const out of ['inputs/scenario.yaml', './inputs/../inputs/scenario.yaml', join(inputs, 'scenario.yaml'), 'inputs/alias.yaml', 'inputs/hard.yaml'])
      await assert.rejects(checkOutputIsNotInput(out, ['inputs/scenario.yaml'], io), (error: unknown) => error instanceof InputError && sameFile.test(error.message), out);
    await assert.rejects(checkOutputIsNotInput('inputs/scenario.yaml', ['other.yaml', 'inputs/alias.yaml'], io), sameFile);
  });

  it('accepts another file, a file that does not exist yet, and no --out; refuses an empty name', async () => {
    const io = { cwd: directory };
    writeFileSync(join(directory, 'a.yaml'), 'a');
    writeFileSync(join(directory, 'b.yaml'), 'b');
    await checkOutputIsNotInput('b.yaml', ['a.yaml'], io);
    await checkOutputIsNotInput('new.yaml', ['a.yaml'], io);
    await checkOutputIsNotInput(undefined, ['a.yaml'], io);
    await assert.rejects(checkOutputIsNotInput('', ['a.yaml'], io), (error: unknown) => error instanceof UsageError && /--out needs a file name/u.test(error.message));
  });
});
