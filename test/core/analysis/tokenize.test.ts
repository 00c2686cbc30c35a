import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentStems, isStopword, scanTextTokens, stem, tokenizeWords } from '../../../src/core/analysis/tokenize.js';
import { tokenText } from './token-pieces.js';

describe('tokenize', () => {
  it('GIVEN mixed case, possessives and punctuation THEN words are lower case without "\'s"', () => {
    expect(tokenizeWords("N. Korea's nuclear issue: Seoul-Tokyo ties, 2015 deal!")).toEqual([
      'n', 'korea', 'nuclear', 'issue', 'seoul-tokyo', 'ties', '2015', 'deal',
    ]);
    expect(tokenizeWords('The U.S.-Japan summit')).toEqual(['the', 'u.s', 'japan', 'summit']);
  });

  it('GIVEN function words THEN they are stopwords and content words are not', () => {
    expect(isStopword('The')).toBe(true);
    expect(isStopword("don't")).toBe(true);
    expect(isStopword('kite')).toBe(false);
  });

  it('GIVEN inflected forms THEN the Porter stem is shared', () => {
    expect(stem('ministers')).toBe(stem('minister'));
    expect(stem('talks')).toBe(stem('talking'));
    expect(stem('denuclearization')).toBe('denuclear');
  });

  it('GIVEN a pasted token far longer than any word THEN it is kept unstemmed (the stemmer is quadratic on such junk)', () => {
    const junk = '1'.repeat(100_000);
    expect(stem(junk)).toBe(junk);
    expect(stem('ministers')).toBe('minist');
  });

  it('GIVEN a sentence THEN content stems drop stopwords and keep order', () => {
    expect(contentStems('The ministers agreed on the fishing quotas.')).toEqual(['minist', 'agre', 'fish', 'quota']);
  });

  it('GIVEN any text THEN the token scanner finds exactly what its specification regex matches', () => {
    const spec = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[,;:()[\]{}"“”‘’!?…|/']|\.(?=\s|$)|\s[-–—]\s/gu;
    fc.assert(fc.property(tokenText, (text) => {
      expect(scanTextTokens(text)).toEqual(text.match(spec) ?? []);
    }), { numRuns: 3000 });
  });
});
