import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/core/briefing/briefing.js';
import { parseBriefing } from '../../src/core/briefing/parse-briefing.js';
import { isBriefbotError } from '../../src/core/errors.js';
import { Library } from '../../src/library/library.js';
import { MergedBriefingSource } from '../../src/library/merged-source.js';
import { ModerationService } from '../../src/library/moderation-service.js';
import type { BriefingStore } from '../../src/ports/briefing-store.js';
import type { Actor } from '../../src/ports/command.js';
import { silentLogger } from '../../src/ports/logger.js';
import { fakeAnalysis, MemorySource } from '../fakes/memory-library.js';
import { type MadeStore, storeFactories } from '../store/store-factories.js';

const factories = await storeFactories();

const mod: Actor = { platform: 'discord', userId: '1001', userName: 'Ana', isModerator: true };
const reader: Actor = { platform: 'slack', userId: 'U2', userName: 'Ben', isModerator: false };
const shellMod: Actor = { platform: 'shell', userId: 'local', userName: 'local', isModerator: true };

const story = (slug: string, body: string, over: Partial<Briefing> = {}): Briefing => ({ slug, title: `Story ${slug}`, tags: ['news'], participants: [], body, ...over });
const bytes = (s: string) => new TextEncoder().encode(s);

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return isBriefbotError(e) ? e.code : `unexpected: ${String(e)}`;
  }
  return undefined;
}

async function messageOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => '',
    (e: unknown) => (isBriefbotError(e) ? e.userMessage : String(e)),
  );
}

