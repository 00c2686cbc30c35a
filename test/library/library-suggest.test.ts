import { describe, expect, it } from 'vitest';
import { Library } from '../../src/library/library.js';
import { silentLogger } from '../../src/ports/logger.js';
import { fakeAnalysis, MemorySource } from '../fakes/memory-library.js';

function libraryOf(source: MemorySource): Library {
  // recheckMs 0: every read asks the source, as after a change made through this process.
  return new Library({ source, analyze: () => fakeAnalysis(), cacheKey: (i) => i.text, logger: silentLogger, recheckMs: 0 });
}

const slugs = (entries: { briefing: { slug: string } }[]) => entries.map((e) => e.briefing.slug);

describe('Library suggestions and slug resolution', () => {
  it('GIVEN briefings added, edited and removed THEN suggestions follow each change', async () => {
    const source = new MemorySource();
    source.add({ slug: 'korea-japan', title: 'Korea and Japan hold talks' });
    source.add({ slug: 'central-bank', title: 'Central bank holds rates' });
    const library = libraryOf(source);
    expect(slugs(await library.suggest('kor', 25))).toEqual(['korea-japan']);

    source.add({ slug: 'korea-china', title: 'Korea and China trade' });
    expect(slugs(await library.suggest('kor', 25))).toEqual(['korea-china', 'korea-japan']);

    // An edited title is found by its new words, no longer by the old ones.
    source.add({ slug: 'central-bank', title: 'Volcano erupts near the capital' });
    expect(slugs(await library.suggest('volcano', 25))).toEqual(['central-bank']);
    expect(slugs(await library.suggest('rates', 25))).toEqual([]);

    source.remove('korea-japan');
    expect(slugs(await library.suggest('kor', 25))).toEqual(['korea-china']);
  });

  it('GIVEN a slug, a near miss or a vague word THEN resolve finds the briefing or suggests the closest', async () => {
    const source = new MemorySource();
    source.add({ slug: 'korea-japan', title: 'Korea and Japan hold talks' });
    source.add({ slug: 'korea-china', title: 'Korea and China trade' });
    const library = libraryOf(source);
    for (const topic of ['korea-japan', 'Korea Japan', 'koreajapan', 'korea-japn']) {
      const found = await library.resolve(topic);
      expect(found.kind === 'found' && found.entry.briefing.slug, topic).toBe('korea-japan');
    }
    expect(await library.resolve('korea')).toEqual({ kind: 'not-found', suggestions: ['korea-china', 'korea-japan'] });
    source.remove('korea-japan');
    expect(await library.resolve('korea-japan')).toEqual({ kind: 'not-found', suggestions: ['korea-china'] });
  });
});
