import { describe, expect, it } from 'vitest';
import { firstTerm, hasAsciiWords, terms, words } from '../../../src/core/search/text-terms.js';

describe('words and terms', () => {
  it('GIVEN plain ASCII text THEN lowercased runs of letters and digits', () => {
    expect(words(`"Rates" held at 3.75% -- O'Brien's *bank*`)).toEqual(['rates', 'held', 'at', '3', '75', 'o', 'brien', 's', 'bank']);
  });

  it('GIVEN accents, ligatures and fractions THEN they fold as Unicode compatibility decomposition does', () => {
    expect(words('Café «Zürich» ﬁnal ½ ÉTÉ')).toEqual(['cafe', 'zurich', 'final', '1', '2', 'ete']);
  });

  it('GIVEN stopwords and inflections THEN terms drop the first and stem the second', () => {
    expect(terms('The ministers were holding talks')).toEqual(['minist', 'hold', 'talk']);
  });

  it('GIVEN a run as written in a text THEN its first term, or none for a stopword', () => {
    expect(firstTerm('Sanctions')).toBe('sanction');
    expect(firstTerm('The')).toBeUndefined();
    expect(firstTerm('Zürich')).toBe('zurich');
    // "the⑴" decomposes into "the(1)", two words: the stopword has no term, so the first is "1".
    expect(firstTerm('the⑴')).toBe('1');
  });

  it('GIVEN curly quotes, dashes, an ellipsis or no-break spaces THEN the words are the ASCII runs; GIVEN accents, ™, ½ or an astral letter THEN they may not be', () => {
    const punctuated = 'The minister’s “talks” — held at\u00a0dawn… ended';
    expect(hasAsciiWords(punctuated)).toBe(true);
    expect(words(punctuated)).toEqual(punctuated.toLowerCase().match(/[a-z0-9]+/g));
    for (const odd of ['Zürich', 'Harbour™', '½', '𝐀lpha', 'e\u0301']) expect(hasAsciiWords(`plain ${odd}`), odd).toBe(false);
  });
});