for (const factory of factories) {
  describe.skipIf(factory.skip !== undefined)(`ModerationService on ${factory.name}`, () => {
    let made: MadeStore;
    let store: BriefingStore;
    let files: MemorySource;
    let source: MergedBriefingSource;
    let service: ModerationService;
    let now: Date;
    let changes: number;
    let localFiles: Map<string, Uint8Array>;

    beforeEach(async () => {
      made = await factory.make();
      store = made.store;
      files = new MemorySource();
      files.add({ slug: 'from-file', title: 'A file briefing', body: 'The text of the file, as curated in git.' });
      source = new MergedBriefingSource(store, files);
      now = new Date('2026-05-01T10:00:00Z');
      changes = 0;
      localFiles = new Map();
      service = new ModerationService({
        store,
        files,
        clock: { now: () => now },
        maxBodyBytes: 2000,
        onChange: () => changes++,
        readLocalFile: async (path) => {
          const content = localFiles.get(path);
          if (!content) throw new Error(`no file ${path}`);
          return content;
        },
      });
    });
    afterEach(async () => made.done());

    const visible = async () => Object.fromEntries((await source.entries()).map((e) => [e.briefing.slug, e]));

    it('GIVEN a moderator adds a briefing THEN readers see it at revision 1 and the audit names who did it', async () => {
      const info = await service.add(story('new-one', 'Ministers met on Tuesday.'), mod);
      expect(info).toMatchObject({ slug: 'new-one', revision: 1, action: 'add', platform: 'discord', userId: '1001', userName: 'Ana' });
      expect(changes).toBe(1);
      const entry = (await visible())['new-one'];
      expect(entry).toMatchObject({ origin: 'store', revision: 1 });
      expect(entry?.briefing.body).toBe('Ministers met on Tuesday.');
      const [audit] = await service.audit({});
      expect(audit).toMatchObject({ platform: 'discord', userId: '1001', userName: 'Ana', action: 'add', slug: 'new-one', revision: 1 });
      expect(audit?.at.toISOString()).toBe(now.toISOString());
    });

    it('GIVEN someone who is not a moderator THEN every change is refused with FORBIDDEN and nothing is written', async () => {
      await service.add(story('kept', 'Kept text.'), mod);
      const version = await store.version();
      expect(await codeOf(service.add(story('other', 'Other text.'), reader))).toBe('FORBIDDEN');
      expect(await codeOf(service.edit('kept', story('kept', 'Changed.'), reader))).toBe('FORBIDDEN');
      expect(await codeOf(service.remove('kept', reader))).toBe('FORBIDDEN');
      expect(await codeOf(service.restore('kept', reader))).toBe('FORBIDDEN');
      expect(await codeOf(service.revert('kept', 1, reader))).toBe('FORBIDDEN');
      expect(await codeOf(service.readSubmission({ attachment: { name: 'a.txt', content: bytes('T\n\nx') } }, reader))).toBe('FORBIDDEN');
      expect(await store.version()).toBe(version);
      expect(await service.audit({})).toHaveLength(1);
    });

    it('GIVEN a slug a file or the store already has THEN add is refused with SLUG_TAKEN, removed ones included', async () => {
      expect(await codeOf(service.add(story('from-file', 'Different text entirely.'), mod))).toBe('SLUG_TAKEN');
      await service.add(story('mine', 'My text.'), mod);
      expect(await codeOf(service.add(story('mine', 'Another text.'), mod))).toBe('SLUG_TAKEN');
      await service.remove('mine', mod);
      const message = await messageOf(service.add(story('mine', 'Third text.'), mod));
      expect(message).toContain('/briefing restore mine');
    });

    it('GIVEN the same text as another briefing, spaced differently THEN add is refused with DUPLICATE_CONTENT naming that briefing', async () => {
      await service.add(story('first', 'Talks  resumed\n on   Monday.'), mod);
      const dup = service.add(story('second', 'Talks resumed on Monday.'), mod);
      expect(await codeOf(dup)).toBe('DUPLICATE_CONTENT');
      expect(await messageOf(service.add(story('second', 'talks resumed on monday.'), mod))).toContain('"first"');
      expect(await messageOf(service.add(story('third', 'The text of the file, as curated in git.'), mod))).toContain('"from-file"');
      expect(Object.keys(await visible()).sort()).toEqual(['first', 'from-file']);
    });

    it('GIVEN a file briefing edited in chat THEN the edit wins, and revert 0 returns to the file text as a new revision', async () => {
      const edit = await service.edit('from-file', story('from-file', 'A moderator corrected the text.', { title: 'Corrected' }), mod);
      expect(edit).toMatchObject({ revision: 1, action: 'edit' });
      expect(edit.change).toContain('title');
      let entry = (await visible())['from-file'];
      expect(entry).toMatchObject({ origin: 'store', revision: 1 });
      expect(entry?.briefing.title).toBe('Corrected');

      const back = await service.revert('from-file', 0, mod);
      expect(back).toMatchObject({ revision: 2, action: 'revert' });
      entry = (await visible())['from-file'];
      expect(entry).toMatchObject({ origin: 'file', revision: 2 });
      expect(entry?.briefing.body).toBe('The text of the file, as curated in git.');

      // The file changes in git: a briefing that follows the file shows the new text.
      files.add({ slug: 'from-file', title: 'A file briefing', body: 'The file was updated in git.' });
      expect((await visible())['from-file']?.briefing.body).toBe('The file was updated in git.');

      const history = await service.history('from-file');
      expect(history.map((h) => [h.revision, h.action])).toEqual([
        [0, 'add'],
        [1, 'edit'],
        [2, 'revert'],
      ]);
      expect(history[0]?.platform).toBe('file');
    });

    it('GIVEN a briefing removed THEN it is hidden but exportable, and restore brings back the same text', async () => {
      await service.edit('from-file', story('from-file', 'Edited text to keep.'), mod);
      const removed = await service.remove('from-file', mod);
      expect(removed).toMatchObject({ revision: 2, action: 'remove' });
      expect((await visible())['from-file']).toBeUndefined();
      expect(parseBriefing(await service.exportMarkdown('from-file')).ok).toBe(true);
      expect(await codeOf(service.remove('from-file', mod))).toBe('CONFLICT');
      expect(await codeOf(service.edit('from-file', story('from-file', 'While removed.'), mod))).toBe('CONFLICT');
      const restored = await service.restore('from-file', mod);
      expect(restored).toMatchObject({ revision: 3, action: 'restore' });
      expect((await visible())['from-file']?.briefing.body).toBe('Edited text to keep.');
      expect(await codeOf(service.restore('from-file', mod))).toBe('CONFLICT');
    });

    it('GIVEN a store briefing with three revisions THEN revert to 1 writes revision 4 with the first text, and history lists them all', async () => {
      await service.add(story('multi', 'First version.'), mod);
      now = new Date('2026-05-01T11:00:00Z');
      await service.edit('multi', story('multi', 'Second version.'), { ...mod, userId: '2002', userName: 'Bo' });
      await service.edit('multi', story('multi', 'Third version, longer.'), mod);
      const info = await service.revert('multi', 1, mod);
      expect(info.revision).toBe(4);
      expect((await visible()).multi?.briefing.body).toBe('First version.');
      const history = await service.history('multi');
      expect(history.map((h) => `${h.revision}:${h.action}:${h.userName}`)).toEqual(['1:add:Ana', '2:edit:Bo', '3:edit:Ana', '4:revert:Ana']);
      expect(history[1]?.at.toISOString()).toBe('2026-05-01T11:00:00.000Z');
      expect(history[2]?.change).toMatch(/body \+\d+\/-\d+ characters/);
      expect(await codeOf(service.revert('multi', 0, mod))).toBe('NOT_FOUND');
      expect(await codeOf(service.revert('multi', 9, mod))).toBe('NOT_FOUND');
      expect(await codeOf(service.revert('multi', 4, mod))).toBe('CONFLICT');
      expect(await service.audit({ slug: 'multi' })).toHaveLength(4);
    });

    it('GIVEN an edit that changes nothing, or renames the slug THEN it is refused and nothing is written', async () => {
      await service.add(story('same', 'Same text.'), mod);
      const version = await store.version();
      expect(await codeOf(service.edit('same', story('same', 'Same text.'), mod))).toBe('CONFLICT');
      expect(await codeOf(service.edit('same', story('renamed', 'Other text.'), mod))).toBe('INVALID_BRIEFING');
      expect(await codeOf(service.edit('missing', story('missing', 'Text.'), mod))).toBe('UNKNOWN_BRIEFING');
      expect(await store.version()).toBe(version);
    });

    it('GIVEN submissions THEN .md and .txt are read with the same validation, and bad ones name the problem', async () => {
      const md = await service.readSubmission({ attachment: { name: 'Trade Talks.md', content: bytes('---\ntitle: Trade talks\ntags: [trade]\n---\n\nThe talks began.') } }, mod);
      expect(md).toMatchObject({ slug: 'trade-talks', title: 'Trade talks', tags: ['trade'], body: 'The talks began.' });
      const txt = await service.readSubmission({ attachment: { name: 'notes.txt', content: bytes('Harbour strike ends\n\nWorkers returned on Friday.') } }, mod);
      expect(txt).toMatchObject({ slug: 'harbour-strike-ends', title: 'Harbour strike ends', body: 'Workers returned on Friday.' });
      const forEdit = await service.readSubmission({ attachment: { name: 'draft.txt', content: bytes('New title\nNew body.') } }, mod, 'from-file');
      expect(forEdit.slug).toBe('from-file');
      expect(await codeOf(service.readSubmission({ attachment: { name: 'x.md', content: bytes('---\ntitle: X\nslug: other\n---\nBody.') } }, mod, 'from-file'))).toBe('INVALID_BRIEFING');
      expect(await codeOf(service.readSubmission({ attachment: { name: 'bad.txt', content: new Uint8Array([0x54, 0x0a, 0xff, 0xfe]) } }, mod))).toBe('INVALID_BRIEFING');
      expect(await codeOf(service.readSubmission({ attachment: { name: 'big.txt', content: bytes(`Title\n${'x'.repeat(2500)}`) } }, mod))).toBe('TOO_LARGE');
      expect(await codeOf(service.readSubmission({ attachment: { name: 'empty.txt', content: bytes('Title only\n\n   ') } }, mod))).toBe('INVALID_BRIEFING');
      expect(await codeOf(service.readSubmission({ attachment: { name: 'photo.png', content: bytes('png') } }, mod))).toBe('INVALID_BRIEFING');
      const message = await messageOf(service.readSubmission({ attachment: { name: 'x.md', content: bytes('---\ntitle: ""\nslug: Bad Slug\n---\nBody.') } }, mod));
      expect(message).toContain('title');
      expect(message).toContain('slug');
    });

    it('GIVEN a path THEN only a shell moderator may have it read', async () => {
      localFiles.set('/tmp/story.txt', bytes('Local story\nRead from disk.'));
      expect((await service.readSubmission({ path: '/tmp/story.txt' }, shellMod)).slug).toBe('local-story');
      expect(await codeOf(service.readSubmission({ path: '/tmp/story.txt' }, mod))).toBe('FORBIDDEN');
    });

    it('GIVEN form fields THEN fromForm validates them like a file, deriving the slug from the title', () => {
      expect(service.fromForm({ title: 'Río summit: day 2', tags: 'climate, latin america', text: 'Delegates met.' })).toMatchObject({
        slug: 'rio-summit-day-2',
        tags: ['climate', 'latin america'],
      });
      expect(service.fromForm({ title: 'T', slug: 'custom', tags: ['a'], text: 'Body.' }, 'custom').slug).toBe('custom');
      for (const bad of [{ title: '', text: 'Body.' }, { title: 'T', text: '   ' }, { title: 'T', slug: 'Not A Slug', text: 'B.' }, { title: 'T', text: 'x'.repeat(3000) }]) {
        expect(() => service.fromForm(bad)).toThrow();
      }
    });

    it('GIVEN an export THEN parsing it gives back the current briefing exactly', async () => {
      const original = story('round', 'A body with "quotes" and ünïcode.', { url: 'https://example.com/a', published: '2026-04-30', participants: [{ name: 'Kim', role: 'minister', side: 'South Korea', aliases: ['Minister Kim'] }] });
      await service.add(original, mod);
      const parsed = parseBriefing(await service.exportMarkdown('round'));
      expect(parsed.ok && parsed.briefing).toEqual(original);
    });

    it('GIVEN a Library over the merged source THEN a local change shows at once, and another replica sees it after its recheck', async () => {
      let clock = 0;
      const make = () =>
        new Library({ source: new MergedBriefingSource(store, files), analyze: () => fakeAnalysis(), cacheKey: (i) => i.text, logger: silentLogger, recheckMs: 1000, now: () => clock });
      const local = make();
      const replica = make();
      expect(await local.get('fresh')).toBeUndefined();
      expect(await replica.get('fresh')).toBeUndefined();
      const service2 = new ModerationService({ store, files, clock: { now: () => now }, maxBodyBytes: 2000, onChange: () => local.invalidate() });
      await service2.add(story('fresh', 'Fresh text.'), mod);
      expect((await local.get('fresh'))?.revision).toBe(1);
      expect(await replica.get('fresh')).toBeUndefined();
      clock += 1001;
      expect((await replica.get('fresh'))?.revision).toBe(1);
    });
  });
}
