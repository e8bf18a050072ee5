/**
 * The direction of a cue on an issue, from the issue's end labels: +1 toward `maxLabel`, −1 toward
 * `minLabel`, or undefined when the labels do not tell. A word the cue's clause shares with one label
 * only points to that end; a word in both labels points away from the label that negates it
 * ("no talks" vs "immediate talks": "talks" points to the max end). A cooperative cue (appeal,
 * consult, demand, concede, agree, sanction as the act itself) moves toward the end it names; a
 * rejection or threat away from it.
 */
import type { Issue } from '../schema.js';
import type { CueCategory } from './lexicon.js';
import { tokenize, type Token } from './tokens.js';

const polarity: Record<CueCategory, 1 | -1> = { appeal: 1, consult: 1, demand: 1, concede: 1, agree: 1, sanction: 1, reject: -1, threaten: -1 };
const negation = new Set(['no', 'not', 'without', 'none', 'never', 'refuses', 'eased', 'lifted']);
const stop = new Set('the a an of and or to in on for with by at from its their is are be as than that this'.split(' '));
/** One concept, several words: so "dialogue" finds an end labelled "talks". */
const synonyms: ReadonlyArray<readonly string[]> = [
  ['talk', 'talks', 'negotiation', 'negotiations', 'negotiate', 'dialogue', 'meeting', 'meetings'],
  ['sanction', 'sanctions', 'embargo', 'restrictions'],
  ['peace', 'settlement', 'reconciliation', 'ceasefire', 'truce'],
];

export interface IssueWords {
  issue: Issue;
  /** Concept keys that point to the max end (+1) or the min end (−1). */
  ends: Map<string, 1 | -1>;
  /** Every concept key of the issue (name, description, labels). */
  topic: Set<string>;
}

export function issueWords(issue: Issue): IssueWords {
  const min = labelConcepts(issue.scale.minLabel);
  const max = labelConcepts(issue.scale.maxLabel);
  const ends = new Map<string, 1 | -1>();
  for (const key of max.keys) if (!min.keys.has(key)) ends.set(key, 1);
  for (const key of min.keys) if (!max.keys.has(key)) ends.set(key, -1);
  for (const key of min.keys) if (max.keys.has(key) && min.negated !== max.negated) ends.set(key, min.negated ? 1 : -1);
  const topic = new Set([...concepts(`${issue.id.replace(/[_-]/gu, ' ')} ${issue.name ?? ''} ${issue.description ?? ''}`), ...min.keys, ...max.keys]);
  return { issue, ends, topic };
}

/** The issue a clause is about (most shared concepts), if any shares one. */
export function issueOf(issues: readonly IssueWords[], tokens: readonly Token[]): IssueWords | undefined {
  const keys = new Set(tokens.map((token) => concept(token.word)));
  let best: IssueWords | undefined;
  let bestScore = 0;
  for (const candidate of issues) {
    const score = [...candidate.topic].filter((key) => keys.has(key)).length;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

export function directionOf(words: IssueWords, tokens: readonly Token[], category: CueCategory): 1 | -1 | undefined {
  let sum = 0;
  for (const token of tokens) sum += words.ends.get(concept(token.word)) ?? 0;
  return sum === 0 ? undefined : ((Math.sign(sum) * polarity[category]) as 1 | -1);
}

/** A label's concepts; its proper names (capitalised words after the first) name actors, not the end. */
function labelConcepts(label: string | undefined): { keys: Set<string>; negated: boolean } {
  const tokens = tokenize(label ?? '');
  const common = tokens.filter((token, i) => i === 0 || !/^\p{Lu}/u.test(token.raw)).map((token) => token.raw).join(' ');
  return { keys: concepts(common), negated: tokens.some((token) => negation.has(token.word)) };
}

function concepts(text: string): Set<string> {
  return new Set(tokenize(text).map((token) => token.word).filter((word) => word.length > 2 && !stop.has(word) && !negation.has(word) && /\p{L}/u.test(word)).map(concept));
}

function concept(word: string): string {
  const group = synonyms.find((list) => list.includes(word));
  return group ? group[0]! : word.replace(/(?<=\p{L}{3})(s|es)$/u, '');
}
