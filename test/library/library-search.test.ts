import { describe, expect, it } from 'vitest';
import { Library } from '../../src/library/library.js';
import { silentLogger } from '../../src/ports/logger.js';
import { fakeAnalysis, MemorySource } from '../fakes/memory-library.js';

function bigLibrary(count: number) {
  const source = new MemorySource();
  for (let i = 0; i < count; i++) {
    source.add({ slug: `story-${i}`, title: `Story ${i}`, body: `Harbour workers met on day ${i}. ${i === 777 ? 'The volcano erupted.' : 'Talks went on.'}` });
  }
  return new Library({ source, analyze: () => fakeAnalysis(), cacheKey: (i) => i.text, logger: silentLogger });
}

describe('Library search on a large library', () => {
  it('GIVEN thousands of briefings THEN other reads are answered while the index is still being built', async () => {
    const library = bigLibrary(3000);
    await library.list();
    const order: string[] = [];
    const search = library.search('volcano', 5).then((hits) => {
      order.push('search');
      return hits;
    });
    await library.get('story-5').then(() => order.push('get'));
    const hits = await search;
    expect(order).toEqual(['get', 'search']);
    expect(hits.map((h) => h.entry.briefing.slug)).toEqual(['story-777']);
  });

  it('GIVEN an index already built THEN a briefing added, edited or removed is seen by the next search', async () => {
    const source = new MemorySource();
    for (let i = 0; i < 600; i++) source.add({ slug: `story-${i}`, title: `Story ${i}`, body: `Harbour workers met on day ${i}.` });
    const library = new Library({ source, analyze: () => fakeAnalysis(), cacheKey: (i) => i.text, logger: silentLogger, recheckMs: 0 });
    expect(await library.search('volcano', 5)).toEqual([]);
    source.add({ slug: 'story-5', title: 'Story 5', body: 'The volcano erupted.' });
    source.add({ slug: 'fresh', title: 'Volcano watch', body: 'Ash fell on the harbour.' });
    expect((await library.search('volcano', 5)).map((h) => h.entry.briefing.slug)).toEqual(['fresh', 'story-5']);
    source.remove('fresh');
    expect((await library.search('volcano', 5)).map((h) => h.entry.briefing.slug)).toEqual(['story-5']);
    expect((await library.search('workers', 600)).map((h) => h.entry.briefing.slug)).not.toContain('story-5');
  });

  it('GIVEN a briefing pasted with web-page leftovers THEN its search snippet reads like the card, without them, and they are not searched', async () => {
    const source = new MemorySource();
    const body = [
      '• 6 years ago',
      'Share this with Email Facebook Twitter Pinterest',
      'The ferry operator froze fares for a year after the harbour strike ended on Friday, the city council said.',
      'Recommended',
      'Workers returned to the docks on Saturday morning, and the first ferry left the harbour at dawn without delays.',
    ].join('\n');
    source.add({ slug: 'ferry-fares', title: 'Ferry fares frozen', body });
    const library = new Library({ source, analyze: () => fakeAnalysis(), cacheKey: (i) => i.text, logger: silentLogger });
    const [hit] = await library.search('harbour strike', 5);
    expect(hit?.snippet).toContain('harbour strike');
    expect(hit?.snippet).not.toMatch(/years ago|Facebook|Recommended/);
    expect(await library.search('pinterest', 5)).toEqual([]);
  });
});
