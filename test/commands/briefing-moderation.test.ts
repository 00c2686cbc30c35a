import { beforeAll, describe, expect, it } from 'vitest';
import { documentText, type ReplyDocument } from '../../src/core/render/document.js';
import { Dispatcher } from '../../src/dispatch/dispatcher.js';
import { loadCommands } from '../../src/dispatch/load-commands.js';
import { Library } from '../../src/library/library.js';
import { MergedBriefingSource } from '../../src/library/merged-source.js';
import { ModerationService } from '../../src/library/moderation-service.js';
import type { Actor, Attachment, Command } from '../../src/ports/command.js';
import { silentLogger } from '../../src/ports/logger.js';
import { MemoryBriefingStore } from '../fakes/memory-briefing-store.js';
import { fakeAnalysis, MemorySource } from '../fakes/memory-library.js';

let commands: Map<string, Command>;
beforeAll(async () => {
  commands = await loadCommands();
});

const enc = (s: string) => new TextEncoder().encode(s);
const text = (d: ReplyDocument) => documentText(d);

function world(withModeration = true) {
  const store = new MemoryBriefingStore();
  const files = new MemorySource();
  files.add({ slug: 'korea-japan', title: 'Korea-Japan talks', body: 'The ministers met in Seoul.' });
  const now = new Date('2026-06-01T10:00:00Z');
  const library = new Library({ source: new MergedBriefingSource(store, files), analyze: () => fakeAnalysis(), cacheKey: (i) => i.text, logger: silentLogger, recheckMs: 60_000 });
  const disk = new Map<string, Uint8Array>([['/home/me/story.txt', enc('Bridge reopens\nThe bridge reopened on Sunday.')]]);
  const moderation = new ModerationService({
    store,
    files,
    clock: { now: () => now },
    maxBodyBytes: 5000,
    onChange: () => library.invalidate(),
    readLocalFile: async (path) => {
      const content = disk.get(path);
      if (!content) throw new Error('no such file');
      return content;
    },
  });
  const dispatcher = new Dispatcher({ commands, library, clock: { now: () => now }, logger: silentLogger, services: withModeration ? { moderation } : {} });
  const run = (line: string, actor: Partial<Actor> = {}, attachments: Attachment[] = []) =>
    dispatcher.runLine(line, {
      actor: { platform: 'discord', userId: 'D1', userName: 'dora', isModerator: true, ...actor },
      channel: { platform: 'discord', id: 'C1', scope: '900000000000000003' },
      attachments,
    });
  return { store, run, library };
}

