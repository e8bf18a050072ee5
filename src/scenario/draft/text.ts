/**
 * What `draftScenario` accepts as a text: non-empty, not binary, within the size limit, and English
 * (the cue lexicon covers English only). Every refusal is an InputError naming the file.
 */
import { InputError } from '../../errors.js';

/** The largest text drafted, in characters (about 80,000 words, a long report). */
export const maxTextLength = 500_000;

const commonEnglish = new Set(
  'the of and to in a is that for on with as by at from it its was were be been has have had are this which not or but will would said their they he she we an'.split(' '),
);

/** Throws an InputError when the text cannot be drafted from, saying why. */
export function checkText(text: string, file?: string): void {
  const at = file === undefined ? {} : { file };
  if (text.trim() === '') throw new InputError({ ...at, message: 'the text is empty: nothing to draft from' });
  if (text.length > maxTextLength)
    throw new InputError({ ...at, message: `the text has ${text.length} characters; the limit is ${maxTextLength} (split it into parts)` });
  if (text.includes(String.fromCharCode(0)) || (text.match(/\uFFFD/gu)?.length ?? 0) > 8)
    throw new InputError({ ...at, message: 'this looks like a binary file (NUL bytes or invalid UTF-8), expected a UTF-8 text' });
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((word) => commonEnglish.has(word)).length;
  if (words.length >= 20 && english / words.length < 0.08)
    throw new InputError({
      ...at,
      message: `the text does not look like English (${Math.round((100 * english) / words.length)}% of its words are common English words, expected ≥ 8%): the cue lexicon covers English only`,
    });
}
