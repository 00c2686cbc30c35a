import { describe, expect, it } from 'vitest';
import { isLetter, isLetterOrMark, isLetterOrNumber, isLower, isMark, isNumber, isUpper, isWhitespace } from '../../../src/core/analysis/char-class.js';

describe('char-class', () => {
  it('GIVEN every code point of the first three planes THEN each class agrees with its regex class', () => {
    const disagreements: number[] = [];
    for (let cp = 0; cp < 0x30000; cp++) {
      const ch = String.fromCodePoint(cp);
      const ok =
        isLetter(cp) === /^\p{L}$/u.test(ch) &&
        isNumber(cp) === /^\p{N}$/u.test(ch) &&
        isLetterOrNumber(cp) === /^[\p{L}\p{N}]$/u.test(ch) &&
        isUpper(cp) === /^\p{Lu}$/u.test(ch) &&
        isLower(cp) === /^\p{Ll}$/u.test(ch) &&
        isMark(cp) === /^\p{M}$/u.test(ch) &&
        isLetterOrMark(cp) === /^[\p{L}\p{M}]$/u.test(ch) &&
        (cp > 0xffff || isWhitespace(cp) === /^\s$/.test(ch));
      if (!ok) disagreements.push(cp);
    }
    expect(disagreements).toEqual([]);
  });
});
