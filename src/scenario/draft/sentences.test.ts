import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromShared } from '../../../tests/support/paths.js';
import { splitSentences } from './sentences.js';

const article = readFileSync(fromShared('seed', 'backchannel-article.txt'), 'utf8');

function assertExact(text: string): void {
  for (const sentence of splitSentences(text)) {
    assert.equal(text.slice(sentence.start, sentence.end), sentence.text);
    assert.equal(sentence.text, sentence.text.trim());
  }
}

test('slicing each sentence out of the origin article gives it back exactly', () => {
  const sentences = splitSentences(article);
  assert.ok(sentences.length > 60);
  assertExact(article);
  assert.equal(sentences[0]!.text, 'The United States privately sued for peace, but Russia refused, and the opportunity to demand it wil');
  assert.equal(sentences[1]!.text, 'Mondo International Updated on 2024-01-28');
});

test('sentences never overlap and follow each other', () => {
  const sentences = splitSentences(article);
  for (let i = 1; i < sentences.length; i++) assert.ok(sentences[i]!.start >= sentences[i - 1]!.end);
});

test('a year ending a sentence mid-line ends it; a headline line is a sentence of its own', () => {
  const text = 'Big news today\nThe plan failed in May 2014. Russia annexed Crimea. Prices rose 5.5 percent.';
  assert.deepEqual(splitSentences(text).map((s) => s.text), ['Big news today', 'The plan failed in May 2014.', 'Russia annexed Crimea.', 'Prices rose 5.5 percent.']);
});

test('property: every sentence of any text slices exactly out of it', () => {
  const piece = fc.constantFrom('Russia', 'refused', 'the U.S.', 'Mr.', '2023.', '5.5', '"no."', '.', '!', '?', ',', ' ', '  ', '\n', '\n\n', '\t', 'é', '—', 'talks', 'A');
  fc.assert(fc.property(fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')), (text) => assertExact(text)), { numRuns: 300 });
});
