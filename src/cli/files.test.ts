import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InputError } from '../errors.js';
import { readTextFile, writeFileAtomic } from './files.js';

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
