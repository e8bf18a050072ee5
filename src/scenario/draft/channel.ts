/**
 * The channel of a cue where its clause marks it: private ("privately", "behind closed doors",
 * "secret", "back channel"…) or public ("publicly", "openly", "made it clear", "announced"…).
 * A marker after a negation or inability ("unable to publicly ask") means the other channel.
 * Sanctions are public acts when nothing says otherwise.
 */
import type { CueCategory } from './lexicon.js';
import { buildMatcher, matchPhrases } from './matcher.js';
import type { Token } from './tokens.js';

export type Channel = 'public' | 'private' | 'unknown';

const markers: Record<'public' | 'private', readonly string[]> = {
  private: ['privately', 'in private', 'private', 'secret', 'secretly', 'covert', 'covertly', 'confidential', 'confidentially', 'behind closed doors', 'closed door', 'quietly', 'back channel', 'backchannel', 'off the record', 'discreetly', 'behind the scenes'],
  public: ['publicly', 'in public', 'openly', 'public statement', 'made clear', 'make it clear', 'clear', 'clearly', 'announce', 'declare', 'statement', 'press conference', 'told reporters', 'publish', 'show', 'tweet', 'televised', 'say', 'tell reporters'],
};
const inversions = new Set(['not', 'never', 'unable', 'cannot', 'unwilling', 'reluctant']);

export function channelMatcher() {
  return buildMatcher([
    ...markers.private.map((phrase) => ({ phrase, value: 'private' as const })),
    ...markers.public.map((phrase) => ({ phrase, value: 'public' as const })),
  ]);
}

/** The channel of a clause (tokens of the clause only); private markers outrank public ones. */
export function clauseChannel(matcher: ReturnType<typeof channelMatcher>, clause: readonly Token[], category: CueCategory): Channel {
  const found = matchPhrases(matcher, clause).map((match) => {
    const before = clause.slice(Math.max(0, match.first - 3), match.first).some((token) => inversions.has(token.word));
    return before ? (match.value === 'public' ? 'private' : 'public') : match.value;
  });
  if (found.includes('private')) return 'private';
  if (found.includes('public')) return 'public';
  return category === 'sanction' ? 'public' : 'unknown';
}
