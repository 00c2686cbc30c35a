import { describe, expect, it } from 'vitest';
import { extractKeywords } from '../../../src/core/analysis/keywords.js';
import { splitSentences } from '../../../src/core/analysis/split-sentences.js';

const keywordsOf = (text: string, n?: number): string[] => extractKeywords(splitSentences(text), n);

const TALKS = [
  'The foreign ministers of South Korea and Japan met in Seoul.',
  'They agreed to settle the issue of fishing quotas and to hold talks on the Korean peninsula.',
  'South Korea asked for cooperation on the Korean peninsula, and Japan raised the fishing quotas again.',
  'The fishing quotas have divided South Korea and Japan for years.',
].join(' ');

describe('extractKeywords', () => {
  it('GIVEN recurring multi-word names and phrases THEN they come out whole, as written', () => {
    const keywords = keywordsOf(TALKS);
    expect(keywords).toContain('South Korea');
    expect(keywords).toContain('fishing quotas');
    expect(keywords).toContain('Korean peninsula');
  });

  it('GIVEN stopwords and reporting words THEN none is a keyword', () => {
    const keywords = keywordsOf(`${TALKS} He said they would also meet again.`);
    for (const k of keywords) expect(k.toLowerCase()).not.toMatch(/^(?:the|and|said|also|they|would)$/);
  });

  it('GIVEN a phrase already chosen THEN its longer and shorter variants are not repeated', () => {
    const text = 'The kite flying festival drew crowds. Kite flying is popular. The kite flying festival ended. Kite flying teams came.';
    const keywords = keywordsOf(text);
    const kiteFlying = keywords.filter((k) => /kite flying/i.test(k));
    expect(kiteFlying).toHaveLength(1);
  });

  it('GIVEN a four-word name THEN it is not cut into a three-word fragment', () => {
    const text =
      'The Wulong International Kite Festival opened. Crowds came to the Wulong International Kite Festival on Saturday. The kite was long.';
    const keywords = keywordsOf(text);
    expect(keywords).toContain('Wulong International Kite Festival');
    expect(keywords).not.toContain('Wulong International Kite');
  });

  it('GIVEN a name after a common word or before a past-tense verb THEN the name comes out on its own', () => {
    const text =
      'Security guard Simon Scott was sacked. The firm said guard Simon Scott broke company policy. Simon Scott asked for his job back. Simon Scott asked again.';
    const keywords = keywordsOf(text);
    expect(keywords).toContain('Simon Scott');
    expect(keywords.some((k) => /guard Simon|Scott asked/.test(k))).toBe(false);
  });

  it('GIVEN n THEN at most n keywords, and none for empty text', () => {
    expect(keywordsOf(TALKS, 3)).toHaveLength(3);
    expect(keywordsOf('', 5)).toEqual([]);
    expect(keywordsOf(TALKS, 0)).toEqual([]);
  });

  it('GIVEN a word only capitalised at the start of sentences THEN its lower-case form is preferred', () => {
    const text = 'Tensions rose in the port. Officials said tensions were high. The tensions eased by night.';
    expect(keywordsOf(text)).toContain('tensions');
  });
});
