/**
 * The CLI's file edge: reading inputs with errors a user can act on, and writing outputs atomically
 * (a temporary file in the target's directory, then a rename), so a failed command never leaves a
 * half-written file behind and never touches an existing one.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { describeFileError } from '../node/textFile.js';
import type { CliIo } from './io.js';
import { UsageError } from './usageError.js';

export { decodeText, readTextFile } from '../node/textFile.js';

/**
 * Writes `content` to `path` atomically: the content goes to a temporary file beside the target,
 * which is flushed to disk and then renamed over the target (rename is atomic within a directory).
 */
export async function writeFileAtomic(path: string, content: string | Iterable<string>, io: Pick<CliIo, 'cwd'>): Promise<void> {
  let target: string;
  try {
    target = await followLinks(resolve(io.cwd, path));
    const existing = await stat(target).catch(() => undefined);
    // A device or a FIFO is written through (as the shell's `>` would), never replaced by a file.
    if (existing !== undefined && !existing.isFile() && !existing.isDirectory()) return await writeThrough(target, typeof content === 'string' ? content : [...content].join(''));
  } catch (error) {
    throw new InputError({ file: path, message: describeFileError(error, 'write') });
  }
  await removeStaleTemporaries(target);
  const temporary = join(dirname(target), `${temporaryPrefix(target)}${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      if (typeof content === 'string') await handle.writeFile(content, 'utf8');
      else for (const chunk of content) await handle.write(chunk, null, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new InputError({ file: path, message: describeFileError(error, 'write') });
  }
}

/** `.NAME.parley-` + pid + random + `.tmp`: the pid tells a later run whether the writer is gone. */
const temporaryPrefix = (target: string): string => `.${basename(target)}.parley-`;

/**
 * Removes the temporary files a killed run left beside `target` (their process no longer exists);
 * one that cannot be removed is left alone.
 */
async function removeStaleTemporaries(target: string): Promise<void> {
  const prefix = temporaryPrefix(target);
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/^(\d+)\.[0-9a-f]+\.tmp$/u.exec(name.slice(prefix.length))?.[1]);
    if (name.startsWith(prefix) && Number.isInteger(pid) && !processExists(pid)) await rm(join(dirname(target), name), { force: true }).catch(() => undefined);
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** The path a chain of symbolic links ends at (which may not exist yet): the link is followed, never replaced. */
async function followLinks(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const stats = await lstat(current).catch(() => undefined);
    if (!stats?.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP' });
}

/** Writes to an existing device or FIFO in place (no create, no rename). */
async function writeThrough(target: string, content: string): Promise<void> {
  const handle = await open(target, constants.O_WRONLY);
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Refuses an `--out` (or output argument) that names one of the command's input files, before anything
 * runs: writing the result there would destroy the input. Paths are compared as resolved real paths
 * (symbolic links followed), and as device and inode, so a hard link to the input is caught too.
 * An empty name is refused here as well, since it would otherwise read as "the current directory".
 */
export async function checkOutputIsNotInput(out: string | undefined, inputs: readonly string[], io: Pick<CliIo, 'cwd'>, flag = '--out'): Promise<void> {
  if (out === undefined) return;
  if (out.trim() === '') throw new UsageError(`${flag} needs a file name, got ""`);
  const output = await identify(out, io);
  if (output === undefined) return;
  for (const input of inputs) {
    const identity = await identify(input, io);
    if (identity !== undefined && (identity.path === output.path || (identity.dev === output.dev && identity.ino === output.ino)))
      throw new InputError({ file: out, message: `the output file is the input file${input === out ? '' : ` ${input}`}; writing there would destroy the input: choose another output file` });
  }
}

/** A file's real path and identity, or undefined when it does not exist (yet). */
async function identify(path: string, io: Pick<CliIo, 'cwd'>): Promise<{ path: string; dev: number; ino: number } | undefined> {
  try {
    const real = await realpath(resolve(io.cwd, path));
    const stats = await stat(real);
    return { path: real, dev: stats.dev, ino: stats.ino };
  } catch {
    return undefined;
  }
}

/** Sends a command's result to `--out FILE` (atomically) or, without `--out`, to stdout. */
export async function emitResult(content: string | Iterable<string>, out: string | undefined, io: CliIo): Promise<void> {
  if (out !== undefined) await writeFileAtomic(out, content, io);
  else if (typeof content === 'string') io.stdout.write(content);
  else for (const chunk of content) await writeWaiting(io.stdout, chunk);
}

/** Writes a chunk; when the sink is a stream whose buffer is full, waits for it to drain (so chunks do not pile up in memory). */
async function writeWaiting(sink: CliIo['stdout'], chunk: string): Promise<void> {
  const accepted = (sink.write as (text: string) => unknown)(chunk);
  const stream = sink as Partial<Pick<NodeJS.WritableStream, 'once'>>;
  if (accepted === false && typeof stream.once === 'function') await new Promise<void>((resolve) => stream.once!('drain', () => resolve()));
}
