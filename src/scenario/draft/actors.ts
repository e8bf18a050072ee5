/**
 * The draft's actors: every gazetteer actor the text names (a bare demonym does not count), the
 * scenario's actors, leaders tied to their state by the text ("Ukraine's Zelensky", "Russian
 * President Vladimir Putin"), and new candidates (capitalised names ending in an organisation word)
 * mentioned at least `candidateThreshold` times.
 */
import { addLeader, findMentions, type ActorKind, type Gazetteer } from './gazetteer.js';
import type { Sentence } from './sentences.js';
import { tokenize } from './tokens.js';

export const candidateThreshold = 2;

export interface DraftActor {
  id: string;
  name: string;
  kind: ActorKind;
  /** Surface forms the text uses for it. */
  aliases: string[];
  mentions: number;
  /** Sentences (indices) that name it. */
  sentences: number[];
  source: 'scenario' | 'gazetteer' | 'candidate';
}

const titles = '(?:President|Prime Minister|Chancellor|Foreign Minister|Minister|Premier|King|Leader|leader|president|prime minister|chancellor|foreign minister)';
const name = "\\p{Lu}\\p{L}+(?:\\s\\p{Lu}\\p{L}+){0,2}";
const orgHeads = 'Party|Union|Council|Organi[sz]ation|Commission|Ministry|Front|Movement|Army|Bank|Fund|Agency|Alliance|League|Congress|Parliament|Assembly|Committee|Forces';

/** Ties leaders to actors where the text says so, adding them to the gazetteer. */
export function tieLeaders(gazetteer: Gazetteer, sentences: readonly Sentence[]): void {
  const possessive = new RegExp(`^(?:['’]s)\\s+(?:${titles}\\s+)?(${name})`, 'u');
  const titled = new RegExp(`^\\s+${titles}\\s+(${name})`, 'u');
  for (const sentence of sentences) {
    for (const mention of findMentions(gazetteer, tokenize(sentence.text, sentence.start))) {
      const rest = sentence.text.slice(mention.end - sentence.start);
      const match = mention.kind === 'adjective' ? rest.match(titled) : rest.match(possessive);
      if (match?.[1] !== undefined && findMentions(gazetteer, tokenize(match[1])).length === 0) addLeader(gazetteer, mention.actor, match[1]);
    }
  }
}

/** Counts mentions and collects the actors of the draft, in order of first mention. */
export function collectActors(gazetteer: Gazetteer, sentences: readonly Sentence[]): DraftActor[] {
  const found = new Map<string, DraftActor>();
  for (const actor of gazetteer.actors.values())
    if (actor.fromScenario) found.set(actor.id, { id: actor.id, name: actor.name, kind: actor.kind, aliases: [], mentions: 0, sentences: [], source: 'scenario' });
  const order: string[] = [];
  for (const sentence of sentences) {
    for (const mention of findMentions(gazetteer, tokenize(sentence.text, sentence.start))) {
      const actor = gazetteer.actors.get(mention.actor)!;
      const entry = found.get(actor.id) ?? { id: actor.id, name: actor.name, kind: actor.kind, aliases: [], mentions: 0, sentences: [], source: 'gazetteer' as const };
      const surface = sentence.text.slice(mention.start - sentence.start, mention.end - sentence.start);
      entry.mentions += mention.kind === 'adjective' ? 0 : 1;
      if (!entry.aliases.some((alias) => alias.toLowerCase() === surface.toLowerCase())) entry.aliases.push(surface);
      if (!entry.sentences.includes(sentence.index)) entry.sentences.push(sentence.index);
      found.set(actor.id, entry);
      if (!order.includes(actor.id)) order.push(actor.id);
    }
  }
  const named = [...found.values()].filter((actor) => actor.source === 'scenario' || actor.mentions > 0);
  return [...named.sort((a, b) => rank(order, a.id) - rank(order, b.id)), ...candidates(gazetteer, sentences)];
}

function candidates(gazetteer: Gazetteer, sentences: readonly Sentence[]): DraftActor[] {
  const pattern = new RegExp(`(?:\\p{Lu}\\p{L}+\\s){1,3}(?:${orgHeads})\\b`, 'gu');
  const counts = new Map<string, DraftActor>();
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(pattern)) {
      const surface = match[0].replace(/^(?:The|A|An)\s/u, '');
      if (findMentions(gazetteer, tokenize(surface)).some((m) => m.kind !== 'adjective')) continue;
      const id = surface.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_');
      const entry = counts.get(id) ?? { id, name: surface, kind: 'organisation' as const, aliases: [surface], mentions: 0, sentences: [], source: 'candidate' as const };
      entry.mentions++;
      if (!entry.sentences.includes(sentence.index)) entry.sentences.push(sentence.index);
      counts.set(id, entry);
    }
  }
  return [...counts.values()].filter((actor) => actor.mentions >= candidateThreshold);
}

function rank(order: readonly string[], id: string): number {
  const at = order.indexOf(id);
  return at < 0 ? order.length : at;
}
