import { describe, expect, it } from 'vitest';
import { bodyHash } from '../../../src/core/briefing/body-hash.js';

describe('bodyHash', () => {
  it('GIVEN the same story with different spacing, line breaks, case and invisible characters THEN the hash is the same', () => {
    const a = 'Ministers met on Tuesday.\n\nThey agreed to talk again.';
    const b = '  ministers met on\u200B tuesday.   They agreed\r\nto talk again.  ';
    expect(bodyHash(b)).toBe(bodyHash(a));
  });

  it('GIVEN a story with one word changed THEN the hash differs', () => {
    expect(bodyHash('Ministers met on Tuesday.')).not.toBe(bodyHash('Ministers met on Wednesday.'));
  });

  it('GIVEN composed and decomposed accents THEN the hash is the same', () => {
    expect(bodyHash('Café talks')).toBe(bodyHash('Cafe\u0301 talks'));
  });
});
