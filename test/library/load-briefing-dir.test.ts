import { mkdtemp, rm, writeFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBriefingDir } from '../../src/library/load-briefing-dir.js';
import { FileBriefingSource } from '../../src/library/file-source.js';
import { Library } from '../../src/library/library.js';
import { silentLogger } from '../../src/ports/logger.js';
import { fakeAnalysis } from '../fakes/memory-library.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (title: string, body = 'Some text.') => `---\ntitle: ${title}\n---\n\n${body}\n`;

describe('loadBriefingDir', () => {
  it('GIVEN one bad file among good ones THEN the good ones load and the bad one is reported by name', async () => {
    await writeFile(join(dir, 'good.md'), file('Good'));
    await writeFile(join(dir, 'bad.md'), '---\ntags: [x]\n---\nText');
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    const { entries, problems } = await loadBriefingDir(dir, 200_000);
    expect(entries.map((e) => e.briefing.slug)).toEqual(['good']);
    expect(problems).toEqual([expect.objectContaining({ file: 'bad.md', field: 'title' })]);
  });

  it('GIVEN two files with one slug THEN neither loads and both are named', async () => {
    await writeFile(join(dir, 'a.md'), '---\ntitle: A\nslug: same\n---\nText');
    await writeFile(join(dir, 'b.md'), '---\ntitle: B\nslug: same\n---\nText');
    const { entries, problems } = await loadBriefingDir(dir, 200_000);
    expect(entries).toEqual([]);
    expect(problems.map((p) => p.file).sort()).toEqual(['a.md', 'b.md']);
  });

  it('GIVEN a missing folder THEN the library is empty, not an error', async () => {
    expect(await loadBriefingDir(join(dir, 'nope'), 1000)).toEqual({ entries: [], problems: [] });
  });
});

describe('FileBriefingSource in a Library', () => {
  it('GIVEN a file changes on disk THEN the library sees it without a restart', async () => {
    await writeFile(join(dir, 'story.md'), file('First title'));
    let now = 0;
    const library = new Library({
      source: new FileBriefingSource(dir, 200_000, silentLogger),
      analyze: () => fakeAnalysis(),
      cacheKey: (i) => i.text,
      logger: silentLogger,
      recheckMs: 1000,
      now: () => now,
    });
    expect((await library.get('story'))?.briefing.title).toBe('First title');
    await writeFile(join(dir, 'story.md'), file('Second title, longer'));
    await utimes(join(dir, 'story.md'), new Date(), new Date(Date.now() + 5000));
    await writeFile(join(dir, 'new.md'), file('New one'));
    expect((await library.get('story'))?.briefing.title).toBe('First title');
    now += 1500;
    expect((await library.get('story'))?.briefing.title).toBe('Second title, longer');
    expect((await library.list()).map((e) => e.briefing.slug).sort()).toEqual(['new', 'story']);
  });
});
