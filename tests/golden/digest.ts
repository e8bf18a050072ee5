/** A compact record of one command's output: exit code, stderr, and stdout's length, SHA-256 and first lines. */
import { createHash } from 'node:crypto';
import type { ParleyResult } from '../support/runParley.js';

export interface OutputDigest {
  code: number;
  err: string;
  outLength: number;
  outSha256: string;
  outHead: string;
}

export function digest(result: ParleyResult): OutputDigest {
  return {
    code: result.code,
    err: result.err,
    outLength: result.out.length,
    outSha256: createHash('sha256').update(result.out).digest('hex'),
    outHead: result.out.slice(0, 600),
  };
}
