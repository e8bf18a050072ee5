/**
 * Re-records tests/explainCompute/expected.json (run from the repo root, with the engine whose output is
 * the reference): `node --import tsx tests/explainCompute/record.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { memoryIo } from '../../src/cli/io.js';
import { serializeScenario } from '../../src/scenario/write.js';
import { explainCases, gridScenario, randomCaseScenario } from './cases.js';

const folder = mkdtempSync(join(tmpdir(), 'parley-explain-'));
const files = { '{random}': join(folder, 'random.yaml'), '{grid}': join(folder, 'grid.yaml') };
writeFileSync(files['{random}'], serializeScenario(randomCaseScenario(), 'yaml'));
writeFileSync(files['{grid}'], serializeScenario(gridScenario(), 'yaml'));
const expected = [];
for (const { args } of explainCases()) {
  const io = memoryIo({ cwd: process.cwd() });
  const code = await runCli(['explain', ...args.map((arg) => (arg in files ? files[arg as keyof typeof files] : arg))], io);
  expected.push({ args, code, out: io.out(), err: io.err() });
}
rmSync(folder, { recursive: true, force: true });
writeFileSync(join('tests', 'explainCompute', 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