describe('/briefing moderation commands', () => {
  it('GIVEN a Discord moderator attaching a .txt file THEN /briefing add saves it and the library shows it at once', async () => {
    const w = world();
    const reply = await w.run('/briefing add', {}, [{ name: 'ferry.txt', content: enc('Ferry fares frozen\nThe city froze fares.') }]);
    expect(reply.tone).not.toBe('error');
    expect(reply.title).toBe('Added "ferry-fares-frozen" (revision 1)');
    expect((await w.library.get('ferry-fares-frozen'))?.briefing.body).toBe('The city froze fares.');
    const open = await w.run('/briefing ferry-fares-frozen', { isModerator: false });
    expect(open.title).toBe('Ferry fares frozen');
  });

  it('GIVEN someone who is not a moderator THEN every changing command is refused, saying why, and nothing is written', async () => {
    const w = world();
    const attachment = [{ name: 'x.txt', content: enc('Title\nBody text.') }];
    for (const line of ['/briefing add', '/briefing edit korea-japan', '/briefing remove korea-japan', '/briefing restore korea-japan', '/briefing revert korea-japan 0']) {
      const reply = await w.run(line, { isModerator: false }, attachment);
      expect(reply.tone, line).toBe('error');
      expect(text(reply), line).toMatch(/Only moderators/);
    }
    expect(await w.store.version()).toBe('0');
  });

  it('GIVEN a path typed in Slack or Discord THEN it is refused (paths are for the shell), and in the shell it is read', async () => {
    const w = world();
    const slack = await w.run('/briefing add /home/me/story.txt', { platform: 'slack' });
    expect(slack.tone).toBe('error');
    expect(text(slack)).toMatch(/only works in the terminal shell/);
    const shell = await w.run('/briefing add /home/me/story.txt', { platform: 'shell', userId: 'local', userName: 'local' });
    expect(shell.title).toBe('Added "bridge-reopens" (revision 1)');
  });

  it('GIVEN edit, history, remove, restore, revert and export THEN each answers with the revision it wrote', async () => {
    const w = world();
    const edited = await w.run('/briefing edit korea-japan', {}, [{ name: 'fix.md', content: enc('---\ntitle: Korea-Japan talks resume\n---\nThe ministers met again in Tokyo.') }]);
    expect(edited.title).toBe('Saved "korea-japan" as revision 1');
    expect(text(edited)).toMatch(/title "Korea-Japan talks" → "Korea-Japan talks resume"/);
    expect((await w.run('/briefing remove korea-japan')).title).toBe('Removed "korea-japan" (revision 2)');
    expect(await w.library.get('korea-japan')).toBeUndefined();
    const hidden = await w.run('/briefing export korea-japan', { isModerator: false });
    expect(hidden.tone).toBe('error');
    expect((await w.run('/briefing restore korea-japan')).title).toBe('Restored "korea-japan" (revision 3)');
    expect((await w.run('/briefing revert korea-japan 0')).title).toBe('Reverted "korea-japan" (now revision 4)');
    const history = await w.run('/briefing history korea-japan', { isModerator: false });
    expect(text(history)).toMatch(/r4 \(current\) · revert/);
    expect(text(history)).toMatch(/r0 · add/);
    expect(history.actions).toEqual([]);
    const exported = await w.run('/briefing export korea-japan', { isModerator: false });
    expect(text(exported)).toContain('title: Korea-Japan talks\nslug: korea-japan');
  });

  it('GIVEN revisions whose text is already the current text THEN history offers no button to revert to them', async () => {
    const w = world();
    await w.run('/briefing edit korea-japan', {}, [{ name: 'fix.md', content: enc('---\ntitle: Korea-Japan talks resume\n---\nThe ministers met again in Tokyo.') }]);
    await w.run('/briefing remove korea-japan');
    await w.run('/briefing restore korea-japan');
    await w.run('/briefing revert korea-japan 0');
    // r4 (current) and r0 are the file's text; r3 and r1 are the edit; r2 is the removal.
    const history = await w.run('/briefing history korea-japan');
    expect(history.actions.map((a) => a.label)).toEqual(['Revert to r3', 'Revert to r1']);
    expect((await w.run(history.actions[0]?.command ?? '')).title).toBe('Reverted "korea-japan" (now revision 5)');
  });

  it('GIVEN an edit that says which revision it started from AND another moderator changed the briefing since THEN it is refused and the other change stays current', async () => {
    const w = world();
    const edit = (text: string) => [{ name: 'fix.md', content: enc(`---\ntitle: Korea-Japan talks\n---\n${text}`) }];
    expect((await w.run('/briefing edit korea-japan from 0', { userId: 'B', userName: 'bea' }, edit('Bea fixed a name.'))).title).toBe('Saved "korea-japan" as revision 1');
    const late = await w.run('/briefing edit korea-japan from 0', {}, edit('Dora rewrote the lead.'));
    expect(late.tone).toBe('error');
    expect(text(late)).toMatch(/changed since you started: it is at revision 1 now, by bea.*Nothing was saved/s);
    expect((await w.library.get('korea-japan'))?.briefing.body).toBe('Bea fixed a name.');
    expect((await w.run('/briefing edit korea-japan from 1', {}, edit('Dora rewrote the lead.'))).title).toBe('Saved "korea-japan" as revision 2');
  });

  it('GIVEN an edit or revert "from" a revision the briefing has not reached (a typo) THEN it says there is no such revision yet, not that someone changed it since', async () => {
    const w = world();
    const edit = [{ name: 'fix.md', content: enc('---\ntitle: Korea-Japan talks\n---\nA new lead.') }];
    const ahead = await w.run('/briefing edit korea-japan from 9', {}, edit);
    expect(ahead.tone).toBe('error');
    expect(text(ahead)).toMatch(/"korea-japan" has no revision 9 yet: it is at revision 0\. Nothing was saved/);
    expect(text(ahead)).not.toMatch(/changed since/);
    expect(text(await w.run('/briefing revert korea-japan 0 from 4'))).toMatch(/has no revision 4 yet: it is at revision 0/);
    expect((await w.run('/briefing edit korea-japan from 0', {}, edit)).title).toBe('Saved "korea-japan" as revision 1');
  });

  it('GIVEN a Revert button pressed after another moderator changed the briefing THEN it is refused instead of silently undoing that change', async () => {
    const w = world();
    const edit = (text: string) => [{ name: 'fix.md', content: enc(`---\ntitle: Korea-Japan talks\n---\n${text}`) }];
    await w.run('/briefing edit korea-japan', {}, edit('First fix.'));
    const history = await w.run('/briefing history korea-japan');
    const button = history.actions.find((a) => a.label === 'Revert to r0');
    expect(button?.command).toBe('/briefing revert korea-japan 0 from 1');
    await w.run('/briefing edit korea-japan', { userId: 'B', userName: 'bea' }, edit('Bea fixed a name.'));
    const late = await w.run(button?.command ?? '');
    expect(late.tone).toBe('error');
    expect(text(late)).toMatch(/changed since you started: it is at revision 2 now, by bea/);
    expect((await w.library.get('korea-japan'))?.briefing.body).toBe('Bea fixed a name.');
  });

  it('GIVEN a briefing removed THEN the reply says once that restore brings it back', async () => {
    const w = world();
    const removed = text(await w.run('/briefing remove korea-japan'));
    expect(removed.match(/brings it back/g)).toHaveLength(1);
  });

  it('GIVEN a briefing removed twice THEN the second says it is already removed, not to restore it before removing it', async () => {
    const w = world();
    await w.run('/briefing remove korea-japan');
    const again = await w.run('/briefing remove korea-japan');
    expect(again.tone).toBe('error');
    expect(text(again)).toMatch(/^"korea-japan" is already removed \(revision 1\)\. Nothing was changed; \/briefing restore korea-japan brings it back\./);
  });

  it('GIVEN a removed briefing THEN its history offers a moderator Restore instead of revert buttons (revert is refused until it is restored), and says so to everyone', async () => {
    const w = world();
    await w.run('/briefing edit korea-japan', {}, [{ name: 'fix.md', content: enc('---\ntitle: Korea-Japan talks resume\n---\nThe ministers met again in Tokyo.') }]);
    await w.run('/briefing remove korea-japan');
    const history = await w.run('/briefing history korea-japan');
    expect(history.actions.map((a) => a.label)).toEqual(['Restore']);
    expect(history.actions[0]?.command).toBe('/briefing restore korea-japan');
    expect(history.footer).toContain('removed');
    expect(history.footer).not.toContain('/briefing revert');
    const reader = await w.run('/briefing history korea-japan', { isModerator: false });
    expect(reader.actions).toEqual([]);
    expect(reader.footer).toContain('removed');
    expect((await w.run(history.actions[0]?.command ?? '')).title).toBe('Restored "korea-japan" (revision 3)');
    expect((await w.run('/briefing history korea-japan')).actions.map((a) => a.label)).toEqual(['Revert to r0']);
  });

  it('GIVEN more revisions than one page shows THEN history pages back to revision 0 with Previous and Next', async () => {
    const w = world();
    for (let k = 0; k < 15; k++) {
      await w.run('/briefing remove korea-japan');
      await w.run('/briefing restore korea-japan');
    }
    const first = await w.run('/briefing history korea-japan', { isModerator: false });
    expect(text(first)).toMatch(/r30 \(current\) · restore/);
    expect(text(first)).not.toMatch(/r0 · add/);
    expect(first.footer).toMatch(/^31 revisions · page 1 of 2/);
    const next = first.actions.find((a) => a.label.startsWith('Next'));
    expect(next?.command).toBe('/briefing history korea-japan 2');
    const second = await w.run(next?.command ?? '', { isModerator: false });
    expect(text(second)).toMatch(/r0 · add/);
    expect((await w.run('/briefing history korea-japan 7', { isModerator: false })).footer).toMatch(/^31 revisions · There is no page 7: this is the last, page 2 of 2\./);
    expect(text(second)).not.toMatch(/r30/);
    expect(second.actions.map((a) => a.label)).toEqual(['◀ Previous']);
  });

  it('GIVEN export to a path from Slack THEN it is refused: only the shell writes files', async () => {
    const w = world();
    const reply = await w.run('/briefing export korea-japan to /tmp/x.md', { platform: 'slack' });
    expect(reply.tone).toBe('error');
    expect(text(reply)).toMatch(/only works in the terminal shell/);
  });

  it('GIVEN add without a file THEN the reply says how to give one, per platform', async () => {
    const w = world();
    expect(text(await w.run('/briefing add'))).toMatch(/Attach a \.md or \.txt file/);
    expect(text(await w.run('/briefing add', { platform: 'shell' }))).toMatch(/\/briefing add <path>/);
  });

  it('GIVEN a deployment without a store THEN the commands say the feature is unavailable', async () => {
    const w = world(false);
    const reply = await w.run('/briefing remove korea-japan');
    expect(reply.tone).toBe('error');
    expect(text(reply)).toMatch(/not available here/);
  });
});

