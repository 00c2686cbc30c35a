import { describe, expect, it } from 'vitest';
import { Bm25Index, snippet } from '../../../src/core/search/bm25.js';

const docs = [
  { id: 'fish', title: 'Fishing quota talks', tags: ['fisheries'], text: 'Ministers agreed to settle the issue of fishing quotas in their waters.' },
  { id: 'rates', title: 'Central bank holds rates', tags: ['economy'], text: 'The bank kept its main interest rate at 3.75 per cent. Fishing was not discussed.' },
  { id: 'coal', title: 'Climate summit', tags: ['climate'], text: 'The coal deadline split the room. Sanctions were not mentioned.' },
];

describe('Bm25Index', () => {
  const index = new Bm25Index(docs);

  it('GIVEN a word in one title and another text THEN the title match ranks first', () => {
    expect(index.search('fishing', 10).map((h) => h.id)).toEqual(['fish', 'rates']);
  });

  it('GIVEN an inflected form THEN stemming finds the base word', () => {
    expect(index.search('quota', 10)[0]?.id).toBe('fish');
    expect(index.search('deadlines', 10)[0]?.id).toBe('coal');
  });

  it('GIVEN quotes, stars and SQL THEN they are treated as words, never as syntax', () => {
    expect(index.search(`"coal" * ' OR 1=1; DROP TABLE briefings; --`, 10)[0]?.id).toBe('coal');
    expect(index.search('***', 10)).toEqual([]);
  });

  it('GIVEN thousands of hits with equal scores THEN the limit keeps the earliest documents, in order', () => {
    const same = Array.from({ length: 3000 }, (_, i) => ({ id: `d${i}`, title: 'Harbour', tags: [], text: 'Workers met at the harbour.' }));
    const withBest = [...same, { id: 'best', title: 'Harbour harbour', tags: ['harbour'], text: 'Harbour.' }];
    expect(new Bm25Index(same).search('harbour', 3).map((h) => h.id)).toEqual(['d0', 'd1', 'd2']);
    expect(new Bm25Index(withBest).search('harbour workers', 4).map((h) => h.id)).toEqual(['d0', 'd1', 'd2', 'd3']);
    expect(new Bm25Index(withBest).search('harbour', 2).map((h) => h.id)).toEqual(['best', 'd0']);
  });

  it('GIVEN no matching words THEN there are no hits', () => {
    expect(index.search('volcano', 10)).toEqual([]);
  });
});

describe('snippet', () => {
  it('GIVEN accented, capitalised and inflected words THEN they count as hits of their search term', () => {
    const text = `${'Filler words here. '.repeat(20)}Les SANCTIONS à Zürich, café. ${'More filler. '.repeat(20)}`;
    expect(snippet(text, ['sanction'])).toContain('SANCTIONS');
    expect(snippet(text, ['zurich'])).toContain('Zürich');
  });

  it('GIVEN a long text THEN the snippet holds the query word and is short', () => {
    const text = `${'Filler words here. '.repeat(30)}The quota deal was signed. ${'More filler. '.repeat(30)}`;
    const s = snippet(text, ['quota']);
    expect(s).toContain('quota');
    expect(s.length).toBeLessThanOrEqual(170);
  });
});
