/**
 * Words of a sentence with offsets. Scraped texts lose spaces between words ("openlyKiev",
 * "agreementsIn"), so a lower-case letter followed by an upper-case one also starts a new word.
 */
export interface Token {
  /** Lower-cased word ("n't" becomes "not"). */
  word: string;
  /** The word as written. */
  raw: string;
  start: number;
  end: number;
}

/** The words of `text` (offsets relative to `base`); punctuation that separates clauses becomes "," tokens. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  const pattern = /\p{L}+(?:['’]\p{L}+)*|\d+(?:[.,]\d+)*|[,;:()!?–—]|\s-\s/gu;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    if (!/\p{L}/u.test(raw)) {
      out.push({ word: /\d/u.test(raw) ? raw : ',', raw, start: base + match.index, end: base + match.index + raw.length });
      continue;
    }
    let offset = 0;
    for (const part of raw.split(/(?<=\p{Ll})(?=\p{Lu})/u)) {
      const start = base + match.index + offset;
      offset += part.length;
      pushWord(out, part, start);
    }
  }
  return out;
}

function pushWord(out: Token[], part: string, start: number): void {
  const lower = part.toLowerCase().replace(/’/gu, "'");
  const contraction = lower.match(/^(.+)n't$/u);
  if (contraction) {
    const stem = contraction[1] === 'wo' ? 'will' : contraction[1] === 'ca' ? 'can' : contraction[1]!;
    out.push({ word: stem, raw: part.slice(0, stem.length), start, end: start + part.length - 3 });
    out.push({ word: 'not', raw: part.slice(-3), start: start + part.length - 3, end: start + part.length });
    return;
  }
  const possessive = lower.match(/^(.+)'s$/u);
  if (possessive) {
    out.push({ word: possessive[1]!, raw: part.slice(0, -2), start, end: start + part.length - 2 });
    out.push({ word: "'s", raw: part.slice(-2), start: start + part.length - 2, end: start + part.length });
    return;
  }
  out.push({ word: lower, raw: part, start, end: start + part.length });
}