describe('slugs that are command words', () => {
  it.each(['list', 'help', 'search', 'history', 'digest'])('GIVEN a briefing whose slug would be "%s" THEN adding it is refused: /briefing followed by that word runs a command, never the briefing', async (slug) => {
    const w = world();
    const reply = await w.run('/briefing add', {}, [{ name: `${slug}.md`, content: enc(`---\ntitle: A story\nslug: ${slug}\n---\nThe text of the story.`) }]);
    expect(reply.tone).toBe('error');
    expect(text(reply)).toContain(`"${slug}" is a command word (/briefing ${slug} runs that command); choose another slug`);
    expect(await w.store.version()).toBe('0');
  });

  it('GIVEN every /briefing subcommand and every command family THEN each name is refused as a slug', async () => {
    const { slugProblem } = await import('../../src/core/briefing/slug.js');
    const words = [...commands.values()].flatMap((c) => (c.data.name === 'briefing' ? (c.data.subcommand ? [c.data.subcommand] : []) : [c.data.name]));
    expect(words.length).toBeGreaterThan(10);
    for (const word of new Set(words)) expect(slugProblem(word), word).toMatch(/command word/);
  });
});

describe('/briefing commands that take an exact slug', () => {
  it.each(['/briefing history korea-japn', '/briefing remove korea-japn', '/briefing export korea-japn', '/briefing revert korea-japn 0', '/briefing restore koreajapan'])(
    'GIVEN a near-miss slug in "%s" THEN the refusal names the closest briefing, and nothing changes',
    async (line) => {
      const w = world();
      const reply = await w.run(line);
      expect(reply.tone).toBe('error');
      expect(text(reply)).toMatch(/^There is no briefing "korea-?japa?n"\. Did you mean korea-japan\?/);
      expect(await w.store.version()).toBe('0');
    },
  );

  it('GIVEN a slug like no briefing THEN the refusal points to the list, as before', async () => {
    const reply = await world().run('/briefing history zzzz-qqqq');
    expect(text(reply)).toMatch(/^There is no briefing "zzzz-qqqq"\. Try \/briefing list/);
  });
});
