import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BriefingFrontMatter } from '../../src/core/briefing/briefing.js';
import { FileBriefingSource } from '../../src/library/file-source.js';
import type { ParsedFile, ParsedFileCache } from '../../src/ports/library.js';
import { silentLogger } from '../../src/ports/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { SqlBriefingStore } from '../../src/store/sql-store.js';
import { MemoryBriefingStore } from '../fakes/memory-briefing-store.js';

let dir: string;
let briefings: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-source-'));
  briefings = join(dir, 'briefings');
  await mkdir(briefings);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (title: string, body = 'Some text.') => `---\ntitle: ${title}\ntags: [Talks]\n---\n\n${body}\n`;

/** The store's parsed-file cache, counting what goes through the port. */
class CountingCache implements ParsedFileCache {
  asked = 0;
  stored: ParsedFile[] = [];
  failReads = false;
  constructor(private readonly inner: ParsedFileCache) {}
  async getParsedFiles(keys: readonly string[]): Promise<Map<string, BriefingFrontMatter>> {
    if (this.failReads) throw new Error('the database is down');
    this.asked += keys.length;
    return this.inner.getParsedFiles(keys);
  }
  async putParsedFiles(files: readonly ParsedFile[]): Promise<void> {
    this.stored.push(...files);
    return this.inner.putParsedFiles(files);
  }
  pruneParsedFiles(keep: ReadonlySet<string>, storedBefore: Date): Promise<number> {
    return this.inner.pruneParsedFiles(keep, storedBefore);
  }
}

const titles = async (source: FileBriefingSource) =>
  Object.fromEntries((await source.entries()).map((e) => [e.briefing.slug, e.briefing.title]));

/** A modification time in whole seconds, which utimes can set back exactly. */
const FIXED_TIME = new Date('2026-01-02T03:04:05Z');

async function writeWithFixedTime(path: string, text: string): Promise<void> {
  await writeFile(path, text);
  await utimes(path, FIXED_TIME, FIXED_TIME);
}

/** Writes new text of the same length with the same modification time, as `cp -p` or a careless tool would. */
async function rewriteKeepingSizeAndTime(path: string, text: string): Promise<void> {
  const before = await stat(path);
  expect(before.mtimeMs).toBe(FIXED_TIME.getTime());
  expect(Buffer.byteLength(text)).toBe(before.size);
  await writeWithFixedTime(path, text);
  expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
}

describe('FileBriefingSource with the parsed-file cache in the store (SQLite)', () => {
  let store: SqlBriefingStore;
  const sqlitePath = () => join(dir, 'briefbot.db');
  beforeEach(async () => {
    store = (await openStore({ sqlitePath: sqlitePath() })).store;
  });
  afterEach(async () => {
    await store.close();
  });

  it('GIVEN files parsed once THEN a restart on the same store serves them without parsing any again', async () => {
    await writeFile(join(briefings, 'alpha.md'), file('Alpha'));
    await writeFile(join(briefings, 'beta.md'), file('Beta', 'Other text.'));
    const first = new CountingCache(store);
    expect(await titles(new FileBriefingSource(briefings, 200_000, silentLogger, { cache: first }))).toEqual({ alpha: 'Alpha', beta: 'Beta' });
    expect(first.stored.map((f) => f.frontMatter.slug).sort()).toEqual(['alpha', 'beta']);

    await store.close();
    store = (await openStore({ sqlitePath: sqlitePath() })).store;
    const second = new CountingCache(store);
    const restarted = new FileBriefingSource(briefings, 200_000, silentLogger, { cache: second });
    expect(await titles(restarted)).toEqual({ alpha: 'Alpha', beta: 'Beta' });
    expect(second.asked).toBe(2);
    expect(second.stored).toEqual([]);
    const [alpha] = (await restarted.entries()).filter((e) => e.briefing.slug === 'alpha');
    expect(alpha?.briefing).toEqual({ slug: 'alpha', title: 'Alpha', tags: ['talks'], participants: [], body: 'Some text.' });
  });

  it('GIVEN files with a BOM, CRLF line ends, blank lines and participants THEN a restart from the cache gives exactly what a fresh parse gives', async () => {
    const seed = join(import.meta.dirname, '..', '..', 'briefings');
    for (const name of await readdir(seed)) await writeFile(join(briefings, name), await readFile(join(seed, name)));
    await writeFile(join(briefings, 'bom-crlf.md'), '\uFEFF---\r\ntitle: "Windows: é"\r\nslug: bom-crlf\r\n---\r\n\r\n\r\n  Indented first line.\r\nSecond line.  \r\n\r\n');
    await writeFile(join(briefings, 'tight.md'), '---\ntitle: Tight\n---\nNo blank line before the text.');
    const fresh = await new FileBriefingSource(briefings, 200_000, silentLogger).entries();
    expect(fresh.length).toBeGreaterThanOrEqual(7);
    await new FileBriefingSource(briefings, 200_000, silentLogger, { cache: store }).entries();
    const cache = new CountingCache(store);
    const restarted = await new FileBriefingSource(briefings, 200_000, silentLogger, { cache }).entries();
    expect(cache.stored).toEqual([]);
    const bySlug = (list: typeof fresh) => Object.fromEntries(list.map((e) => [e.briefing.slug, e.briefing]));
    expect(bySlug(restarted)).toEqual(bySlug(fresh));
    expect(bySlug(restarted)['bom-crlf']?.body).toBe('  Indented first line.\r\nSecond line.');
  });

  it('GIVEN a file edited while the bot was stopped, with the same size and modification time THEN the restart serves the new text, never the cached parse', async () => {
    const path = join(briefings, 'story.md');
    await writeWithFixedTime(path, file('Old title', 'The old text.'));
    expect(await titles(new FileBriefingSource(briefings, 200_000, silentLogger, { cache: store }))).toEqual({ story: 'Old title' });

    await rewriteKeepingSizeAndTime(path, file('New title', 'The new text.'));
    const restarted = new FileBriefingSource(briefings, 200_000, silentLogger, { cache: store });
    const [entry] = await restarted.entries();
    expect(entry?.briefing.title).toBe('New title');
    expect(entry?.briefing.body).toBe('The new text.');
  });

  it('GIVEN a cached file that became invalid THEN it is refused as invalid, not served from the cache', async () => {
    const path = join(briefings, 'story.md');
    await writeFile(path, file('A title'));
    await writeFile(join(briefings, 'other.md'), file('Other'));
    expect(Object.keys(await titles(new FileBriefingSource(briefings, 200_000, silentLogger, { cache: store }))).sort()).toEqual(['other', 'story']);

    await writeFile(path, '---\ntags: [x]\n---\n\nNo title any more.\n');
    expect(await titles(new FileBriefingSource(briefings, 200_000, silentLogger, { cache: store }))).toEqual({ other: 'Other' });
  });
});

