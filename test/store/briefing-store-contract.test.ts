import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/core/briefing/briefing.js';
import { isBriefbotError } from '../../src/core/errors.js';
import type { BriefingStore, ChangeRequest } from '../../src/ports/briefing-store.js';
import { fakeAnalysis } from '../fakes/memory-library.js';
import { type MadeStore, storeFactories } from './store-factories.js';

const factories = await storeFactories();

const t0 = new Date('2026-03-09T08:00:00.123Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const author = { platform: 'discord', userId: '42', userName: 'Mod Erator' };

const briefing = (slug: string, body = `Body of ${slug}.`): Briefing => ({
  slug,
  title: `Title ${slug} — é ✓`,
  source: 'Desk',
  tags: ['a', 'b'],
  participants: [{ name: 'Kōno Tarō', role: 'minister', side: 'Japan', aliases: ['Kono'] }],
  body,
});

const change = (over: Partial<ChangeRequest> & { slug: string }): ChangeRequest => ({
  origin: 'store',
  basedOn: 0,
  action: 'add',
  state: 'active',
  briefing: briefing(over.slug),
  bodyHash: `hash-${over.slug}`,
  author,
  at: t0,
  change: 'created',
  ...over,
});

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isBriefbotError(error) ? error.code : error).toBe(code);
}

