/**
 * The CLI's file edge: reading inputs with errors a user can act on, and writing outputs atomically
 * (a temporary file in the target's directory, then a rename), so a failed command never leaves a
 * half-written file behind and never touches an existing one.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { CliIo } from './io.js';
import { UsageError } from './usageError.js';

/** Reads a UTF-8 text file named on the command line; a missing or unreadable file is an InputError. */
export async function readTextFile(path: string, io: Pick<CliIo, 'cwd'>): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new InputError({ file: path, message: describeFileError(error, 'read') });
  }
}

/**
 * Writes `content` to `path` atomically: the content goes to a temporary file beside the target,
 * which is flushed to disk and then renamed over the target (rename is atomic within a directory).
 */
export async function writeFileAtomic(path: string, content: string | Iterable<string>, io: Pick<CliIo, 'cwd'>): Promise<void> {
  const target = resolve(io.cwd, path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
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

function describeFileError(error: unknown, action: 'read' | 'write'): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return action === 'read' ? 'no such file' : 'cannot write here: the directory does not exist';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EACCES':
    case 'EPERM':
      return `cannot ${action} the file: permission denied`;
    default:
      return `cannot ${action} the file: ${error instanceof Error ? error.message : String(error)}`;
  }
}
