/**
 * Runs `parley` in-process, as the terminal would, with stdout and stderr captured: for CLI tests
 * that need no subprocess.
 */
import { commands } from '../../src/cli/commands/index.js';
import { memoryIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { repoRoot } from './paths.js';

export interface ParleyResult {
  code: number;
  out: string;
  err: string;
}

/** `parley <argv...>` with relative paths resolved against `cwd` (the repository root by default). */
export async function runParley(argv: string[], options: { cwd?: string } = {}): Promise<ParleyResult> {
  const io = memoryIo({ cwd: options.cwd ?? repoRoot });
  const code = await runCli(argv, io, commands);
  return { code, out: io.out(), err: io.err() };
}
