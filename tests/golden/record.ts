/** Writes the expected outputs of `cases.ts` (run once, with the build before a change): `node --import tsx tests/golden/record.ts`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fromRepo } from '../support/paths.js';
import { runParley } from '../support/runParley.js';
import { goldenCases } from './cases.js';
import { digest } from './digest.js';

mkdirSync(fromRepo('tests', 'golden'), { recursive: true });
const expected: Record<string, unknown> = {};
for (const golden of goldenCases) expected[golden.name] = digest(await runParley(golden.argv));
writeFileSync(fromRepo('tests', 'golden', 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
