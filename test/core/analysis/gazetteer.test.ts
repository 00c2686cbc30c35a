import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partiesMentioned, partyMentions, partyOf, placeOf } from '../../../src/core/analysis/gazetteer.js';
import { partyMentions as referencePartyMentions } from './reference/gazetteer.js';

describe('gazetteer', () => {
  it('GIVEN capitals and seats of government THEN they stand for their country', () => {
    expect(partyOf('Seoul')).toBe('South Korea');
    expect(partyOf('Pyongyang')).toBe('North Korea');
    expect(partyOf('Washington')).toBe('United States');
    expect(partyOf('Downing Street')).toBe('United Kingdom');
    expect(partyOf('Westminster')).toBe('United Kingdom');
    expect(partyOf('Brussels')).toBe('European Union');
    expect(partyOf('Kremlin')).toBe('Russia');
  });

  it('GIVEN demonyms THEN they map to the country but are not places', () => {
    expect(partyOf('Japanese')).toBe('Japan');
    expect(placeOf('Japanese')).toBeNull();
    expect(placeOf('Tokyo')).toBe('Tokyo');
    expect(placeOf('U.S.')).toBe('United States');
  });

  it('GIVEN a span of text THEN parties are found once each, case-sensitively, and "Korean" alone names no one', () => {
    expect(partiesMentioned("We respect South Korea's hard work on the Korean peninsula with us and the US.")).toEqual(['South Korea', 'United States']);
    expect(partiesMentioned('inter-Korean talks and Seoul-Tokyo ties')).toEqual(['South Korea', 'Japan']);
  });
});

describe('gazetteer character loops', () => {
  const piece = fc.constantFrom(
    'US', 'U.S.', 'U.S', 'Us', 'us', 'South', 'Korea', 'South Korea', "Korea's", 'Korea’s', 'Republic', 'of', 'the', 'The', 'People’s', "People's", 'China', 'New', 'York',
    'North Atlantic Treaty Organization', 'inter-', 'Seoul-Tokyo', 'E.U.', 'UK.', 'often', 'other', 'thee', 'É', 'é', 'Élysée', 'Türkiye', 'x', '1', '2', ' ', ' ', '  ', '\n', '-', '.',
    "'", '’', ',', '𝐀', '𝐚', '\ud835', 'ǅ', 'A.B', 'Σ', 'İ',
  );
  const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

  it('GIVEN any text THEN the party mentions are exactly those of the gazetteer before its loops, which read words with a regex (dcad293)', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(partyMentions(t)).toEqual(referencePartyMentions(t));
      }),
      { numRuns: 20000 },
    );
  });
});
