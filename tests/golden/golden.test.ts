/**
 * The default rule (channels-spec.md §1): every command gives byte-identical output on scenarios
 * without the new fields, compared with what the build before the channel machinery printed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fromRepo } from '../support/paths.js';
import { runParley } from '../support/runParley.js';
import { goldenCases } from './cases.js';
import { digest } from './digest.js';

// The expected digests live in the sources (dist holds no JSON copies): read them from the repository.
const expected = JSON.parse(readFileSync(fromRepo('tests', 'golden', 'expected.json'), 'utf8')) as Record<string, unknown>;

describe('golden outputs of the existing scenarios (default rule)', () => {
  for (const golden of goldenCases) {
    it(`${golden.name}: parley ${golden.argv.join(' ')}`, async () => {
      assert.deepEqual(digest(await runParley(golden.argv)), expected[golden.name]);
    });
  }
});
