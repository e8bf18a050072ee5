/**
 * `npm run bench`: runs every suite, prints its markdown table and writes them all to
 * bench/results/latest.md. Benchmarks measure speed; tests never time anything.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fromRepo } from '../tests/support/paths.js';
import { backtestSuite } from './backtestSuite.js';
import { eumSuite } from './eumSuite.js';
import { smpSuite } from './smp.js';
import { toMarkdown, type BenchSuite } from './suite.js';
import { sweepSuite } from './sweepSuite.js';

/** Add a suite here (one line). */
const suites: BenchSuite[] = [eumSuite, backtestSuite, sweepSuite, smpSuite];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const sections: string[] = [`# Parley benchmarks\n\nNode ${process.version}, ${process.platform}/${process.arch}.\n`];
  for (const suite of suites) {
    if (only.length > 0 && !only.includes(suite.name)) continue;
    const section = toMarkdown(await suite.run());
    process.stdout.write(`${section}\n`);
    sections.push(section);
  }
  mkdirSync(fromRepo('bench', 'results'), { recursive: true });
  writeFileSync(fromRepo('bench', 'results', 'latest.md'), sections.join('\n'));
}

await main();
