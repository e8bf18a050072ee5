/**
 * The CLI's file edge: reading inputs with errors a user can act on, and writing outputs atomically
 * (a temporary file in the target's directory, then a rename), so a failed command never leaves a
 * half-written file behind and never touches an existing one.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { CliIo } from './io.js';

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
export async function writeFileAtomic(path: string, content: string, io: Pick<CliIo, 'cwd'>): Promise<void> {
  const target = resolve(io.cwd, path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
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

/** Sends a command's result to `--out FILE` (atomically) or, without `--out`, to stdout. */
export async function emitResult(content: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) io.stdout.write(content);
  else await writeFileAtomic(out, content, io);
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
