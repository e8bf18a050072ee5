/**
 * Stance cues: per sentence and actor, the actor acting (as the subject or agent of a lexicon
 * phrase), the phrase's category (lexicon.ts), its negation, its channel and, when issues are given,
 * the issue and the direction on it. One cue per actor and sentence: its first act there.
 */
import { clauseChannel, channelMatcher, type Channel } from './channel.js';
import { directionOf, issueOf, type IssueWords } from './direction.js';
import { findMentions, type Gazetteer, type Mention } from './gazetteer.js';
import { cooperationWords, intentWords, lexicon, negators, postNegators, type CueCategory } from './lexicon.js';
import { buildMatcher, matchPhrases, type PhraseMatch } from './matcher.js';
import type { Sentence } from './sentences.js';
import { tokenize, type Token } from './tokens.js';

export interface Cue {
  sentence: Sentence;
  actor: string;
  category: CueCategory;
  channel: Channel;
  issue?: string;
  direction?: 1 | -1;
  /** The words that carry the cue, as written. */
  trigger: string;
  negated: boolean;
  confidence: number;
}

type Signal = 'cue' | 'intent' | 'cooperation' | 'negator' | 'post-negator';

/** The matchers a draft uses, built once per draft (inflecting the lexicon takes a few milliseconds). */
export function cueMatchers() {
  const entries: Array<{ phrase: string; value: { signal: Signal; category?: CueCategory } }> = [];
  for (const [category, phrases] of Object.entries(lexicon) as Array<[CueCategory, readonly string[]]>)
    for (const phrase of phrases) entries.push({ phrase, value: { signal: 'cue', category } });
  return {
    cues: buildMatcher(entries),
    intent: buildMatcher(intentWords.map((phrase) => ({ phrase, value: 'intent' as const }))),
    cooperation: buildMatcher(cooperationWords.map((phrase) => ({ phrase, value: 'cooperation' as const }))),
    negators: buildMatcher(negators.map((phrase) => ({ phrase, value: 'negator' as const }))),
    postNegators: buildMatcher(postNegators.map((phrase) => ({ phrase, value: 'post-negator' as const }))),
    channel: channelMatcher(),
  };
}
export type CueMatchers = ReturnType<typeof cueMatchers>;

const clauseWords = new Set(['but', 'while', 'although', 'though', 'however', 'whereas', 'since', 'because', 'yet']);
const prepositions = new Set(['with', 'to', 'on', 'against', 'from', 'toward', 'towards', 'for', 'of', 'at', 'into', 'about', 'between', 'over', 'upon', 'among', 'in']);
const pronouns = new Set(['it', 'they', 'he', 'she', 'we']);
const passiveAuxiliaries = new Set(['been', 'being', 'was', 'were', 'is', 'are', 'be']);

/** The cues of one sentence. */
export function sentenceCues(sentence: Sentence, gazetteer: Gazetteer, matchers: CueMatchers, issues: readonly IssueWords[]): Cue[] {
  const tokens = tokenize(sentence.text, sentence.start);
  const mentions = findMentions(gazetteer, tokens);
  const out: Cue[] = [];
  let lastAgents: Mention[] = [];
  let leading: Channel = 'unknown';
  for (const [from, to] of clauses(tokens)) {
    const clause = tokens.slice(from, to);
    const clauseMentions = mentions.filter((m) => m.first >= from && m.last < to).map((m) => ({ ...m, first: m.first - from, last: m.last - from }));
    // A leading adverbial clause with no actor ("Behind closed doors, …") sets the channel of the rest.
    if (from === 0 && clauseMentions.length === 0) leading = clauseChannel(matchers.channel, clause, 'consult');
    for (const trigger of triggers(clause, matchers)) {
      let agents = agentsOf(clause, clauseMentions, trigger, sentence.text, sentence.start);
      let viaPronoun = false;
      if (agents === undefined) continue;
      if (agents.length === 0 && startsWithPronoun(clause)) [agents, viaPronoun] = [lastAgents, true];
      if (agents.length === 0) continue;
      lastAgents = agents;
      const negated = isNegated(clause, trigger, matchers);
      const category = negated ? flipped(trigger.value) : trigger.value;
      if (category === undefined) continue;
      const topic = issueOf(issues, clause);
      const direction = topic === undefined ? undefined : directionOf(topic, clause.slice(trigger.first), category);
      for (const agent of agents) {
        if (out.some((cue) => cue.actor === agent.actor)) continue;
        out.push({
          sentence,
          actor: agent.actor,
          category,
          channel: channelWithLeading(clauseChannel(matchers.channel, clause, category), leading),
          ...(topic === undefined ? {} : { issue: topic.issue.id }),
          ...(direction === undefined ? {} : { direction }),
          trigger: sentence.text.slice(clause[trigger.first]!.start - sentence.start, clause[trigger.last]!.end - sentence.start),
          negated,
          confidence: round2(0.7 - (viaPronoun ? 0.2 : 0) - (negated ? 0.1 : 0)),
        });
      }
    }
  }
  return out;
}

