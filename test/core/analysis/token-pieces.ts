import fc from 'fast-check';

/** Pieces of text that exercise every branch of a token scanner: letters of several scripts, digits, joiners, marks, spaces. */
export const TOKEN_PIECES = fc.constantFrom(
  'a', 'Z', 'é', 'Ω', 'ß', '中', '𝐀', '𝟙', '½', '²', '٣', '1', '0', '9', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000',
  "'", '’', '‘', '"', '“', '”', '.', ',', ';', ':', '(', ')', '[', ']', '{', '}', '!', '?', '…', '|', '/', '-', '–', '—',
  '%', 'per', 'cent', ' per cent', 'percent', 'word', 'U.S.', "Korea's", '\ud800', '\udc00', '#', '*', '\u0301',
  ' 5 per cent', '7%', '1,000.5', 'x'.repeat(19), '𝐀'.repeat(19), 'seventeen letters',
);

/** Arbitrary strings, and strings made of those pieces. */
export const tokenText = fc.oneof(fc.string(), fc.array(TOKEN_PIECES, { maxLength: 60 }).map((parts) => parts.join('')));

const MARKS = ['"', '“', '”', "'", '‘', '’'];
/** A quotation mark, 0 to 70 characters, another mark and what follows: the length limits and the look-ahead of quoted tokens. */
export const quotedText = fc
  .tuple(
    fc.constantFrom(...MARKS),
    fc.integer({ min: 0, max: 66 }).chain((n) => fc.array(fc.constantFrom('a', ' ', '𝐀', 'é', '.', ','), { minLength: n, maxLength: n })),
    fc.constantFrom(...MARKS),
    fc.constantFrom('', ' ', ',', '.', ';', ':', 's', '!', '"', "'"),
  )
  .map(([open, middle, close, after]) => `${open}${middle.join('')}${close}${after}`);
