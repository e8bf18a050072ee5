/**
 * What `parley convert` does with what KTAB cannot hold (issue 14, item 11): each case is refused with
 * the reason and the field, or fitted with a note, and what is written reads back through Parley's
 * KTAB readers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../errors.js';
import type { Scenario } from '../schema.js';
import { validateScenario } from '../validate.js';
import { readKtab, writeKtab, type KtabFormat } from './index.js';

const formats: KtabFormat[] = ['ktab-csv', 'ktab-xml'];

function scenario(changes: { capabilities?: number[]; ids?: string[]; names?: (string | undefined)[]; title?: string; issueName?: string; smpOptions?: Record<string, unknown> } = {}): Scenario {
  const ids = changes.ids ?? ['a', 'b', 'c'];
  return validateScenario({
    title: changes.title ?? 'Talks',
    salienceScale: 100,
    issues: [{ id: 'terms', ...(changes.issueName === undefined ? {} : { name: changes.issueName }) }],
    actors: ids.map((id, i) => ({
      id,
      ...(changes.names?.[i] === undefined ? {} : { name: changes.names[i] }),
      capability: changes.capabilities?.[i] ?? 10 * (i + 1),
      stances: { terms: { position: 30 * i, salience: 50 } },
    })),
    ...(changes.smpOptions ? { spaces: [{ id: 'all', issues: ['terms'], smpOptions: changes.smpOptions }] } : {}),
  }).scenario;
}

function refusal(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error;
  }
  assert.fail('expected an InputError');
}

test('capability 0 is refused, naming the actor and the field', () => {
  for (const format of formats) {
    const error = refusal(() => writeKtab(scenario({ capabilities: [0, 5, 5], names: ['Ukraine'] }), format));
    assert.equal(error.problems[0]!.field, 'actors[0].capability');
    assert.match(error.message, /Ukraine \(a\)'s capability is 0: KTAB needs every actor's capability to be greater than 0/u);
  }
});

test('capabilities above 1e8 are divided by one power of ten, with a note; a capability that becomes 0 is refused', () => {
  for (const format of formats) {
    const written = writeKtab(scenario({ capabilities: [1e12, 3, 2.5e9] }), format);
    assert.match(written.notes.join('\n'), /every capability was divided by 1e4 \(the largest, 1000000000000, is now 100000000\)/u);
    assert.deepEqual(readKtab(written.text, format).scenario.actors.map((actor) => actor.capability), [1e8, 3e-4, 2.5e5]);
    const error = refusal(() => writeKtab(scenario({ capabilities: [1e12, 5e-324, 1] }), format));
    assert.equal(error.problems[0]!.field, 'actors[1].capability');
    assert.match(error.message, /capability 5e-324 becomes 0 when every capability is divided by 1e4/u);
  }
});

test("actor ids past KTAB's 25 characters are shortened, kept unique, noted; the full id becomes the description", () => {
  const ids = ['european-commission-council-a', 'european-commission-council-b', 'c'];
  for (const format of formats) {
    const written = writeKtab(scenario({ ids, names: [undefined, 'The Parliament'] }), format);
    assert.match(written.notes.join('\n'), /were shortened .*"european-commission-council-a" → "european-commission-counc", "european-commission-council-b" → "european-commission-cou~2"/u);
    const read = readKtab(written.text, format).scenario;
    assert.deepEqual(read.actors.map((actor) => [actor.id, actor.name]), [
      ['european-commission-counc', 'european-commission-council-a'],
      ['european-commission-cou~2', 'The Parliament'],
      ['c', undefined],
    ]);
  }
});

test('ideal adjustments follow shortened names; one naming an actor outside the space is refused', () => {
  const ids = ['a-very-long-actor-identifier-x', 'b', 'c'];
  const smpOptions = { idealAdjustment: [{ actor: ids[0], reference: 'b', adjust: 0.5 }, { actor: ids[0], reference: ids[0], adjust: 0.5 }] };
  const written = writeKtab(scenario({ ids, smpOptions }), 'ktab-xml');
  assert.match(written.text, /<adjustingIdeal>a-very-long-actor-identif<\/adjustingIdeal>/u);
  const read = readKtab(written.text, 'ktab-xml').scenario;
  assert.deepEqual((read.spaces![0]!.smpOptions!['idealAdjustment'] as { actor: string }[]).map((entry) => entry.actor), ['a-very-long-actor-identif', 'a-very-long-actor-identif']);
  const stray = { idealAdjustment: [{ actor: 'nobody', reference: 'b', adjust: 0.5 }] };
  const error = refusal(() => writeKtab({ ...scenario({ smpOptions: stray }) }, 'ktab-xml'));
  assert.match(error.message, /idealAdjustment\[0\]\.actor: the ideal adjustment names actor "nobody", which is not in the space written/u);
});

test('long descriptions, dimension names and titles are cut at the limits with a note; control characters become spaces; an empty dimension name is the id', () => {
  for (const format of formats) {
    const long = 'x'.repeat(300);
    const written = writeKtab(scenario({ names: [long, 'line\nbreak\ttab'], title: 't'.repeat(600), issueName: 'n'.repeat(260) }), format);
    const notes = written.notes.join('\n');
    assert.match(notes, /cut to KTAB's length limits: .*'s description \(300 characters, KTAB allows 256\); the scenario's name \(600 characters, KTAB allows 512\); issue "terms"'s name \(260 characters, KTAB allows 256\)/u);
    assert.match(notes, /control characters in names and descriptions became spaces/u);
    const read = readKtab(written.text, format).scenario;
    assert.equal(read.actors[0]!.name, 'x'.repeat(256));
    assert.equal(read.actors[1]!.name, 'line break tab');
    assert.equal(read.title, 't'.repeat(512));
    assert.equal(read.issues[0]!.name, 'n'.repeat(256));
    assert.equal(readKtab(writeKtab(scenario({ issueName: '  ' }), format).text, format).scenario.issues[0]!.name, 'terms');
  }
});

test('a CSV field in double quotes reads back with them', () => {
  const read = readKtab(writeKtab(scenario({ names: ['"The Quartet"'] }), 'ktab-csv').text, 'ktab-csv').scenario;
  assert.equal(read.actors[0]!.name, '"The Quartet"');
});
