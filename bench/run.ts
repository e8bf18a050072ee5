/**
 * `npm run bench`: runs every suite, prints its markdown table and writes them all to
 * bench/results/latest.md (`npm run bench -- eum smp` runs only those suites and writes
 * bench/results/latest-eum-smp.md). Benchmarks measure speed; tests never time anything.
 */
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { writeFileAtomic } from '../src/cli/files.js';
import { fromRepo } from '../tests/support/paths.js';
import { adviseSuite } from './adviseSuite.js';
import { answerSuite } from './answerSuite.js';
import { backtestSuite } from './backtestSuite.js';
import { channelsSuite } from './channelsSuite.js';
import { dealSuite } from './dealSuite.js';
import { scaleSuite } from './scaleSuite.js';
import { smpMemorySuite, startUpSuite } from './scaleIoSuite.js';
import { draftSuite } from './draftSuite.js';
import { eumSuite } from './eumSuite.js';
import { exchangeSuite } from './exchange.js';
import { smpSuite } from './smp.js';
import { toMarkdown, type BenchSuite } from './suite.js';
import { sweepProcessSuite } from './sweepProcessSuite.js';
import { sweepSuite } from './sweepSuite.js';

/** Add a suite here (one line). */
const suites: BenchSuite[] = [eumSuite, backtestSuite, sweepSuite, sweepProcessSuite, smpSuite, adviseSuite, channelsSuite, dealSuite, answerSuite, exchangeSuite, scaleSuite, draftSuite];
// Issue 16's SMP memory and CLI start-up rows (bench/scaleIoSuite.ts).
suites.push(smpMemorySuite, startUpSuite);

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark suite ${unknown.join(', ')}; expected ${suites.map((suite) => suite.name).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  const sections: string[] = [`# Parley benchmarks\n\nNode ${process.version}, ${process.platform}/${process.arch}.\n`];
  const durations: string[] = [];
  const started = performance.now();
  for (const suite of suites) {
    if (only.length > 0 && !only.includes(suite.name)) continue;
    const suiteStarted = performance.now();
    const section = toMarkdown(await suite.run());
    durations.push(`${suite.name} ${((performance.now() - suiteStarted) / 1000).toFixed(0)} s`);
    process.stdout.write(`${section}\n`);
    sections.push(section);
  }
  // How long the run took, suite by suite (the load average says how shared the machine was).
  const timing = `## Duration\n\n${((performance.now() - started) / 1000).toFixed(0)} s in all (load average at the end ${loadavg()[0]!.toFixed(1)}): ${durations.join(', ')}.\n`;
  process.stdout.write(`${timing}\n`);
  sections.push(timing);
  mkdirSync(fromRepo('bench', 'results'), { recursive: true });
  const name = only.length > 0 ? `latest-${only.join('-')}.md` : 'latest.md';
  await writeFileAtomic(fromRepo('bench', 'results', name), sections.join('\n'), { cwd: fromRepo() });
}

await main();
