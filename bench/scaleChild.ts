/**
 * One measurement of the scale benchmark (bench/scaleSuite.ts), alone in its process so that its peak
 * RSS is its own: `node dist/bench/scaleChild.js JOB`, JOB a JSON object, prints one JSON line
 * {seconds, cpuSeconds, peakRssMb, bytes?, exitCode?} (cpuSeconds: user + system time of the process during
 * the run: on a shared machine it says more than the wall time).
 *   {"kind":"round","preset":P,"n":N}: one EUM round of a random N-actor scenario (bench/randomScenario.ts).
 *   {"kind":"cli","args":[...],"file":F,"n":N}: writes the random N-actor scenario to F, then runs
 *   `parley ARGS` in-process (stdout counted, not kept).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { eumModel } from '../src/models/eum/eum.js';
import { runCli } from '../src/cli/run.js';
import { serializeScenario } from '../src/scenario/write.js';
import { randomScenario } from './randomScenario.js';

type Job = { kind: 'round'; preset: string; n: number } | { kind: 'cli'; args: string[]; file: string; n: number };

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const cpuSecondsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

async function measure(job: Job): Promise<Record<string, number>> {
  const scenario = randomScenario(job.n, 2024);
  if (job.kind === 'round') {
    const options = eumModel.optionsSchema.parse({ ...eumModel.presets[job.preset]!.options, rounds: 1 });
    const cpu = process.cpuUsage();
    const start = performance.now();
    eumModel.run(scenario, options);
    return { seconds: (performance.now() - start) / 1000, cpuSeconds: cpuSecondsSince(cpu), peakRssMb: peakRssMb() };
  }
  writeFileSync(job.file, serializeScenario(scenario, 'yaml'));
  let bytes = 0;
  const sink = { write: (text: string) => void (bytes += Buffer.byteLength(text)) };
  const cpu = process.cpuUsage();
  const start = performance.now();
  const exitCode = await runCli(job.args, { stdout: sink, stderr: { write: () => {} }, cwd: process.cwd(), isTTY: false, signal: new AbortController().signal });
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: cpuSecondsSince(cpu), peakRssMb: peakRssMb(), bytes, exitCode };
}

process.stdout.write(`${JSON.stringify(await measure(JSON.parse(process.argv[2]!) as Job))}\n`);
