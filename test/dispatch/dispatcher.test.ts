import { describe, expect, it, vi } from 'vitest';
import { BriefbotError } from '../../src/core/errors.js';
import { documentText } from '../../src/core/render/document.js';
import { Dispatcher } from '../../src/dispatch/dispatcher.js';
import { defaultCommandsDir, loadCommands } from '../../src/dispatch/load-commands.js';
import { Library } from '../../src/library/library.js';
import type { Actor, Command } from '../../src/ports/command.js';
import { systemClock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import { fakeAnalysis, MemorySource } from '../fakes/memory-library.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function recordingLogger() {
  const errors: { obj: object; msg?: string }[] = [];
  const logger: Logger = {
    debug() {},
    info() {},
    warn() {},
    error(obj, msg) {
      errors.push({ obj, ...(msg !== undefined && { msg }) });
    },
    child: () => logger,
  };
  return { logger, errors };
}

const member: Actor = { platform: 'shell', userId: 'u1', userName: 'Ann', isModerator: false };
const channel = { platform: 'shell' as const, id: 'c1', scope: 'shell' };

async function setup(extra: Command[] = []) {
  const commands = await loadCommands();
  for (const c of extra) commands.set(c.data.subcommand ? `${c.data.name} ${c.data.subcommand}` : c.data.name, c);
  const source = new MemorySource();
  source.add({ slug: 'korea-japan', title: 'Korea-Japan talks', tags: ['diplomacy'], body: 'The ministers met in Seoul.' }, new Date('2024-02-01'));
  source.add({ slug: 'central-bank', title: 'Central bank holds rates', tags: ['economy'], body: 'The bank kept rates at 3.75 per cent.' }, new Date('2024-03-01'));
  const { logger, errors } = recordingLogger();
  const analyze = vi.fn(() => fakeAnalysis({ summary: ['The ministers met.'] }));
  const library = new Library({ source, analyze, cacheKey: (i) => i.text, logger });
  const dispatcher = new Dispatcher({ commands, library, clock: systemClock, logger, services: {} });
  return { dispatcher, errors, analyze, source, library };
}

