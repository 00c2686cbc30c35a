import { describe, expect, it } from 'vitest';
import { editDistance, rankBriefings, resolveSlug } from '../../../src/core/briefing/find-briefing.js';

const library = [
  { slug: 'korea-japan', title: 'S. Korea-Japan foreign ministers hold talks' },
  { slug: 'korea-china', title: 'Korea and China trade talks' },
  { slug: 'central-bank-holds-rates', title: 'Central bank holds rates' },
  { slug: 'eu-chip-ruling', title: 'EU court upholds fine against chipmaker' },
];

describe('titles in scripts other than Latin', () => {
  const world = [...library, { slug: 'nikkan', title: '日韓外相会談' }, { slug: 'seoul-talks', title: 'Переговоры в Сеуле' }];

  it.each([
    ['日韓外相会談', 'nikkan'],
    ['переговоры в сеуле', 'seoul-talks'],
  ])('GIVEN the whole title %j, as the list shows it THEN it opens its briefing', (input, slug) => {
    expect(resolveSlug(input, world)).toEqual({ kind: 'found', slug });
  });

  it('GIVEN part of such a title THEN it is suggested and ranked for autocomplete', () => {
    expect(resolveSlug('外相会談', world)).toEqual({ kind: 'not-found', suggestions: ['nikkan'] });
    expect(rankBriefings('日韓', world, 5).map((c) => c.slug)).toEqual(['nikkan']);
    expect(rankBriefings('Перегов', world, 5).map((c) => c.slug)).toEqual(['seoul-talks']);
  });
});

describe('resolveSlug', () => {
  it.each(['korea-japan', 'korea japan', 'Korea-Japan', 'koreajapan', 'korea-japn', '  KOREA_JAPAN '])(
    'GIVEN %j THEN it finds korea-japan',
    (input) => {
      expect(resolveSlug(input, library)).toEqual({ kind: 'found', slug: 'korea-japan' });
    },
  );

  it('GIVEN a word that fits several briefings THEN it suggests them instead of guessing', () => {
    const r = resolveSlug('korea', library);
    expect(r.kind).toBe('not-found');
    if (r.kind === 'not-found') expect(r.suggestions).toEqual(expect.arrayContaining(['korea-japan', 'korea-china']));
  });

  it('GIVEN words from a title THEN the suggestion is that briefing', () => {
    const r = resolveSlug('chipmaker fine', library);
    expect(r).toEqual({ kind: 'not-found', suggestions: ['eu-chip-ruling'] });
  });

  it.each(['EU court upholds fine against chipmaker', 'eu court upholds fine against chipmaker!', 'S. Korea-Japan foreign ministers hold talks'])(
    'GIVEN the whole title %j, as the topic option invites ("its slug or title") THEN that briefing opens',
    (title) => {
      expect(resolveSlug(title, library)).toMatchObject({ kind: 'found' });
    },
  );

  it('GIVEN a title two briefings share THEN neither is guessed', () => {
    const twins = [...library, { slug: 'chip-fine-2', title: 'EU court upholds fine against chipmaker' }];
    expect(resolveSlug('EU court upholds fine against chipmaker', twins).kind).toBe('not-found');
  });

  it('GIVEN nonsense THEN there are no suggestions', () => {
    expect(resolveSlug('zzzzqqq', library)).toEqual({ kind: 'not-found', suggestions: [] });
  });
});

describe('rankBriefings', () => {
  it('GIVEN a prefix THEN matching slugs come first, at most the limit', () => {
    expect(rankBriefings('kor', library, 25).map((b) => b.slug)).toEqual(['korea-china', 'korea-japan']);
    expect(rankBriefings('', library, 2)).toHaveLength(2);
  });

  it('GIVEN a title word THEN the briefing is found', () => {
    expect(rankBriefings('rates', library, 5).map((b) => b.slug)).toEqual(['central-bank-holds-rates']);
  });
});

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('japan', 'jaapn')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
