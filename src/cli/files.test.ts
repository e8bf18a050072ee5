import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

describe('special files and encodings (issue 14, items 5 and 12)', () => {
  const fifo = (name: string) => {
    const path = join(directory, name);
    execFileSync('mkfifo', [path]);
    return path;
  };

  it('--out onto a symbolic link writes the file it points to and keeps the link', async () => {
    writeFileSync(join(directory, 'real.txt'), 'old');
    symlinkSync('real.txt', join(directory, 'link.txt'));
    symlinkSync('not-yet.txt', join(directory, 'dangling.txt'));
    await writeFileAtomic('link.txt', 'through the link', { cwd: directory });
    await writeFileAtomic('dangling.txt', 'created', { cwd: directory });
    assert.ok(lstatSync(join(directory, 'link.txt')).isSymbolicLink());
    assert.ok(lstatSync(join(directory, 'dangling.txt')).isSymbolicLink());
    assert.equal(readFileSync(join(directory, 'real.txt'), 'utf8'), 'through the link');
    assert.equal(readFileSync(join(directory, 'not-yet.txt'), 'utf8'), 'created');
  });

  it('--out onto a FIFO or a device writes through it and leaves it what it was', async () => {
    const pipe = fifo('out.fifo');
    const received = new Promise<string>((done) => {
      let text = '';
      createReadStream(pipe, 'utf8').on('data', (chunk) => (text += String(chunk))).on('end', () => done(text));
    });
    await writeFileAtomic(pipe, 'to the pipe', { cwd: directory });
    assert.equal(await received, 'to the pipe');
    assert.ok(lstatSync(pipe).isFIFO());
    await writeFileAtomic('/dev/null', 'nothing', { cwd: directory });
    assert.ok(lstatSync('/dev/null').isCharacterDevice());
  });

  it('a temporary file left by a killed run is removed by the next write to the same file', async () => {
    const dead = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const stale = join(directory, `.kept.txt.parley-${dead}.0123456789ab.tmp`);
    const alive = join(directory, `.kept.txt.parley-${process.pid}.0123456789ab.tmp`);
    writeFileSync(stale, '');
    writeFileSync(alive, '');
    await writeFileAtomic('kept.txt', 'x', { cwd: directory });
    assert.equal(existsSync(stale), false);
    assert.equal(existsSync(alive), true, "a running process's temporary file is left alone");
    rmSync(alive);
  });

  it('a FIFO or a device as input is refused at once, never read (it would block)', async () => {
    fifo('in.fifo');
    await assert.rejects(readTextFile('in.fifo', { cwd: directory }), /^InputError: in\.fifo: is a FIFO \(named pipe\), not a regular file/u);
    await assert.rejects(readTextFile('/dev/zero', { cwd: directory }), /is a device, not a regular file/u);
  });

  it('invalid UTF-8 is refused with its line; UTF-16 is decoded with a byte-order mark and refused without one', async () => {
    writeFileSync(join(directory, 'latin1.yaml'), Buffer.concat([Buffer.from('title: x\nissues:\n  - id: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    await assert.rejects(readTextFile('latin1.yaml', { cwd: directory }), /^InputError: latin1\.yaml:3: is not valid UTF-8 \(byte 0xe9/u);
    writeFileSync(join(directory, 'le.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('title: ü\n', 'utf16le')]));
    assert.equal(await readTextFile('le.yaml', { cwd: directory }), 'title: ü\n');
    writeFileSync(join(directory, 'bare16.yaml'), Buffer.from('title: x\n', 'utf16le'));
    await assert.rejects(readTextFile('bare16.yaml', { cwd: directory }), /looks like UTF-16 without a byte-order mark/u);
  });
});
