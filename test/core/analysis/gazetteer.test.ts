import { describe, expect, it } from 'vitest';
import { partiesMentioned, partyOf, placeOf } from '../../../src/core/analysis/gazetteer.js';

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
