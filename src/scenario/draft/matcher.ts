/**
 * Lemma matching: each lexicon word is expanded into its inflections (verb conjugations and noun
 * plurals from `compromise`), and a phrase matches a run of tokens whose words are inflections of its
 * lemmas, with at most `maxGap` other words between them and no clause break.
 */
import nlp from 'compromise/two';
import type { Token } from './tokens.js';

/** A set of lemma phrases ready to match: inflected form → lemma, per phrase word. */
export interface PhraseMatcher<T> {
  phrases: Array<{ value: T; words: Array<ReadonlySet<string>> }>;
}

export interface PhraseMatch<T> {
  value: T;
  first: number;
  last: number;
}

const maxGap = 2;

/** The part of compromise's (untyped) method table used here: verb conjugation and noun plurals. */
interface CompromiseTransforms {
  two: { transform: { verb: { conjugate(word: string, model: object): Record<string, string> }; noun: { toPlural(word: string, model: object): string } } };
}
const functionWords = new Set(['for', 'to', 'on', 'out', 'of', 'the', 'a', 'in', 'with', 'off', 'down', 'up', 'must', 'no', 'not']);

/** The inflections of one word (the word itself included). */
export function inflections(word: string): Set<string> {
  const forms = new Set([word]);
  if (functionWords.has(word)) return forms;
  const methods = (nlp.methods() as unknown as CompromiseTransforms).two.transform;
  const model = nlp.model();
  for (const form of Object.values(methods.verb.conjugate(word, model))) if (!form.includes(' ')) forms.add(form);
  forms.add(methods.noun.toPlural(word, model));
  return forms;
}

export function buildMatcher<T>(entries: ReadonlyArray<{ phrase: string; value: T }>): PhraseMatcher<T> {
  const cache = new Map<string, Set<string>>();
  const inflected = (word: string) => cache.get(word) ?? cache.set(word, inflections(word)).get(word)!;
  return { phrases: entries.map(({ phrase, value }) => ({ value, words: phrase.split(' ').map(inflected) })) };
}

/** Every phrase occurrence in `tokens` (a longer phrase wins over a shorter one starting at the same word). */
export function matchPhrases<T>(matcher: PhraseMatcher<T>, tokens: readonly Token[]): Array<PhraseMatch<T>> {
  const out: Array<PhraseMatch<T>> = [];
  for (let i = 0; i < tokens.length; i++) {
    let best: PhraseMatch<T> | undefined;
    let bestLength = 0;
    for (const phrase of matcher.phrases) {
      if (!phrase.words[0]!.has(tokens[i]!.word)) continue;
      const last = matchRest(phrase.words, tokens, i);
      if (last !== undefined && phrase.words.length > bestLength) {
        best = { value: phrase.value, first: i, last };
        bestLength = phrase.words.length;
      }
    }
    if (best !== undefined) out.push(best);
  }
  return out;
}

function matchRest(words: ReadonlyArray<ReadonlySet<string>>, tokens: readonly Token[], first: number): number | undefined {
  let at = first;
  for (let k = 1; k < words.length; k++) {
    let found: number | undefined;
    for (let j = at + 1; j <= at + 1 + maxGap && j < tokens.length; j++) {
      if (tokens[j]!.word === ',') break;
      if (words[k]!.has(tokens[j]!.word)) {
        found = j;
        break;
      }
    }
    if (found === undefined) return undefined;
    at = found;
  }
  return at;
}
