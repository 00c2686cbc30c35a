import { describe, expect, it } from 'vitest';
import { quotedSpanOfThreeWords, selectQuoteSet } from '../../bench/quote-select.js';

describe('quote-select: the BBC quote sets rule', () => {
  it('GIVEN spans of three or more words between quotation marks THEN the body passes', () => {
    expect(quotedSpanOfThreeWords('Mr Blair said: "I am very sorry."')).toBe(true);
    expect(quotedSpanOfThreeWords("He called it 'a complete and utter mess' yesterday.")).toBe(true);
    expect(quotedSpanOfThreeWords('He was “totally against it” then.')).toBe(true);
  });

  it('GIVEN only short spans, apostrophes or a mark inside a word THEN the body fails', () => {
    expect(quotedSpanOfThreeWords('He said it was "disastrous" and "very clear".')).toBe(false);
    expect(quotedSpanOfThreeWords("Labour's plans and the party's 'fantasy island'.")).toBe(false);
    expect(quotedSpanOfThreeWords('a"b c d" e')).toBe(false);
    expect(quotedSpanOfThreeWords('"three words\nacross lines"')).toBe(false);
  });

  it('GIVEN a pool THEN only files ending in the digit, in order, the first N passing', () => {
    const body = (q: string): string => `Headline\n\nBody ${q}\n`;
    const files = [
      { path: 'data/bbc/politics/001.txt', text: body('"one two three"') },
      { path: 'data/bbc/politics/002.txt', text: body('"one two three"') },
      { path: 'data/bbc/politics/012.txt', text: body('"short"') },
      { path: 'data/bbc/politics/022.txt', text: body("'it was a mess'") },
      { path: 'data/bbc/politics/032.txt', text: '"Quoted three words" headline only\n\nBody.\n' },
      { path: 'data/bbc/politics/042.txt', text: body('"four five six"') },
    ];
    expect(selectQuoteSet(files, { folder: 'data/bbc/politics', lastDigit: '2', size: 2 })).toEqual([
      'data/bbc/politics/002.txt',
      'data/bbc/politics/022.txt',
    ]);
  });
});
