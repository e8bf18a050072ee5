/**
 * What the server agrees to run and store for one request (`POST /api/scenarios/:id/runs` and
 * `/sweeps`). The library and the CLI have no such limits: these keep one request from taking the
 * server's memory and the store's disk (10,000 EUM rounds with every dyad kept took 8 s, 1.6 GB and a
 * 125 MB row).
 *
 * - Iteration counts (`rounds`, SMP's `minTurns`/`maxTurns`) are at most `maxWorkbenchRounds`; and
 *   `rounds` is at least 1, as `parley forecast --rounds` (the model's schema allows 0 for the library:
 *   the input positions, no bargaining).
 * - Kept dyads (`dyads: true`) cost rounds × actors² records per issue, about 130 bytes each as JSON;
 *   their sum over the issues is at most `maxWorkbenchDyads` (about 30 MB).
 * - A scenario has at most `maxWorkbenchActors` actors and `maxWorkbenchStances` actors × issues,
 *   checked before any work (issue 14 item 8: one SMP run on 250 actors held the server for 320 s).
 * - The model runs on a worker thread (modelWorkers.ts) with a deadline (`runTimeoutSeconds`,
 *   `sweepTimeoutSeconds`) and a heap of its own (`workerMemoryMb`); past either the thread is
 *   terminated and the request answers 504 or 503.
 */
import { InputError, type Problem } from '../errors.js';
import type { Scenario } from '../scenario/schema.js';
import { participants } from '../scenario/views.js';

/** The most rounds (or turns) of one run the workbench computes. */
export const maxWorkbenchRounds = 1000;
/** The most dyad records (rounds × actors², summed over issues) one stored run keeps. */
export const maxWorkbenchDyads = 250_000;

/** The most actors a scenario the workbench runs may have. */
export const maxWorkbenchActors = 500;
/** The most actors × issues (the size of the actors × issues table) a scenario the workbench runs may have. */
export const maxWorkbenchStances = 5000;
/** A forecast's deadline on its worker thread. */
export const runTimeoutSeconds = 60;
/** A whole sweep's deadline (every block and the summary). */
export const sweepTimeoutSeconds = 300;
/** The heap (old generation) of each model worker thread. */
export const workerMemoryMb = 1024;
/** Model tasks (runs, sweep blocks) waiting for a thread; beyond, a request answers 503. */
export const maxQueuedModelTasks = 64;
/** DEU III backtests queued or running at once (backtestJobs.ts); beyond, a new one answers 429. */
export const maxBacktestJobs = 4;

/** Options that count iterations, and what the message calls them. */
const iterationOptions: Record<string, string> = { rounds: 'rounds', minTurns: 'turns', maxTurns: 'turns' };

/**
 * The workbench's floor for `rounds`, checked on the request before the model's schema (which allows
 * 0 for library use) so that a request for 0 or fewer rounds hears what the API accepts.
 */
export function checkRequestedRounds(options: Record<string, unknown> | undefined): void {
  const rounds = options?.rounds;
  if (typeof rounds === 'number' && rounds < 1) throw new InputError([tooFewRounds(rounds)]);
}

function tooFewRounds(rounds: number): Problem {
  return { field: 'options.rounds', message: `expected at least 1 round (as parley forecast --rounds), got ${rounds}` };
}

/** Refuses (400, field by field) a run whose resolved options would be too large for the workbench. */
export function checkRunSize(scenario: Scenario, options: Record<string, unknown>): void {
  const problems: Problem[] = [];
  for (const [name, unit] of Object.entries(iterationOptions)) {
    const value = options[name];
    if (typeof value !== 'number') continue;
    if (name === 'rounds' && value < 1) problems.push(tooFewRounds(value));
    if (value > maxWorkbenchRounds) {
      problems.push({ field: `options.${name}`, message: `the workbench runs at most ${maxWorkbenchRounds} ${unit}, got ${value} (use the parley CLI for more)` });
    }
  }
  const rounds = options.rounds;
  if (options.dyads === true && typeof rounds === 'number' && rounds <= maxWorkbenchRounds) {
    const dyads = scenario.issues.reduce((sum, issue) => sum + rounds * participants(scenario, issue.id).length ** 2, 0);
    if (dyads > maxWorkbenchDyads) {
      problems.push({
        field: 'options.dyads',
        message: `keeping every dyad of ${rounds} rounds is ${dyads} records (rounds × actors², summed over the issues); the workbench keeps at most ${maxWorkbenchDyads}: fewer rounds, or dyads: false`,
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * Refuses (400, in words) a scenario too large for the workbench to run: more than
 * `maxWorkbenchActors` actors, or more than `maxWorkbenchStances` actors × issues.
 */
export function checkScenarioSize(scenario: Scenario): void {
  const actors = scenario.actors.length;
  const issues = scenario.issues.length;
  const problems: Problem[] = [];
  if (actors > maxWorkbenchActors) {
    problems.push({ field: 'scenario.actors', message: `the workbench runs scenarios of at most ${maxWorkbenchActors} actors, this one has ${actors} (use the parley CLI for larger ones)` });
  }
  if (actors * issues > maxWorkbenchStances) {
    problems.push({
      field: 'scenario.issues',
      message: `the workbench runs scenarios of at most ${maxWorkbenchStances} actors × issues, this one has ${actors} actors × ${issues} issues = ${actors * issues} (use the parley CLI for larger ones)`,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
}
