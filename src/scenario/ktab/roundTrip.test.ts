/**
 * `parley convert` to KTAB (issue 14, item 11): every scenario the writers accept is read back by
 * Parley's own KTAB readers without a problem — the fuzzer's scenarios, hostile ones (subnormal and
 * huge capabilities, one actor), and scenarios with long, odd or empty names, titles and descriptions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../../errors.js';
import type { Scenario } from '../schema.js';
import { validateScenario } from '../validate.js';
import { readKtab, writeKtabCsv, writeKtabXml, type KtabFormat } from './index.js';
import { arbitraryScenario } from '../../../tests/support/arbitraries.js';
import { arbitraryHostileScenario } from '../../../tests/support/hostile.js';

const runs = Number(process.env.PARLEY_FUZZ_RUNS ?? 600);
const seed = Number(process.env.PARLEY_FUZZ_SEED ?? 20241201);

/** Text a person might put in a name: anything, long, with commas, quotes, markup, line breaks and control characters. */
const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '<', '&', '\n', '\r', '\t', '\u0001', '\u00e9', '\ud83d\ude00', ']]>'), maxLength: 30 }),
  fc.string({ minLength: 250, maxLength: 600 }),
  fc.constantFrom('', ' ', '""', '"', '  x  '),
);
const longId = fc.stringMatching(/^[a-z][a-z0-9_-]{0,39}$/u);
const capability = fc.constantFrom(0, 5e-324, 1e-300, 0.001, 1, 1e8, 1e8 + 1, 3.7e9, 1e12);

/** A scenario with its names, ids, texts and capabilities made odd. */
const oddScenario = fc
  .tuple(
    arbitraryScenario({ minActors: 3, maxActors: 5, issues: { min: 1, max: 2 }, partialParticipation: false }),
    fc.record({ title: oddText, description: fc.option(oddText, { nil: undefined }) }, { noNullPrototype: true }),
    fc.array(fc.record({ id: fc.option(longId, { nil: undefined }), name: fc.option(oddText, { nil: undefined }), capability: fc.option(capability, { nil: undefined }) }, { noNullPrototype: true }), { minLength: 5, maxLength: 5 }),
    fc.array(fc.option(oddText, { nil: undefined }), { minLength: 2, maxLength: 2 }),
  )
  .map(([scenario, texts, actors, issueNames]): unknown => ({
    ...scenario,
    title: texts.title.trim() === '' ? 'x' : texts.title,
    ...(texts.description === undefined ? {} : { description: texts.description }),
    issues: scenario.issues.map((issue, k) => (issueNames[k] === undefined ? issue : { ...issue, name: issueNames[k] })),
    actors: scenario.actors.map((actor, a) => {
      const odd = actors[a]!;
      return { ...actor, id: odd.id === undefined ? actor.id : `${odd.id}-${a}`, ...(odd.name === undefined ? {} : { name: odd.name }), capability: odd.capability ?? actor.capability };
    }),
  }));

function valid(input: unknown): Scenario | undefined {
  try {
    return validateScenario(input).scenario;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/**
 * What the writer refused (an InputError), or the text it wrote. The writers themselves, not
 * `writeKtab`, which also reads the text back and refuses what its reader refuses: this tests that
 * the writers never need that second line.
 */
function written(scenario: Scenario, format: KtabFormat): string | undefined {
  try {
    return (format === 'ktab-xml' ? writeKtabXml(scenario) : writeKtabCsv(scenario)).text;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/** How many scenarios were written and read back, per test (each test asserts it is not a handful). */
let readBack = 0;

function assertReadsBack(scenario: Scenario | undefined, format: KtabFormat): void {
  if (scenario === undefined) return;
  const text = written(scenario, format);
  if (text === undefined) return;
  readBack++;
  try {
    readKtab(text, format, `convert.${format}`);
  } catch (error) {
    assert.fail(`${format}: the written file is refused: ${error instanceof Error ? error.message : String(error)}\n${text}`);
  }
}

const formats = fc.constantFrom<KtabFormat>('ktab-csv', 'ktab-xml');

test("every scenario the KTAB writers accept reads back through Parley's KTAB readers (fuzzed scenarios)", () => {
  readBack = 0;
  fc.assert(fc.property(arbitraryScenario({ minActors: 3, maxActors: 6, issues: { min: 1, max: 3 }, partialParticipation: false }), formats, (scenario, format) => assertReadsBack(scenario, format)), { numRuns: runs, seed });
  assert.ok(readBack > runs / 8, `only ${readBack} of ${runs} written`);
});

test('every hostile scenario the KTAB writers accept reads back (subnormal, huge, equal, one actor)', () => {
  readBack = 0;
  fc.assert(fc.property(arbitraryHostileScenario(), formats, ({ scenario }, format) => assertReadsBack(valid(JSON.parse(JSON.stringify(scenario))), format)), { numRuns: runs, seed });
  assert.ok(readBack > runs / 20, `only ${readBack} of ${runs} written`);
});

test('every scenario with odd names, long ids, long texts and out-of-range capabilities that the writers accept reads back', () => {
  readBack = 0;
  fc.assert(fc.property(oddScenario, formats, (input, format) => assertReadsBack(valid(input), format)), { numRuns: runs, seed });
  assert.ok(readBack > runs / 8, `only ${readBack} of ${runs} written`);
});
