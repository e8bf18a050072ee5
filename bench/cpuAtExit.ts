/**
 * Preloaded into a timed child process (`node --import …/cpuAtExit.js`): at exit, writes the process's
 * CPU time in seconds (user + system, all its threads, the finished worker threads included) to the
 * file named by PARLEY_BENCH_CPU_FILE. Bench-only: lets a suite compare CPU beside wall time.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['PARLEY_BENCH_CPU_FILE'];
if (file !== undefined) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, String((user + system) / 1e6));
  });
}
