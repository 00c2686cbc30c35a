import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Briefing } from '../../src/core/briefing/briefing.js';
import { Library } from '../../src/library/library.js';
import { mergeEntries, MergedBriefingSource } from '../../src/library/merged-source.js';
import type { StoredHead } from '../../src/ports/briefing-store.js';
import type { LibraryEntry } from '../../src/ports/library.js';
import { silentLogger } from '../../src/ports/logger.js';
import { openStore } from '../../src/store/open-store.js';
import { fakeAnalysis, MemorySource } from '../fakes/memory-library.js';

const t = new Date('2026-01-01T00:00:00Z');
const briefing = (slug: string, body: string): Briefing => ({ slug, title: slug, tags: [], participants: [], body });
const file = (slug: string, body = `File ${slug}.`): LibraryEntry => ({ briefing: briefing(slug, body), origin: 'file', revision: 0, createdAt: t, updatedAt: t });
const head = (slug: string, over: Partial<StoredHead>): StoredHead => ({
  slug,
  origin: 'file',
  revision: 1,
  state: 'active',
  briefing: null,
  bodyHash: null,
  createdAt: t,
  updatedAt: new Date('2026-02-01T00:00:00Z'),
  ...over,
});

describe('mergeEntries', () => {
  const merged = (files: LibraryEntry[], heads: StoredHead[]) =>
    Object.fromEntries(mergeEntries(files, heads).map((e) => [e.briefing.slug, `${e.origin}:${e.revision}:${e.briefing.body}`]));

  it('GIVEN files without heads THEN they show as revision 0 from the file', () => {
    expect(merged([file('a')], [])).toEqual({ a: 'file:0:File a.' });
  });

  it('GIVEN a head with text over a file THEN the text wins; a head without text follows the file at its revision', () => {
    expect(merged([file('a'), file('b')], [head('a', { briefing: briefing('a', 'Edited.'), revision: 3 }), head('b', { revision: 2 })])).toEqual({
      a: 'store:3:Edited.',
      b: 'file:2:File b.',
    });
  });

  it('GIVEN an archived head THEN the slug is hidden, file or not', () => {
    expect(merged([file('a')], [head('a', { state: 'archived' }), head('s', { origin: 'store', state: 'archived', briefing: briefing('s', 'S.') })])).toEqual({});
  });

  it('GIVEN a head that follows a file which is gone THEN nothing shows; a store briefing shows with or without a file', () => {
    expect(merged([file('new-file')], [head('gone', {}), head('new-file', { origin: 'store', briefing: briefing('new-file', 'Mine.') })])).toEqual({ 'new-file': 'store:1:Mine.' });
  });
});

describe('the store as the analysis cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN analyses computed before a restart THEN the next process reads them instead of analysing again', async () => {
    const sqlitePath = join(dir, 'cache.db');
    const files = new MemorySource();
    files.add({ slug: 'one', body: 'One text.' });
    files.add({ slug: 'two', body: 'Two text.' });
    const run = async () => {
      const { store } = await openStore({ sqlitePath });
      const analyze = vi.fn(() => fakeAnalysis());
      const library = new Library({ source: new MergedBriefingSource(store, files), analyze, cacheKey: (i) => `v1:${i.text}`, cache: store, logger: silentLogger });
      for (const e of await library.list()) expect(await library.analysisOf(e)).toEqual(fakeAnalysis());
      await store.close();
      return analyze.mock.calls.length;
    };
    expect(await run()).toBe(2);
    expect(await run()).toBe(0);
  });
});