describe('Dispatcher', () => {
  it('GIVEN /briefing with a fuzzy slug THEN the card is answered', async () => {
    const { dispatcher } = await setup();
    const reply = await dispatcher.runLine('/briefing Korea Japn', { actor: member, channel });
    expect(reply.title).toBe('Korea-Japan talks');
    expect(documentText(reply)).toContain('The ministers met.');
  });

  it('GIVEN an unknown slug THEN the reply suggests the closest briefing', async () => {
    const { dispatcher } = await setup();
    const reply = await dispatcher.runLine('/briefing japan korea talks', { actor: member, channel });
    expect(reply.tone).toBe('error');
    expect(documentText(reply)).toMatch(/Did you mean korea-japan/);
  });

  it('GIVEN /briefing list THEN the newest briefing comes first, and a tag filters', async () => {
    const { dispatcher } = await setup();
    const all = await dispatcher.runLine('/briefing list', { actor: member, channel });
    const labels = all.sections[0]?.blocks[0];
    expect(labels?.kind === 'fields' && labels.fields.map((f) => f.label)).toEqual(['Central bank holds rates', 'Korea-Japan talks']);
    const tagged = documentText(await dispatcher.runLine('/briefing list diplomacy', { actor: member, channel }));
    expect(tagged).toContain('Korea-Japan talks');
    expect(tagged).not.toContain('Central bank');
  });

  it('GIVEN /briefing list 2 and no briefing tagged "2" THEN the number is the page, as on the Next button; a tag that is a number still filters', async () => {
    const { dispatcher, source } = await setup();
    for (let n = 0; n < 12; n++) source.add({ slug: `story-${n}`, title: `Story ${n}`, tags: n === 0 ? ['2024'] : [], body: `Story number ${n} text.` }, new Date(Date.UTC(2025, 0, n + 1)));
    const next = (await dispatcher.runLine('/briefing list', { actor: member, channel })).actions.find((a) => a.label.startsWith('Next'));
    expect(next?.command).toBe('/briefing list 2');
    const page2 = await dispatcher.runLine(next?.command ?? '', { actor: member, channel });
    expect(page2.tone).not.toBe('error');
    expect(page2.footer).toMatch(/^Page 2 of 2 · 14 briefings/);
    const tagged = await dispatcher.runLine('/briefing list 2024', { actor: member, channel });
    expect(tagged.footer).toMatch(/^Page 1 of 1 · 1 briefing /);
    expect(documentText(tagged)).toContain('Story 0');
  });

  it.each([
    ['/briefing list diplomacy 0', /"0" is not a valid page: pages start at 1/],
    ['/briefing list diplomacy -3', /"-3" is not a valid page: pages start at 1/],
    ['/briefing list 0', /"0" is not a valid page: pages start at 1/],
    ['/briefing list diplomacy 100001', /"100001" is not a valid page: at most 100000/],
  ])('GIVEN %s, a tag and a page out of range THEN the error says what pages are, rather than looking for a tag with the number in it', async (line, message) => {
    const { dispatcher } = await setup();
    const reply = await dispatcher.runLine(line, { actor: member, channel });
    expect(reply.tone).toBe('error');
    expect(documentText(reply)).toMatch(message);
  });

  it('GIVEN a page past the end of a list or a section THEN the reply says there is no such page, not only which one it shows', async () => {
    const { dispatcher } = await setup();
    const list = await dispatcher.runLine('/briefing list 9', { actor: member, channel });
    expect(list.footer).toMatch(/^There is no page 9: this is the only page\. Page 1 of 1/);
    const quotes = await dispatcher.runLine('/briefing korea-japan quotes 4', { actor: member, channel });
    expect(quotes.footer).toBe('There is no page 4: this is the only page.');
    expect((await dispatcher.runLine('/briefing korea-japan quotes', { actor: member, channel })).footer).toBeUndefined();
  });

  it('GIVEN a tag that really ends in a number THEN the list still filters by it', async () => {
    const { dispatcher, source } = await setup();
    source.add({ slug: 'g-0', title: 'Ground zero', tags: ['ground 0'], body: 'A story.' }, new Date('2025-01-01'));
    const reply = await dispatcher.runLine('/briefing list ground 0', { actor: member, channel });
    expect(reply.title).toBe('Briefings tagged "ground 0"');
  });

  it('GIVEN a tag of two words on more than one page THEN its Next button keeps the tag whole and opens page 2', async () => {
    const { dispatcher, source } = await setup();
    for (let n = 0; n < 12; n++) source.add({ slug: `story-${n}`, title: `Story ${n}`, tags: ['north korea'], body: `Story number ${n} text.` }, new Date(Date.UTC(2025, 0, n + 1)));
    const unquoted = await dispatcher.runLine('/briefing list north korea', { actor: member, channel });
    expect(unquoted.title).toBe('Briefings tagged "north korea"');
    const first = await dispatcher.runLine('/briefing list "north korea"', { actor: member, channel });
    const next = first.actions.find((a) => a.label.startsWith('Next'));
    const page2 = await dispatcher.runLine(next?.command ?? '', { actor: member, channel });
    expect(page2.tone).not.toBe('error');
    expect(page2.title).toBe('Briefings tagged "north korea"');
    expect(page2.footer).toMatch(/^Page 2 of 2 · 12 briefings/);
    const back = page2.actions.find((a) => a.label.includes('Previous'));
    expect((await dispatcher.runLine(back?.command ?? '', { actor: member, channel })).footer).toMatch(/^Page 1 of 2/);
  });

  it('GIVEN page 2 of a long full text THEN "Post to channel" posts page 2, the page being read, not page 1', async () => {
    const { dispatcher, source, analyze } = await setup();
    const body = Array.from({ length: 80 }, (_, k) => `Paragraph ${k} of the long report says the talks went on.`).join('\n\n');
    source.add({ slug: 'long-report', title: 'Long report', tags: [], body }, new Date('2025-01-01'));
    analyze.mockImplementation(() => fakeAnalysis({ cleanedText: body }));
    const page2 = await dispatcher.runLine('/briefing long-report full 2', { actor: member, channel });
    expect(page2.footer).toMatch(/Page 2 of/);
    const post = page2.actions.find((a) => a.label === 'Post to channel');
    const posted = await dispatcher.runLine(post?.command ?? '', { actor: member, channel });
    expect(posted.visibility).toBe('public');
    expect(posted.footer).toMatch(/Page 2 of/);
    expect(documentText(posted)).toBe(documentText({ ...page2, actions: posted.actions, visibility: 'public' }));
  });

  it('GIVEN a page past the end THEN "Post to channel" posts the page shown, not a card that tells the channel there is no such page', async () => {
    const { dispatcher, source, analyze } = await setup();
    const body = Array.from({ length: 80 }, (_, k) => `Paragraph ${k} of the long report says the talks went on.`).join('\n\n');
    source.add({ slug: 'long-report', title: 'Long report', tags: [], body }, new Date('2025-01-01'));
    analyze.mockImplementation(() => fakeAnalysis({ cleanedText: body }));
    const past = await dispatcher.runLine('/briefing long-report full 99', { actor: member, channel });
    expect(past.footer).toMatch(/^There is no page 99: this is the last, page (\d+) of \1\.$/);
    const last = Number(/page (\d+) of/.exec(past.footer ?? '')?.[1]);
    const post = past.actions.find((a) => a.label === 'Post to channel');
    expect(post?.command).toBe(`/briefing long-report full ${last} public`);
    const posted = await dispatcher.runLine(post?.command ?? '', { actor: member, channel });
    expect(posted.visibility).toBe('public');
    expect(posted.footer).toBe(`Page ${last} of ${last}`);

    const quotes = await dispatcher.runLine('/briefing korea-japan quotes 5', { actor: member, channel });
    expect(quotes.footer).toBe('There is no page 5: this is the only page.');
    expect(quotes.actions.find((a) => a.label === 'Post to channel')?.command).toBe('/briefing korea-japan quotes public');
  });

  it('GIVEN help for a family with a subcommand it does not have THEN it says so before listing the family', async () => {
    const { dispatcher } = await setup();
    for (const line of ['/briefing help nosuch', '/help digest nosuch', '/help briefing nosuch']) {
      const reply = await dispatcher.runLine(line, { actor: member, channel });
      expect(documentText(reply), line).toMatch(/"nosuch" is not one of the (briefing|digest) commands; these are/);
    }
    const known = await dispatcher.runLine('/briefing help list', { actor: member, channel });
    expect(documentText(known)).not.toMatch(/is not a/);
  });

  it('GIVEN /help with a family and subcommand, or a subcommand alone THEN just that command is explained', async () => {
    const { dispatcher } = await setup();
    const fields = (d: Awaited<ReturnType<typeof dispatcher.runLine>>) =>
      d.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'fields' ? b.fields.map((f) => f.label) : []));
    const one = await dispatcher.runLine('/help briefing list', { actor: member, channel });
    expect(one.tone).not.toBe('error');
    expect(fields(one)).toEqual(['/briefing list [<tag>] [<page>]']);
    expect(fields(await dispatcher.runLine('/help search', { actor: member, channel }))).toEqual(['/briefing search <query>']);
    // "/briefing help list" is how people ask about one /briefing command, as "/briefing help" suggests.
    const within = await dispatcher.runLine('/briefing help list', { actor: member, channel });
    expect(within.tone).not.toBe('error');
    expect(fields(within)).toEqual(['/briefing list [<tag>] [<page>]']);
    const unknown = await dispatcher.runLine('/help frobnicate', { actor: member, channel });
    expect(documentText(unknown)).toContain('"frobnicate" is not a command; these are all of them:');
    expect(fields(unknown)).toContain('/briefing search <query>');
  });

  it('GIVEN a briefing whose slug starts with "public" THEN /briefing public inquiry opens it, while "public" before another topic still posts for the channel', async () => {
    const { dispatcher, source } = await setup();
    source.add({ slug: 'public-inquiry', title: 'Public inquiry opens into the ferry fire', tags: [], body: 'The inquiry opened on Monday.' }, new Date('2025-01-01'));
    const opened = await dispatcher.runLine('/briefing public inquiry', { actor: member, channel });
    expect(opened.title).toBe('Public inquiry opens into the ferry fire');
    expect(opened.visibility).toBe('private');
    const byTitle = await dispatcher.runLine('/briefing Public inquiry opens into the ferry fire', { actor: member, channel });
    expect(byTitle.title).toBe('Public inquiry opens into the ferry fire');
    const posted = await dispatcher.runLine('/briefing public korea-japan', { actor: member, channel });
    expect(posted.title).toBe('Korea-Japan talks');
    expect(posted.visibility).toBe('public');
  });

  it('GIVEN "public" in the middle of a title THEN it is part of the topic and the card stays private', async () => {
    const { dispatcher, source } = await setup();
    source.add({ slug: 'ferry-public-inquiry', title: 'Ferry public inquiry opens', tags: [], body: 'The inquiry opened on Monday.' }, new Date('2025-01-01'));
    const opened = await dispatcher.runLine('/briefing ferry public inquiry', { actor: member, channel });
    expect(opened.title).toBe('Ferry public inquiry opens');
    expect(opened.visibility).toBe('private');
    const posted = await dispatcher.runLine('/briefing ferry public inquiry public', { actor: member, channel });
    expect(posted.visibility).toBe('public');
  });

  it.each(['#diplomacy', '<#C0DIPLO|diplomacy>'])('GIVEN the tag written %s, as the card shows it or as Slack sends a #word that names a channel THEN the list filters by that tag', async (typed) => {
    const { dispatcher } = await setup();
    const tagged = await dispatcher.runLine(`/briefing list ${typed}`, { actor: member, channel });
    expect(tagged.title).toBe('Briefings tagged "diplomacy"');
    expect(documentText(tagged)).toContain('Korea-Japan talks');
  });

  it('GIVEN /briefing search THEN the matching briefing is listed with a snippet', async () => {
    const { dispatcher } = await setup();
    const text = documentText(await dispatcher.runLine('/briefing search rates', { actor: member, channel }));
    expect(text).toContain('Central bank holds rates (central-bank)');
    expect(text).not.toContain('Korea-Japan talks');
  });

  it.each(['the', 'of the and', '"?!', '***'])('GIVEN a search for %j, only common words or punctuation THEN the reply says those are not searched, rather than that nothing matches', async (query) => {
    const { dispatcher } = await setup();
    const text = documentText(await dispatcher.runLine(`/briefing search ${query}`, { actor: member, channel }));
    expect(text).toMatch(/has no word to search for: common words such as "the" and "of", and punctuation, are left out/);
    expect(text).not.toMatch(/No briefing matches/);
  });

  it('GIVEN /help and /briefing help THEN commands are listed with their usage', async () => {
    const { dispatcher } = await setup();
    expect(documentText(await dispatcher.runLine('/help', { actor: member, channel }))).toContain('/briefing search <query>');
    const family = documentText(await dispatcher.runLine('/briefing help', { actor: member, channel }));
    expect(family).toContain('/briefing list');
    expect(family).not.toContain('/help [<command>]');
  });

  it('GIVEN /help THEN each moderator command is marked "(moderators)" once, and no other command is', async () => {
    const { dispatcher } = await setup();
    const help = documentText(await dispatcher.runLine('/help', { actor: member, channel }));
    const moderatorOnly = [...(await loadCommands()).values()].filter((c) => c.data.permission === 'moderator');
    expect(moderatorOnly.length).toBeGreaterThanOrEqual(8);
    expect(help.match(/\(moderators\)/g)?.length).toBe(moderatorOnly.length);
    expect(help).not.toMatch(/\(moderators\)\s*\(moderators\)/);
  });

  it('GIVEN a moderator-only command and a member THEN it is refused and not executed', async () => {
    const execute = vi.fn();
    const secret: Command = { data: { name: 'zap', description: 'd', permission: 'moderator', options: [] }, execute };
    const { dispatcher } = await setup([secret]);
    const reply = await dispatcher.runLine('/zap', { actor: member, channel });
    expect(documentText(reply)).toMatch(/Only moderators/);
    expect(execute).not.toHaveBeenCalled();
    await dispatcher.runLine('/zap', { actor: { ...member, isModerator: true }, channel });
    expect(execute).toHaveBeenCalledOnce();
  });

  it('GIVEN a command that throws unexpectedly THEN it is logged once and answered politely without internals', async () => {
    const boom: Command = {
      data: { name: 'boom', description: 'd', permission: 'everyone', options: [] },
      execute: async () => {
        throw new Error('database password is hunter2');
      },
    };
    const { dispatcher, errors } = await setup([boom]);
    const reply = await dispatcher.runLine('/boom', { actor: member, channel });
    expect(documentText(reply)).toMatch(/something went wrong/);
    expect(documentText(reply)).not.toContain('hunter2');
    expect(errors).toHaveLength(1);
  });

  it('GIVEN a typed error THEN its message is the reply and nothing is logged as an error', async () => {
    const refuse: Command = {
      data: { name: 'nope', description: 'd', permission: 'everyone', options: [] },
      execute: async () => {
        throw new BriefbotError('NOT_FOUND', 'Nothing here.');
      },
    };
    const { dispatcher, errors } = await setup([refuse]);
    expect(documentText(await dispatcher.runLine('/nope', { actor: member, channel }))).toBe('Nothing here.');
    expect(errors).toHaveLength(0);
  });

  it('GIVEN the same briefing twice THEN it is analysed once', async () => {
    const { dispatcher, analyze } = await setup();
    await dispatcher.runLine('/briefing korea-japan', { actor: member, channel });
    await dispatcher.runLine('/briefing korea-japan quotes', { actor: member, channel });
    expect(analyze).toHaveBeenCalledOnce();
  });

  it('GIVEN an analysis that throws THEN the card shows the text and the error is logged once', async () => {
    const { dispatcher, analyze, errors } = await setup();
    analyze.mockImplementation(() => {
      throw new Error('engine bug');
    });
    for (let i = 0; i < 2; i++) {
      const reply = await dispatcher.runLine('/briefing korea-japan', { actor: member, channel });
      expect(documentText(reply)).toContain('The ministers met in Seoul.');
    }
    expect(errors).toHaveLength(1);
  });

  it('GIVEN a rate limit THEN the refused command gets a polite answer', async () => {
    const { library } = await setup();
    const { logger } = recordingLogger();
    const dispatcher = new Dispatcher({ commands: await loadCommands(), library, clock: systemClock, logger, services: {}, allow: () => false });
    expect(documentText(await dispatcher.runLine('/help', { actor: member, channel }))).toMatch(/faster than I can answer/);
  });
});

describe('loadCommands', () => {
  it('GIVEN the commands folder THEN every file loads and keys are unique', async () => {
    const commands = await loadCommands(defaultCommandsDir());
    expect([...commands.keys()]).toEqual(expect.arrayContaining(['briefing', 'briefing list', 'briefing search', 'briefing help', 'help']));
  });

  it('GIVEN a malformed command file THEN loading fails naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cmds-'));
    await writeFile(join(dir, 'bad.js'), "export default { data: { name: 'Bad Name', description: '', options: [], permission: 'all' }, execute: 1 };");
    await expect(loadCommands(dir)).rejects.toThrow(/bad\.js does not export a valid command/);
  });
});
