/**
 * One SMP measurement of the scale-io benchmark (bench/scaleIoSuite.ts), alone in its process so that its
 * peak RSS is its own: `node dist/bench/scaleIoChild.js '{"n":N,"turns":T}'` runs the SMP on the random
 * N-actor, 2-dimension scenario of bench/smp.ts for T turns (stopping rule off) and prints one JSON line
 * {seconds, cpuSeconds, turns, peakRssMb} (cpuSeconds: user + system time of the run, which says more than the wall time on a
 * shared machine).
 */
import { performance } from 'node:perf_hooks';
import { smpModel } from '../src/models/smp/smp.js';
import { randomSpatialScenario } from './smp.js';

const job = JSON.parse(process.argv[2]!) as { n: number; turns: number };
const options = smpModel.optionsSchema.parse({ maxTurns: job.turns, stopThreshold: 0 });
const scenario = randomSpatialScenario(job.n, 20170530);
const cpu = process.cpuUsage();
const start = performance.now();
const forecast = smpModel.run(scenario, options);
const seconds = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, turns: forecast.issues[0]!.rounds.length - 1, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