/** Clause token ranges: split at commas, semicolons, dashes and clause conjunctions. */
function clauses(tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  tokens.forEach((token, i) => {
    if (token.word === ',' || (clauseWords.has(token.word) && i > start)) {
      if (i > start) out.push([start, i]);
      start = token.word === ',' ? i + 1 : i;
    }
  });
  if (start < tokens.length) out.push([start, tokens.length]);
  return out;
}

/** The clause's acts, left to right: lexicon phrases, and intent + cooperation as an appeal. */
function triggers(clause: readonly Token[], matchers: CueMatchers): Array<PhraseMatch<CueCategory>> {
  const found: Array<PhraseMatch<CueCategory>> = matchPhrases(matchers.cues, clause).map((m) => ({ ...m, value: m.value.category! }));
  const cooperation = matchPhrases(matchers.cooperation, clause);
  for (const intent of matchPhrases(matchers.intent, clause))
    if (cooperation.some((c) => c.first > intent.last)) found.push({ value: 'appeal', first: intent.first, last: intent.last });
  return found.sort((a, b) => a.first - b.first).filter((m, i, all) => i === 0 || m.first > all[i - 1]!.last);
}

/**
 * Who acts: the nearest actor mentioned before the phrase that is not a preposition's object and not
 * a mere adjective (unless it modifies the phrase directly: "Western sanctions", "Russia's rejection"),
 * with the actors coordinated with it ("the United States and Germany"). A passive phrase takes its
 * "by" agent. Undefined: the clause names no one who could act; [] means look for a pronoun.
 */
function agentsOf(clause: readonly Token[], mentions: readonly Mention[], trigger: PhraseMatch<CueCategory>, text: string, base: number): Mention[] | undefined {
  if (passiveAuxiliaries.has(clause[trigger.first - 1]?.word ?? '') && /ed$/u.test(clause[trigger.first]!.word)) {
    const by = clause.findIndex((token, i) => i > trigger.last && token.word === 'by');
    const agent = mentions.find((m) => m.first === by + 1 && by >= 0);
    return agent ? [agent] : undefined;
  }
  const candidates = mentions.filter((m) => m.last < trigger.first && canAct(clause, m, trigger, text, base));
  const agent = candidates[candidates.length - 1];
  if (agent === undefined) return mentions.some((m) => m.last < trigger.first) ? undefined : [];
  const coordinated = candidates.filter((m) => m !== agent && clause[agent.first - 1]?.word === 'and' && m.last === agent.first - 2);
  return [...coordinated, agent];
}

function canAct(clause: readonly Token[], mention: Mention, trigger: PhraseMatch<CueCategory>, text: string, base: number): boolean {
  const before = clause[mention.first - 1]?.word;
  if (before !== undefined && prepositions.has(before)) return false;
  if (before === 'the' && prepositions.has(clause[mention.first - 2]?.word ?? '')) return false;
  const modifiesTrigger = mention.last === trigger.first - 1 || (clause[mention.last + 1]?.word === "'s" && mention.last + 2 >= trigger.first - 1);
  const hyphenated = text[mention.end - base] === '-' || text[mention.start - base - 1] === '-';
  if (hyphenated) return false;
  return mention.kind !== 'adjective' || modifiesTrigger;
}

function startsWithPronoun(clause: readonly Token[]): boolean {
  return clause.slice(0, 5).some((token) => pronouns.has(token.word));
}

function isNegated(clause: readonly Token[], trigger: PhraseMatch<CueCategory>, matchers: CueMatchers): boolean {
  const before = matchPhrases(matchers.negators, clause).some((m) => m.last < trigger.first && m.last >= trigger.first - 5);
  const after = matchPhrases(matchers.postNegators, clause).some((m) => m.first > trigger.last);
  return before || after;
}

/** A refused act of cooperation is a rejection; a negated demand, refusal, threat or sanction says nothing sure. */
function flipped(category: CueCategory): CueCategory | undefined {
  return category === 'appeal' || category === 'consult' || category === 'agree' || category === 'concede' ? 'reject' : undefined;
}

function channelWithLeading(own: Channel, leading: Channel): Channel {
  return own === 'private' || leading === 'unknown' ? own : leading === 'private' || own === 'unknown' ? leading : own;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
