import fc from 'fast-check';

/** Pieces of text that exercise every branch of a token scanner: letters of several scripts, digits, joiners, marks, spaces. */
export const TOKEN_PIECES = fc.constantFrom(
  'a', 'Z', 'é', 'Ω', 'ß', '中', '𝐀', '𝟙', '½', '²', '٣', '1', '0', '9', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000',
  "'", '’', '‘', '"', '“', '”', '.', ',', ';', ':', '(', ')', '[', ']', '{', '}', '!', '?', '…', '|', '/', '-', '–', '—',
  '%', 'per', 'cent', ' per cent', 'percent', 'word', 'U.S.', "Korea's", '\ud800', '\udc00', '#', '*', '\u0301',
);

/** Arbitrary strings, and strings made of those pieces. */
export const tokenText = fc.oneof(fc.string(), fc.array(TOKEN_PIECES, { maxLength: 60 }).map((parts) => parts.join('')));
