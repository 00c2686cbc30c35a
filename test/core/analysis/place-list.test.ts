import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/analysis/extract-entities.js';
import { findMentions, NameIndex } from '../../../src/core/analysis/mentions.js';

const placesOf = (text: string): string[] => {
  const mentions = findMentions(text);
  return extractEntities(text, mentions, new NameIndex(mentions)).places;
};

describe('places list', () => {
  it('GIVEN "X-based" THEN the place is X', () => {
    expect(placesOf('The San Francisco-based start-up hired 40 people, its founder Mia Chen said.')).toContain('San Francisco');
    expect(placesOf('The San Francisco-based start-up hired 40 people, its founder Mia Chen said.')).not.toContain('San Francisco-based');
  });

  it('GIVEN a run that opens on a title or ends on a region adjective THEN it is no place', () => {
    const places = placesOf('Lt. Kenny Park of the Vallejo police spoke in Denver. The Secretary of State flew to a Middle Eastern capital.');
    expect(places).not.toContain('Lt. Kenny Park');
    expect(places).not.toContain('Secretary of State');
    expect(places).not.toContain('Middle Eastern');
    expect(places).toContain('Denver');
  });

  it('GIVEN "X-style", "New Year" or a run that goes on into "Mr Y" THEN no place; the town itself stays', () => {
    const places = placesOf('He wants Las Vegas-style casinos in Manchester by the New Year. Speaking in Harrogate Mr Kennedy said no.');
    expect(places).not.toContain('Las Vegas-style');
    expect(places).not.toContain('New Year');
    expect(places.some((p) => p.includes('Mr'))).toBe(false);
    expect(places).toContain('Manchester');
  });
});
