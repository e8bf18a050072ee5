/**
 * Reading a text file a user named (CLI argument, data folder) with errors a user can act on: shared by
 * the CLI and the server.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Reads a text file named on the command line. A missing or unreadable file, anything but a regular
 * file (a FIFO would block forever), invalid UTF-8 (with its line) and UTF-16 without a byte-order mark
 * are InputErrors; UTF-16 with a byte-order mark is decoded.
 */
export async function readTextFile(path: string, io: { cwd: string }): Promise<string> {
  let bytes: Buffer;
  try {
    const file = resolve(io.cwd, path);
    const stats = await stat(file);
    if (!stats.isFile() && !stats.isDirectory()) throw new InputError({ file: path, message: `is ${kindOf(stats)}, not a regular file; expected a file to read (save the input to a file first)` });
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ file: path, message: describeFileError(error, 'read') });
  }
  return decodeText(bytes, path);
}

/** What kind of special file `stats` describe, for a message. */
function kindOf(stats: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/** UTF-8 (a BOM is dropped later by the readers), or UTF-16 with a byte-order mark; anything else is refused. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const firstNul = bytes.indexOf(0);
  if (firstNul >= 0 && firstNul < 4096)
    throw new InputError({ file, line: lineOfByte(bytes, firstNul), message: 'holds NUL bytes: this looks like UTF-16 without a byte-order mark (or a binary file); save it as UTF-8' });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new InputError({ file, line: lineOfByte(bytes, offset), message: `is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte ${offset}); save it as UTF-8` });
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection (decoding a prefix that cuts a sequence short also fails).
  while (high - low > 4) {
    const middle = (low + high) >>> 1;
    try {
      decoder.decode(bytes.subarray(0, middle));
      low = middle;
    } catch {
      high = middle;
    }
  }
  for (let end = low; end <= high; end++) {
    try {
      decoder.decode(bytes.subarray(0, end));
      low = end;
    } catch {
      /* a cut sequence or the invalid byte */
    }
  }
  return low;
}

/** 1-based line of a byte offset (counting LF, or CR where the file has no LF). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  const newline = bytes.includes(10) ? 10 : 13;
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === newline) line++;
  return line;
}

export function describeFileError(error: unknown, action: 'read' | 'write'): string {
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
