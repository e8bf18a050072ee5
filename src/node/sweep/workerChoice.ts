/**
 * How many threads a sweep should run on, from an explicit model of its wall time. Pure: the
 * measuring (the pilot, the cores, the other processes' use of them) is done by execute.ts.
 *
 * With k threads — the main thread and k − 1 worker threads, all taking blocks from one queue — the
 * remaining R runs take
 *
 *   T(1) = R · t
 *   T(k) = (R · t + (k − 1) · (s + w)) / min(k, u)
 *
 * where t is the CPU time of a warm run (the pilot's last blocks), s a worker thread's start-up (start
 * the thread, load the models: `threadStartSeconds`), w the warm-up every fresh thread pays again (its
 * first runs are slow until the JIT has compiled the model: the pilot's CPU time beyond its runs · t),
 * and u the cores usable by this sweep: u = clamp(cores − load, 1, cores), with `load` the cores other
 * processes kept busy while the pilot ran (execute.ts; the 1-minute load average when it was too short). Threads beyond the idle cores buy nothing:
 * Linux shares the CPU between sessions (autogroups) before threads, so a busy machine gives the sweep
 * the same core whatever its thread count, and the workers' start-up is pure cost there.
 * The choice is the k in 1..maxThreads with the least T(k); ties go to fewer threads.
 */

export interface SweepTimeEstimate {
  /** Runs left after the pilot. */
  remainingRuns: number;
  /** CPU time of one warm run (s). */
  secondsPerRun: number;
  /** Extra CPU time a fresh thread spends warming up (s). */
  warmUpSeconds: number;
  /** Start-up of one worker thread: the thread and the models loaded (s). */
  threadStartSeconds: number;
  /** Logical cores (`os.availableParallelism()`). */
  cores: number;
  /** Cores other processes keep busy (measured over the pilot, else the 1-minute load average; 0 where the OS has none). */
  load: number;
  /** The most threads the sweep may use (the main thread counts as one). */
  maxThreads: number;
}

/** u = clamp(cores − load, 1, cores): the cores not already busy, at least one. */
export function usableCores(cores: number, load: number): number {
  return Math.min(cores, Math.max(1, cores - Math.max(0, load)));
}

/**
 * Cores busy with other work over an interval: all cores, less the idle ones (idle time over wall
 * time), less this process's own use (its CPU time over wall time); never below 0.
 */
export function otherBusyCores(cores: number, idle: number, ownCpu: number, wall: number): number {
  return Math.max(0, cores - idle / wall - ownCpu / wall);
}

/** T(k) of the module comment: the expected wall time of the remaining runs on k threads (s). */
export function expectedWallSeconds(threads: number, estimate: SweepTimeEstimate): number {
  const work = estimate.remainingRuns * estimate.secondsPerRun;
  if (threads <= 1) return work;
  const startUp = (threads - 1) * (estimate.threadStartSeconds + estimate.warmUpSeconds);
  return (work + startUp) / Math.min(threads, usableCores(estimate.cores, estimate.load));
}

/** The thread count in 1..maxThreads with the least expected wall time (ties: fewer threads). */
export function chooseThreads(estimate: SweepTimeEstimate): number {
  let best = 1;
  for (let threads = 2; threads <= estimate.maxThreads; threads++) {
    if (expectedWallSeconds(threads, estimate) < expectedWallSeconds(best, estimate)) best = threads;
  }
  return best;
}