describe('FileBriefingSource while running', () => {
  it('GIVEN a file rewritten with the same size and modification time THEN the next check serves the new text', async () => {
    const path = join(briefings, 'story.md');
    await writeWithFixedTime(path, file('First', 'Text one.'));
    // An hour from now every file looks old enough to trust its times: only the change time tells.
    const source = new FileBriefingSource(briefings, 200_000, silentLogger, { cache: new MemoryBriefingStore(), now: () => Date.now() + 3600_000 });
    expect(await titles(source)).toEqual({ story: 'First' });
    const version = await source.version();

    await rewriteKeepingSizeAndTime(path, file('Other', 'Text two.'));
    expect(await source.version()).not.toBe(version);
    expect(await titles(source)).toEqual({ story: 'Other' });
  });

  it('GIVEN the store cannot be read THEN the files are parsed and served anyway', async () => {
    await writeFile(join(briefings, 'story.md'), file('Story'));
    const cache = new CountingCache(new MemoryBriefingStore());
    cache.failReads = true;
    expect(await titles(new FileBriefingSource(briefings, 200_000, silentLogger, { cache }))).toEqual({ story: 'Story' });
  });

  it('GIVEN only one of many files changes THEN only that one is parsed again', async () => {
    for (const n of ['a', 'b', 'c']) await writeFile(join(briefings, `${n}.md`), file(`Title ${n}`));
    const cache = new CountingCache(new MemoryBriefingStore());
    const source = new FileBriefingSource(briefings, 200_000, silentLogger, { cache });
    await source.entries();
    expect(cache.stored).toHaveLength(3);
    await writeFile(join(briefings, 'b.md'), file('Title b, edited'));
    expect(await titles(source)).toEqual({ a: 'Title a', b: 'Title b, edited', c: 'Title c' });
    expect(cache.stored.map((f) => f.frontMatter.title)).toEqual(['Title a', 'Title b', 'Title c', 'Title b, edited']);
  });

  it('GIVEN parses in the store that no file uses any more THEN they are forgotten once a week old, and the files\' own parses stay', async () => {
    const store = new MemoryBriefingStore();
    const first = new CountingCache(store);
    await writeFile(join(briefings, 'story.md'), file('Old'));
    await new FileBriefingSource(briefings, 200_000, silentLogger, { cache: first }).entries();
    await writeFile(join(briefings, 'story.md'), file('New'));
    await writeFile(join(briefings, 'other.md'), file('Other'));
    const second = new CountingCache(store);
    await new FileBriefingSource(briefings, 200_000, silentLogger, { cache: second }).entries();
    const keys = [...first.stored, ...second.stored].map((f) => f.key);
    const storedTitles = async () => [...(await store.getParsedFiles(keys)).values()].map((b) => b.title).sort();
    // Pruning runs in the background after a load.
    const settle = () => new Promise((r) => setTimeout(r, 20));

    const dayLater = new FileBriefingSource(briefings, 200_000, silentLogger, { cache: store, now: () => Date.now() + 24 * 3600_000 });
    await dayLater.entries();
    await settle();
    expect(await storedTitles()).toEqual(['New', 'Old', 'Other']);

    const weekLater = new FileBriefingSource(briefings, 200_000, silentLogger, { cache: store, now: () => Date.now() + 8 * 24 * 3600_000 });
    expect(await titles(weekLater)).toEqual({ other: 'Other', story: 'New' });
    await settle();
    expect(await storedTitles()).toEqual(['New', 'Other']);
  });
});

describe('FileBriefingSource and a folder that is not there', () => {
  it('GIVEN BRIEFINGS_DIR naming no folder THEN the library is empty and the log says why, once', async () => {
    const warnings: { obj: object; msg?: string }[] = [];
    const logger = { ...silentLogger, warn: (obj: object, msg?: string) => void warnings.push({ obj, ...(msg !== undefined && { msg }) }), child: () => logger };
    const source = new FileBriefingSource(join(dir, 'briefngs'), 10_000, logger);
    expect(await source.entries()).toEqual([]);
    await source.entries();
    expect(warnings).toEqual([{ obj: { dir: join(dir, 'briefngs') }, msg: 'the briefings folder does not exist (BRIEFINGS_DIR): no briefings from files' }]);
  });
});