for (const factory of factories) {
  describe.skipIf(factory.skip !== undefined)(`BriefingStore contract: ${factory.name}`, () => {
    let made: MadeStore;
    let store: BriefingStore;
    beforeEach(async () => {
      made = await factory.make();
      store = made.store;
    });
    afterEach(async () => made.done());

    it('GIVEN a new store THEN it is empty at version 0', async () => {
      expect(await store.version()).toBe('0');
      expect(await store.heads()).toEqual([]);
      expect(await store.audit({})).toEqual([]);
      expect(await store.head('missing')).toBeUndefined();
    });

    it('GIVEN a committed add THEN the head, the revision and the audit entry are there, and the version moved', async () => {
      const before = await store.version();
      const rev = await store.commit(change({ slug: 'alpha' }));
      expect(rev.revision).toBe(1);
      expect(await store.version()).not.toBe(before);
      const head = await store.head('alpha');
      expect(head).toMatchObject({ slug: 'alpha', origin: 'store', revision: 1, state: 'active', bodyHash: 'hash-alpha' });
      expect(head?.briefing).toEqual(briefing('alpha'));
      expect(head?.createdAt.toISOString()).toBe(t0.toISOString());
      const [entry] = await store.audit({});
      expect(entry).toMatchObject({ platform: 'discord', userId: '42', userName: 'Mod Erator', action: 'add', slug: 'alpha', revision: 1 });
      expect(entry?.at.toISOString()).toBe(t0.toISOString());
    });

    it('GIVEN a change based on an old revision THEN it fails with CONFLICT and nothing is written', async () => {
      await store.commit(change({ slug: 'alpha' }));
      await store.commit(change({ slug: 'alpha', basedOn: 1, action: 'edit', briefing: briefing('alpha', 'Second text.'), at: at(1) }));
      const version = await store.version();
      await expectCode(store.commit(change({ slug: 'alpha', basedOn: 1, action: 'edit', briefing: briefing('alpha', 'Stale text.'), at: at(2) })), 'CONFLICT');
      await expectCode(store.commit(change({ slug: 'alpha', basedOn: 0 })), 'CONFLICT');
      expect(await store.version()).toBe(version);
      expect((await store.revisions('alpha')).map((r) => r.revision)).toEqual([1, 2]);
      expect((await store.head('alpha'))?.briefing?.body).toBe('Second text.');
      expect(await store.audit({ slug: 'alpha' })).toHaveLength(2);
    });

    it('GIVEN several writers racing from the same revision THEN exactly one wins and the others get CONFLICT', async () => {
      await store.commit(change({ slug: 'race' }));
      const results = await Promise.allSettled(
        [1, 2, 3, 4, 5].map((i) => store.commit(change({ slug: 'race', basedOn: 1, action: 'edit', briefing: briefing('race', `Writer ${i}.`), at: at(i) }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(isBriefbotError(r.reason) && r.reason.code).toBe('CONFLICT');
      expect((await store.revisions('race')).map((r) => r.revision)).toEqual([1, 2]);
      expect(await store.audit({ slug: 'race' })).toHaveLength(2);
    });

    it('GIVEN revisions with text and without (the file) THEN each reads back exactly, oldest first', async () => {
      await store.commit(change({ slug: 'file-one', origin: 'file', action: 'edit', briefing: briefing('file-one', 'Edited in chat.') }));
      await store.commit(change({ slug: 'file-one', origin: 'file', basedOn: 1, action: 'revert', briefing: null, bodyHash: null, at: at(1), change: 'reverted to 0' }));
      await store.commit(change({ slug: 'file-one', origin: 'file', basedOn: 2, action: 'remove', state: 'archived', briefing: null, bodyHash: null, at: at(2) }));
      const revisions = await store.revisions('file-one');
      expect(revisions.map((r) => [r.revision, r.action, r.state, r.briefing?.body ?? null])).toEqual([
        [1, 'edit', 'active', 'Edited in chat.'],
        [2, 'revert', 'active', null],
        [3, 'remove', 'archived', null],
      ]);
      expect(revisions[0]?.briefing).toEqual(briefing('file-one', 'Edited in chat.'));
      expect(revisions[1]?.change).toBe('reverted to 0');
      expect(revisions[2]?.at.toISOString()).toBe(at(2).toISOString());
      expect(await store.revision('file-one', 2)).toMatchObject({ revision: 2, action: 'revert', briefing: null });
      expect(await store.revision('file-one', 9)).toBeUndefined();
      const head = await store.head('file-one');
      expect(head).toMatchObject({ origin: 'file', revision: 3, state: 'archived', briefing: null });
      expect(head?.createdAt.toISOString()).toBe(t0.toISOString());
      expect(head?.updatedAt.toISOString()).toBe(at(2).toISOString());
    });

    it('GIVEN heads in any state THEN headsWithBodyHash finds each one with that hash', async () => {
      await store.commit(change({ slug: 'one', bodyHash: 'same' }));
      await store.commit(change({ slug: 'two', bodyHash: 'other' }));
      await store.commit(change({ slug: 'three', bodyHash: 'same', state: 'archived', action: 'add' }));
      expect((await store.headsWithBodyHash('same')).map((h) => h.slug).sort()).toEqual(['one', 'three']);
      expect(await store.headsWithBodyHash('nothing')).toEqual([]);
    });

    it('GIVEN many changes THEN the audit log filters by slug and time, newest first, within the limit', async () => {
      await store.commit(change({ slug: 'a', at: at(0) }));
      await store.commit(change({ slug: 'b', at: at(10) }));
      await store.commit(change({ slug: 'a', basedOn: 1, action: 'remove', state: 'archived', at: at(20) }));
      expect((await store.audit({})).map((e) => ('slug' in e ? `${e.slug}${e.revision}` : e.action))).toEqual(['a2', 'b1', 'a1']);
      expect((await store.audit({ slug: 'a' })).map((e) => e.action)).toEqual(['remove', 'add']);
      expect((await store.audit({ since: at(10) })).map((e) => ('slug' in e ? e.slug : e.channelId))).toEqual(['a', 'b']);
      expect(await store.audit({ limit: 1 })).toHaveLength(1);
    });

    it('GIVEN an analysis put under a key THEN get returns it, and a second put does not replace it', async () => {
      expect(await store.get('k1')).toBeUndefined();
      const first = fakeAnalysis({ tldr: 'First — with “quotes”.' });
      await store.put('k1', first);
      await store.put('k1', fakeAnalysis({ tldr: 'Second.' }));
      expect(await store.get('k1')).toEqual(first);
    });

    it('GIVEN parsed files put under keys THEN getParsedFiles returns exactly those asked for, and a second put does not replace one', async () => {
      const { body: _one, ...one } = briefing('one');
      const { body: _two, ...two } = { ...briefing('two'), url: 'https://example.com/two', published: '2018-04-11' };
      expect(await store.getParsedFiles([])).toEqual(new Map());
      await store.putParsedFiles([
        { key: 'f1', frontMatter: one },
        { key: 'f2', frontMatter: two },
      ]);
      await store.putParsedFiles([{ key: 'f1', frontMatter: { ...one, title: 'Another parse' } }]);
      const found = await store.getParsedFiles(['f1', 'missing', 'f2']);
      expect([...found.keys()].sort()).toEqual(['f1', 'f2']);
      expect(found.get('f1')).toEqual(one);
      expect(found.get('f2')).toEqual(two);
    });

    it('GIVEN more parsed files than one query takes THEN every one is stored and found', async () => {
      const files = Array.from({ length: 5200 }, (_, i) => ({ key: `k${i}`, frontMatter: { slug: `s${i}`, title: `T${i}`, tags: [], participants: [] } }));
      await store.putParsedFiles(files);
      const found = await store.getParsedFiles(files.map((f) => f.key));
      expect(found.size).toBe(5200);
      expect(found.get('k5199')?.title).toBe('T5199');
    });

    it('GIVEN replicas storing the same parses at the same moment THEN none fails and each key holds one parse', async () => {
      const files = Array.from({ length: 40 }, (_, i) => ({ key: `same${i}`, frontMatter: { slug: `same-${i}`, title: `Same ${i}`, tags: ['a'], participants: [] } }));
      await Promise.all([store.putParsedFiles(files), store.putParsedFiles([...files].reverse()), store.putParsedFiles(files.slice(10))]);
      expect((await store.getParsedFiles(files.map((f) => f.key))).size).toBe(40);
    });

    it('GIVEN old parsed files THEN prune deletes only those neither kept nor recent', async () => {
      await store.putParsedFiles([
        { key: 'current', frontMatter: { slug: 'current', title: 'Current', tags: [], participants: [] } },
        { key: 'gone', frontMatter: { slug: 'gone', title: 'Gone', tags: [], participants: [] } },
      ]);
      // Stored just now: nothing is older than a minute ago.
      expect(await store.pruneParsedFiles(new Set(['current']), new Date(Date.now() - 60_000))).toBe(0);
      expect(await store.pruneParsedFiles(new Set(['current']), new Date(Date.now() + 60_000))).toBe(1);
      expect([...(await store.getParsedFiles(['current', 'gone'])).keys()]).toEqual(['current']);
    });

    it.skipIf(factory.name === 'memory')('GIVEN a store closed and opened again THEN every revision, audit entry, cached analysis and parsed file is still there', async () => {
      await store.commit(change({ slug: 'kept' }));
      await store.commit(change({ slug: 'kept', basedOn: 1, action: 'edit', briefing: briefing('kept', 'Kept text.'), at: at(1) }));
      await store.put('key', fakeAnalysis());
      await store.putParsedFiles([{ key: 'file-key', frontMatter: { slug: 'from-file', title: 'From a file', tags: ['x'], participants: [] } }]);
      const version = await store.version();
      const reopened = await (made.reopen as () => Promise<BriefingStore>)();
      expect(await reopened.version()).toBe(version);
      expect((await reopened.revisions('kept')).map((r) => r.briefing?.body)).toEqual(['Body of kept.', 'Kept text.']);
      expect(await reopened.audit({ slug: 'kept' })).toHaveLength(2);
      expect(await reopened.get('key')).toEqual(fakeAnalysis());
      expect((await reopened.getParsedFiles(['file-key'])).get('file-key')).toEqual({ slug: 'from-file', title: 'From a file', tags: ['x'], participants: [] });
    });
  });
}
