/**
 * Sentences about agreements (an agreement word: agreement, accord, deal, treaty, truce, ceasefire,
 * pact, memorandum, protocol) and their status: broken (failed, violated, collapsed, not
 * implemented…), kept (implemented, honoured, upheld, in force…), else pending.
 */
import type { Sentence } from './sentences.js';

export type AgreementStatus = 'kept' | 'broken' | 'pending';

export interface DraftAgreement {
  sentence: Sentence;
  name: string;
  status: AgreementStatus;
  confidence: number;
}

const noun = '(?:agreements?|accords?|deals?|treaty|treaties|truce|ceasefire|cease-fire|pact|memorandum|protocols?|armistice)';
const broken = /\b(?:fail(?:ed|s)?|violat\w*|breach\w*|collaps\w*|abandon\w*|torn up|tore up|renege\w*|withdr[ae]w\w* from|not (?:been )?(?:implemented|honou?red|respected)|broke(?:n)?|unravel\w*|scrapp\w*|suspend\w*)\b/iu;
const kept = /\b(?:implemented|honou?red|upheld|complied|in force|held|respected|observed|fulfilled|extended|renewed)\b/iu;

const leadingStop = /^(?:(?:the|a|an|to|of|on|in|and|or|any|this|that|its|their|other|several|new|signed)\s)+/u;

/** "to the grain deal" → "grain deal". */
function commonName(phrase: string): string {
  return phrase.replace(leadingStop, '').trim();
}

export function findAgreements(sentences: readonly Sentence[]): DraftAgreement[] {
  const out: DraftAgreement[] = [];
  const named = new RegExp(`((?:\\p{Lu}[\\p{L}\\d-]*\\s?){1,4})${noun}`, 'u');
  const any = new RegExp(`\\b${noun}\\b`, 'iu');
  for (const sentence of sentences) {
    if (!any.test(sentence.text)) continue;
    const status: AgreementStatus = broken.test(sentence.text) ? 'broken' : kept.test(sentence.text) ? 'kept' : 'pending';
    const match = sentence.text.match(named);
    const name = match ? match[0].replace(/^(?:The|A|An|In|Recently)\s/u, '').trim() : commonName(sentence.text.match(new RegExp(`(?:\\p{Ll}[\\p{L}-]*\\s){0,2}${noun}`, 'u'))?.[0] ?? 'agreement');
    out.push({ sentence, name, status, confidence: status === 'pending' ? 0.4 : 0.6 });
  }
  return out;
}
