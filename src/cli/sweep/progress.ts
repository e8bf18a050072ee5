/**
 * The sweep's progress bar (cli-progress) on stderr, only when both stdout and stderr are terminals
 * and the output is not JSON; otherwise silent.
 */
import type { CliIo } from '../io.js';

export interface Progress {
  update(completed: number, total: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

export async function startProgress(io: CliIo, total: number, wanted: boolean): Promise<Progress> {
  if (!wanted || !io.isTTY || process.stderr.isTTY !== true) return silent;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'sweep [{bar}] {percentage}% | {value}/{total} runs | {eta_formatted} left', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (completed) => bar.update(completed),
    stop: () => bar.stop(),
  };
}
