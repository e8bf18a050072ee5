/**
 * Recognising a KTAB SMP file by its content, without loading the readers (and their XML parser).
 */
export type KtabFormat = 'ktab-csv' | 'ktab-xml';

/**
 * Recognises a KTAB SMP file: XML whose root is <Scenario>, or a CSV whose first row holds two numbers
 * (actors, dimensions) in its third and fourth fields and whose second row starts with "Actor". Undefined otherwise.
 */
export function detectKtabFormat(text: string): KtabFormat | undefined {
  const body = text.replace(/^\uFEFF/u, '').trimStart();
  if (body.startsWith('<')) return /<Scenario[\s>]/u.test(body) ? 'ktab-xml' : undefined;
  const rows = body.split(/\r\n|\n|\r/u).filter((row) => row.trim() !== '');
  const first = rows[0]?.split(',').map((field) => field.trim());
  const second = rows[1]?.split(',')[0]?.trim().replace(/^"|"$/gu, '');
  if (!first || first.length < 4 || second?.toLowerCase() !== 'actor') return undefined;
  // Any number is enough to recognise the shape: the reader then says what is wrong with the counts (-5, 1e9, 2.5).
  const number = /^"?[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?"?$/iu;
  return number.test(first[2]!) && number.test(first[3]!) ? 'ktab-csv' : undefined;
}

