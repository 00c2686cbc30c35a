import { describe, expect, it } from 'vitest';
import { Bm25Builder, Bm25Index, type SearchDocument, snippet } from '../../../src/core/search/bm25.js';

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

  it("GIVEN a possessive or a contraction in the query (Kang's, U.S., don't) THEN the split-off letter matches nothing on its own: only briefings with the word come back", () => {
    const talk = new Bm25Index([
      { id: 'kang', title: 'Talks', tags: [], text: "Kang's visit to Tokyo went ahead, with U.S. support." },
      { id: 'bank', title: 'Rates', tags: [], text: "The bank's rate held. Ministers don't expect cuts." },
      { id: 'fish', title: 'Quotas', tags: [], text: 'Fishing quotas were settled.' },
    ]);
    expect(talk.search("Kang's", 10).map((h) => h.id)).toEqual(['kang']);
    expect(talk.search('Kang’s', 10).map((h) => h.id)).toEqual(['kang']);
    expect(talk.search('U.S.', 10).map((h) => h.id)).toEqual(['kang']);
    expect(talk.search("don't", 10).map((h) => h.id)).toEqual(['bank']);
  });

  it('GIVEN no matching words THEN there are no hits', () => {
    expect(index.search('volcano', 10)).toEqual([]);
  });
});

describe('Chinese and Japanese text, written without spaces', () => {
  const cjk = [
    { id: 'zh', title: '韩日外长会谈', tags: [], text: '韩国外交部长官康京和与日本外务大臣河野太郎在首尔举行会谈，双方讨论了朝鲜核问题。' },
    { id: 'ja', title: '日韓外相会談', tags: [], text: '河野太郎外務大臣は、ソウルで康京和外交部長官と会談し、北朝鮮の核問題について話し合った。' },
    { id: 'en', title: 'Fishing quota talks', tags: [], text: 'Ministers agreed to settle the issue of fishing quotas.' },
  ];
  const index = new Bm25Index(cjk);

  it('GIVEN a word inside a run of Han characters THEN the briefing is found', () => {
    expect(index.search('核问题', 10).map((h) => h.id)).toEqual(['zh']);
    expect(index.search('外務大臣', 10)[0]?.id).toBe('ja');
    expect(index.search('北朝鮮', 10).map((h) => h.id)).toEqual(['ja']);
  });

  it('GIVEN a word in katakana or with voiced kana THEN it is found, and its snippet shows it', () => {
    expect(index.search('ソウル', 10).map((h) => h.id)).toEqual(['ja']);
    expect(index.search('話し合った', 10).map((h) => h.id)).toEqual(['ja']);
    const long = [{ id: 'long', title: 'x', tags: [], text: `${'会議の前に記者団に話した。'.repeat(20)}最後に防衛費の増額について合意した。${'会議の後に記者団に話した。'.repeat(20)}` }];
    expect(new Bm25Index(long).search('防衛費', 10)[0]?.snippet).toContain('防衛費');
  });

  it('GIVEN a long CJK text with a space only far from the hit THEN the snippet still shows the hit (it is not moved to that space)', () => {
    const text = `${'会議の前に記者団に話した。'.repeat(20)}最後に防衛費の増額について合意した。${'会議の後に記者団に話した。'.repeat(20)} Reuters 2024`;
    const hit = new Bm25Index([{ id: 'a', title: 'x', tags: [], text }]).search('防衛費', 1)[0];
    expect(hit?.snippet).toContain('防衛費');
    expect(hit?.snippet.length).toBeLessThanOrEqual(162);
  });

  it('GIVEN one character that stands inside a longer run THEN the briefings that hold it are found, with the character in the snippet', () => {
    expect(index.search('核', 10).map((h) => h.id).sort()).toEqual(['ja', 'zh']);
    expect(index.search('韓', 10).map((h) => h.id)).toEqual(['ja']);
    expect(index.search('ソ', 10).map((h) => h.id)).toEqual(['ja']);
    const text = `${'会議の前に記者団に話した。'.repeat(20)}最後に防衛費の増額について合意した。${'会議の後に記者団に話した。'.repeat(20)}`;
    expect(new Bm25Index([{ id: 'a', title: 'x', tags: [], text }]).search('額', 1)[0]?.snippet).toContain('増額');
  });

  it('GIVEN a query of two or more characters THEN it is searched by its pairs only, not by each of its characters', () => {
    // 核问题 shares 核 with the Japanese text and 问 with neither: a character-by-character match would find both.
    expect(index.search('核问题', 10).map((h) => h.id)).toEqual(['zh']);
    expect(index.search('会見', 10)).toEqual([]);
  });

  it('GIVEN a CJK word beside Latin letters THEN both are words of their own', () => {
    const mixed = new Bm25Index([{ id: 'g7', title: 'G7外相会合', tags: [], text: '本文' }]);
    expect(mixed.search('g7', 10).map((h) => h.id)).toEqual(['g7']);
    expect(mixed.search('外相', 10).map((h) => h.id)).toEqual(['g7']);
  });
});

describe('Korean text, whose words carry their particles', () => {
  const ko = [
    { id: 'ko', title: '남북 정상회담', tags: [], text: '북한의 핵 문제에 대해 두 정상은 한반도 비핵화에 합의했다.' },
    { id: 'ko2', title: '경제 뉴스', tags: [], text: '한국은행은 기준금리를 동결했다.' },
    { id: 'en', title: 'North Korea talks', tags: [], text: 'The leaders met.' },
  ];
  const index = new Bm25Index(ko);

  it('GIVEN a noun written with a particle (북한의, 비핵화에, 정상은) THEN a search for the noun alone finds it, and its snippet shows it', () => {
    expect(index.search('북한', 10).map((h) => h.id)).toEqual(['ko']);
    expect(index.search('비핵화', 10).map((h) => h.id)).toEqual(['ko']);
    expect(index.search('정상', 10).map((h) => h.id)).toEqual(['ko']);
    expect(index.search('한국은행', 10).map((h) => h.id)).toEqual(['ko2']);
    const long = [{ id: 'long', title: 'x', tags: [], text: `${'회의 전에 기자들에게 말했다. '.repeat(20)}마지막으로 방위비 증액에 합의했다. ${'회의 후에 기자들에게 말했다. '.repeat(20)}` }];
    expect(new Bm25Index(long).search('방위비', 10)[0]?.snippet).toContain('방위비');
  });

  it('GIVEN a Korean word no briefing has THEN nothing matches', () => {
    expect(index.search('대통령', 10)).toEqual([]);
  });
});

describe('Updating an index for the next version of the library', () => {
  const WORDS = 'harbour workers strike talks minister rates bank court ruling climate summit river treaty port union budget vote police report'.split(' ');
  let seed = 3;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const text = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)] as string).join(' ');
  const library = (count: number): SearchDocument[] => Array.from({ length: count }, (_, i) => ({ id: `b${i}`, title: text(4), tags: [text(1)], text: `${text(30)}.` }));
  const queries = [...WORDS, 'harbour workers', 'strike talks minister', 'rates bank', 'volcano'];
  const sameAnswers = (a: Bm25Index, b: Bm25Index) => {
    for (const q of queries) expect(a.search(q, 25), q).toEqual(b.search(q, 25));
  };

  it('GIVEN briefings added, edited, removed and reordered THEN the updated index answers exactly as one built from scratch, reading only the changed ones', () => {
    const before = library(300);
    const previous = new Bm25Index(before);
    const after = [...before];
    after[10] = { ...(after[10] as SearchDocument), text: 'The volcano erupted near the harbour.' };
    after[20] = { ...(after[20] as SearchDocument), title: 'Volcano summit' };
    after[30] = { ...(after[30] as SearchDocument), tags: ['volcano'] };
    after.splice(40, 5);
    after.push({ id: 'new-1', title: 'Volcano', tags: [], text: 'Workers left the harbour as the volcano rumbled.' });
    after.unshift({ id: 'new-0', title: 'Strike', tags: ['union'], text: 'The union called a strike.' });
    after.reverse();
    const builder = new Bm25Builder(after, previous);
    expect(builder.pending.map((i) => (after[i] as SearchDocument).id).sort()).toEqual(['b10', 'b20', 'b30', 'new-0', 'new-1']);
    sameAnswers(builder.build(), new Bm25Index(after));
    expect(new Bm25Index(after).search('volcano', 10).map((h) => h.id).sort()).toEqual(['b10', 'b20', 'b30', 'new-1']);
  });

  it('GIVEN a briefing whose slug now names another text THEN it is read again', () => {
    const previous = new Bm25Index([{ id: 'a', title: 'Rates', tags: [], text: 'The bank held rates.' }]);
    const next = [{ id: 'a', title: 'Rates', tags: [], text: 'The volcano erupted.' }];
    sameAnswers(new Bm25Builder(next, previous).build(), new Bm25Index(next));
    expect(new Bm25Builder(next, previous).build().search('volcano', 5).map((h) => h.id)).toEqual(['a']);
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

  it('GIVEN a TV transcript whose sentences pause on ",..." THEN the snippet reads them as commas, as the card does', () => {
    const text = `${'Filler words here. '.repeat(20)}Sanctions must remain for now,... but talks go on,…\nand ties improve,...\n${'More filler. '.repeat(20)}`;
    const s = snippet(text, ['sanction']);
    expect(s).toContain('Sanctions must remain for now, but talks go on, and ties improve,');
    expect(s).not.toContain('...');
  });

  it('GIVEN an index over a transcript THEN its hits carry the same comma-read snippet', () => {
    const doc = { id: 'a', title: 'Talks', tags: [], text: `${'Filler words here. '.repeat(20)}Sanctions must remain for now,... but talks go on. ${'More filler. '.repeat(20)}` };
    const [hit] = new Bm25Index([doc]).search('sanctions', 5);
    expect(hit?.snippet).toContain('for now, but talks go on');
  });

  it('GIVEN a clean function THEN the cleaned text is searched and quoted, also by an index updated from it', () => {
    const clean = (text: string) => text.replace(/^Share on Facebook Twitter$/gm, '');
    const filler = 'Ferries ran late all week. '.repeat(8);
    const docs = [{ id: 'a', title: 'Ferries', tags: [], text: `Share on Facebook Twitter\n${filler}The strike ended on Friday.` }];
    const index = new Bm25Index(docs, { clean });
    expect(index.search('twitter', 5)).toEqual([]);
    const [hit] = index.search('strike', 5);
    expect(hit?.snippet).toContain('The strike ended on Friday.');
    const updated = new Bm25Builder([...docs, { id: 'b', title: 'Buses', tags: [], text: 'Share on Facebook Twitter\nBuses ran.' }], index, { clean }).build();
    expect(updated.search('twitter', 5)).toEqual([]);
    expect(updated.search('strike', 5)[0]?.snippet).toBe(hit?.snippet);
  });
});
