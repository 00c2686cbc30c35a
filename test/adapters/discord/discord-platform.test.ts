import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedsLength } from '../../../src/adapters/discord/to-discord-message.js';
import { textReply } from '../../../src/core/render/document.js';
import type { Command } from '../../../src/ports/command.js';
import { ChannelGoneError } from '../../../src/ports/delivery-errors.js';
import { fakeAnalysis } from '../../fakes/memory-library.js';
import { selectMenuInteraction, userCommandInteraction } from '../../fakes/discord-interactions.js';
import { MANAGE_GUILD, type RecordedRequest } from '../../fakes/fake-discord.js';
import { type DiscordTestApp, MOD_ROLE, startDiscordTestApp } from './discord-test-app.js';

const alice = { id: '800000000000000001', username: 'alice' };
const bob = { id: '800000000000000002', username: 'bob' };
const carol = { id: '800000000000000003', username: 'carol' };

/** Half of a UTF-16 pair on its own: not representable in UTF-8, so Discord refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const EPHEMERAL = 64;
const CALLBACK = { reply: 4, deferredReply: 5, deferredUpdate: 6, update: 7, autocomplete: 8, modal: 9 } as const;

const quotes = [
  { text: 'We will not give up on dialogue', speaker: 'Minister Park', confidence: 0.9, cue: 'said-after', key: true, sentence: 0 },
  { text: 'The door remains open', speaker: 'Minister Kishida', confidence: 0.9, cue: 'said-after', key: true, sentence: 1 },
];
const issues = [{ topic: 'fishing quotas', stance: 'disagreement' as const, positions: [{ party: 'Norway', position: 'wants lower quotas' }], sentences: [0] }];

describe('Discord end to end, against the fake Discord on loopback', () => {
  let app: DiscordTestApp;
  beforeAll(async () => {
    app = await startDiscordTestApp({
      briefings: [
        { slug: 'fisheries-talks', title: 'Fisheries talks stall', url: 'https://news.example/fish', source: 'Example News', body: 'Talks stalled. Both sides left.' },
        { slug: 'budget-vote', title: 'Budget vote delayed', body: 'The vote was delayed.' },
        { slug: 'mention-trap', title: 'Party @everyone', body: 'Text.' },
        // The emoji straddles the 99th and 100th UTF-16 units of the autocomplete choice's name.
        { slug: 'emoji-edge', title: `Zz ${'x'.repeat(95)}🎉 party`, body: 'Text.' },
        { slug: 'tag-rich', title: 'Tag rich', tags: Array.from({ length: 40 }, (_, k) => `regional-policy-${k}`), body: 'Many tags.' },
      ],
      analysis: (title) =>
        title.startsWith('Party')
          ? fakeAnalysis({ summary: ['Ping @everyone and <@&123456789012345678> now, see [docs](https://evil.example) **bold**.'] })
          : fakeAnalysis({ summary: ['Talks stalled over quotas.'], quotes, issues }),
    });
  });
  afterAll(async () => app?.stop());

  const callbackOf = async (i: { id: string; token: string }): Promise<RecordedRequest> =>
    app.fake.waitFor(() => app.fake.answersTo(i).find((r) => r.path.endsWith('/callback')));

  it('GIVEN the gateway handshake THEN the client identifies with the Guilds intent only and without compression', () => {
    expect(app.platform.isReady()).toBe(true);
    const identify = app.fake.identified[0];
    expect(identify.intents).toBe(1);
    expect(identify.compress).toBe(false);
  });

  it('GIVEN /briefing topic:fisheries-talks THEN the private reply is an embed card with the summary, quotes with speakers, issues and buttons', async () => {
    const i = app.fake.slashCommand('briefing', [{ type: 3, name: 'topic', value: 'fisheries-talks' }], alice);
    const cb = await callbackOf(i);
    expect(cb.body.type).toBe(CALLBACK.reply);
    const data = cb.body.data;
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const [embed] = data.embeds;
    expect(embed.title).toBe('Fisheries talks stall');
    expect(embed.url).toBe('https://news.example/fish');
    expect(embed.description).toContain('Talks stalled over quotas.');
    expect(embed.description).toContain('We will not give up on dialogue');
    expect(embed.description).toContain('Minister Park');
    expect(embed.fields[0].name).toContain('Fishing quotas');
    expect(embed.fields[0].value).toContain('Norway: wants lower quotas');
    const ids = data.components.flatMap((r: any) => r.components.map((c: any) => c.custom_id));
    expect(ids).toContain('l:briefing fisheries-talks quotes');
    expect(ids).toContain('l:briefing fisheries-talks public');
  });

  it('GIVEN public:true THEN the card is posted for the channel (not ephemeral)', async () => {
    const i = app.fake.slashCommand('briefing', [{ type: 3, name: 'topic', value: 'fisheries-talks' }, { type: 5, name: 'public', value: true }], alice);
    const cb = await callbackOf(i);
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(cb.body.data.embeds[0].title).toBe('Fisheries talks stall');
  });

  it('GIVEN a partly typed topic THEN autocomplete offers the matching briefings by slug', async () => {
    const i = app.fake.autocomplete('briefing', [{ type: 3, name: 'topic', value: 'budg', focused: true }], alice);
    const cb = await callbackOf(i);
    expect(cb.body.type).toBe(CALLBACK.autocomplete);
    expect(cb.body.data.choices[0]).toEqual({ name: 'Budget vote delayed (budget-vote)', value: 'budget-vote' });
    expect(cb.body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('GIVEN a removed briefing THEN restore autocompletes it for moderators (the library hides it), and offers members nothing', async () => {
    await app.moderation.remove('mention-trap', { platform: 'discord', userId: alice.id, userName: 'alice', isModerator: true });
    const typed = (user: typeof alice, member: object) => callbackOf(app.fake.autocomplete('briefing-admin', [{ type: 1, name: 'restore', options: [{ type: 3, name: 'slug', value: 'party', focused: true }] }], user, member));
    const mod = await typed(alice, { permissions: MANAGE_GUILD });
    expect(mod.body.data.choices).toEqual([{ name: 'Party @everyone (mention-trap)', value: 'mention-trap' }]);
    expect((await typed(bob, {})).body.data.choices).toEqual([]);
    await app.moderation.restore('mention-trap', { platform: 'discord', userId: alice.id, userName: 'alice', isModerator: true });
  });

  it('GIVEN a title whose emoji falls where a choice name is cut THEN the choice is cut before the emoji, never through it (Discord refuses half a character)', async () => {
    const i = app.fake.autocomplete('briefing', [{ type: 3, name: 'topic', value: 'zz', focused: true }], alice);
    const cb = await callbackOf(i);
    const choice = cb.body.data.choices.find((c: { value: string }) => c.value === 'emoji-edge');
    expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choice.name).not.toMatch(LONE_SURROGATE);
    expect(choice.name).toBe(`Zz ${'x'.repeat(95)}…`);
  });

  it('GIVEN the asker presses Quotes on their private card THEN the message is updated in place with the quotes', async () => {
    const i = app.fake.pressButton('l:briefing fisheries-talks quotes', { embeds: [], components: [], ephemeral: true, asker: alice }, alice);
    const cb = await callbackOf(i);
    expect(cb.body.type).toBe(CALLBACK.update);
    expect(cb.body.data.embeds[0].description).toContain('**Quotes**');
    expect(cb.body.data.embeds[0].description).toContain('The door remains open');
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN the asker presses "Post to channel" THEN the card is posted publicly as a new message', async () => {
    const i = app.fake.pressButton('l:briefing fisheries-talks public', { embeds: [], components: [], ephemeral: true, asker: alice }, alice);
    const cb = await callbackOf(i);
    expect(cb.body.type).toBe(CALLBACK.reply);
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(cb.body.data.embeds[0].title).toBe('Fisheries talks stall');
  });

  it("GIVEN someone else presses a button of an ephemeral reply THEN they get a polite private refusal and the card is untouched", async () => {
    const i = app.fake.pressButton('l:briefing fisheries-talks quotes', { embeds: [], components: [], ephemeral: true, asker: alice }, bob);
    const cb = await callbackOf(i);
    expect(cb.body.type).toBe(CALLBACK.reply);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.embeds[0].description).toContain('Only the person who asked');
  });

  it('GIVEN someone else presses a button of a public card THEN the answer comes privately and the shared card is not updated', async () => {
    const i = app.fake.pressButton('l:briefing fisheries-talks quotes', { embeds: [], components: [], ephemeral: false, asker: alice }, bob);
    const cb = await callbackOf(i);
    expect(cb.body.type).toBe(CALLBACK.reply);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.embeds[0].description).toContain('The door remains open');
  });

  it('GIVEN an interaction briefbot has no handler for (a stale select menu, a context-menu command) THEN it is answered privately saying so, instead of Discord showing "This interaction failed"', async () => {
    const select = await callbackOf(app.fake.sendInteraction((ctx, botId) => selectMenuInteraction(ctx, botId, bob, 'old-menu', ['korea'])));
    expect(select.body.type).toBe(CALLBACK.reply);
    expect(select.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(select.body.data.embeds[0].description).toMatch(/menu no longer works.*\/briefing/s);
    const menu = await callbackOf(app.fake.sendInteraction((ctx) => userCommandInteraction(ctx, bob, 'Briefings by', alice)));
    expect(menu.body.type).toBe(CALLBACK.reply);
    expect(menu.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(menu.body.data.embeds[0].description).toMatch(/does not know the command "Briefings by".*\/help/s);
  });

  it('GIVEN a briefing whose text says @everyone, mentions a role and masks a link THEN nobody is pinged and nothing is forged', async () => {
    const i = app.fake.slashCommand('briefing', [{ type: 3, name: 'topic', value: 'mention-trap' }, { type: 5, name: 'public', value: true }], alice);
    const cb = await callbackOf(i);
    const data = cb.body.data;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(data.embeds);
    expect(text).not.toMatch(/@everyone/);
    expect(text).not.toContain('<@&123456789012345678>');
    expect(text).not.toContain('[docs](https://evil.example)');
    expect(data.embeds[0].description).toContain('\\*\\*bold\\*\\*');
  });

  it('GIVEN /briefings export of a briefing longer than an embed THEN the card is shortened and the whole Markdown file comes attached', async () => {
    const long = Array.from({ length: 300 }, (_, k) => `Paragraph ${k} of the budget story, with *stars* and _underscores_.`).join('\n\n');
    app.files.add({ slug: 'long-budget', title: 'Long budget story', body: long });
    const i = app.fake.slashCommand('briefings', [{ type: 1, name: 'export', options: [{ type: 3, name: 'slug', value: 'long-budget' }] }], alice);
    expect((await callbackOf(i)).body.type).toBe(CALLBACK.deferredReply);
    const edit = await app.fake.waitFor(() => app.fake.answersTo(i).find((r) => r.method === 'PATCH'));
    const cb = { body: { data: edit.body }, raw: edit.raw };
    expect(cb.body.data.embeds[0].footer.text).toContain('attached file');
    expect(cb.body.data.attachments).toHaveLength(1);
    expect(cb.raw).toContain('filename="long-budget.md"');
    expect(cb.raw).toContain('Paragraph 299 of the budget story, with *stars* and _underscores_.');
    expect(cb.raw).toContain('title: Long budget story');
  });

  it('GIVEN /briefings list THEN the list subcommand answers with the briefings', async () => {
    const i = app.fake.slashCommand('briefings', [{ type: 1, name: 'list', options: [] }], alice);
    const cb = await callbackOf(i);
    const names = cb.body.data.embeds[0].fields.map((f: any) => f.name);
    expect(names).toEqual(expect.arrayContaining(['Fisheries talks stall', 'Budget vote delayed']));
  });

  it.each([
    ['briefing-admin', '/briefing-admin add'],
    ['briefings list', '/briefings list'],
    ['/briefing-admin remove', '/briefing-admin remove'],
  ])('GIVEN /help command:%s, a name as Discord shows it THEN help explains that command, not "is not a command"', async (typed, usage) => {
    const i = app.fake.slashCommand('help', [{ type: 3, name: 'command', value: typed }], alice);
    const cb = await callbackOf(i);
    const embed = cb.body.data.embeds[0];
    expect(embed.description ?? '').not.toContain('is not a command');
    // A group name ("briefing-admin") shows its family, in Discord's spelling.
    const names: string[] = embed.fields.map((f: any) => f.name as string);
    expect(names.some((n) => n.startsWith(usage))).toBe(true);
    expect(names.every((n) => n.startsWith('/briefing'))).toBe(true);
  });

  it('GIVEN a moderator runs /briefing-admin add, fills the form and confirms THEN the briefing is saved through the moderation service', async () => {
    const i = app.fake.slashCommand('briefing-admin', [{ type: 1, name: 'add', options: [] }], alice, { permissions: MANAGE_GUILD });
    const modal = await callbackOf(i);
    expect(modal.body.type).toBe(CALLBACK.modal);
    const formId = modal.body.data.custom_id as string;
    expect(formId.length).toBeLessThanOrEqual(100);

    const s = app.fake.submitModal(formId, { title: 'Harbour strike ends', slug: 'harbour-strike', tags: 'labour, ports', text: 'The strike ended on Monday. Workers returned.' }, alice, { permissions: MANAGE_GUILD });
    const preview = await callbackOf(s);
    expect(preview.body.type).toBe(CALLBACK.reply);
    expect(preview.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(preview.body.data.embeds[0].title).toBe('Preview: Harbour strike ends');
    expect(await app.library.get('harbour-strike')).toBeUndefined();
    const confirmId = preview.body.data.components[0].components[0].custom_id as string;

    const c = app.fake.pressButton(confirmId, { embeds: [], components: [], ephemeral: true, asker: alice }, alice, { permissions: MANAGE_GUILD });
    const ack = await callbackOf(c);
    expect(ack.body.type).toBe(CALLBACK.deferredUpdate);
    const edit = await app.fake.waitFor(() => app.fake.answersTo(c).find((r) => r.method === 'PATCH'));
    expect(edit.body.embeds[0].description).not.toContain('Preview');
    const ids = edit.body.components.flatMap((r: any) => r.components.map((b: any) => b.custom_id));
    expect(ids).toContain('l:briefing harbour-strike');
    expect(ids.some((id: string) => id.startsWith('m:ok:'))).toBe(false);
    const saved = await app.library.get('harbour-strike');
    expect(saved?.briefing.title).toBe('Harbour strike ends');
    expect(saved?.briefing.tags).toEqual(['labour', 'ports']);
  });

  it('GIVEN a member with the configured moderator role THEN they get the form too', async () => {
    const i = app.fake.slashCommand('briefing-admin', [{ type: 1, name: 'add', options: [] }], bob, { roles: [MOD_ROLE] });
    expect((await callbackOf(i)).body.type).toBe(CALLBACK.modal);
  });

  it('GIVEN a member without Manage Server or the role runs /briefing-admin add THEN they are refused privately and no form opens', async () => {
    const i = app.fake.slashCommand('briefing-admin', [{ type: 1, name: 'add', options: [] }], bob, { permissions: '0' });
    const cb = await callbackOf(i);
    expect(cb.body.type).toBe(CALLBACK.reply);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.embeds[0].description).toContain('Only moderators');
  });

  it('GIVEN a non-moderator runs /briefing-admin remove THEN the dispatcher refuses and the briefing stays', async () => {
    const i = app.fake.slashCommand('briefing-admin', [{ type: 1, name: 'remove', options: [{ type: 3, name: 'slug', value: 'budget-vote' }] }], bob, { permissions: '0' });
    const cb = await callbackOf(i);
    expect(cb.body.data.embeds[0].description).toContain('Only moderators');
    expect(await app.library.get('budget-vote')).toBeDefined();
  });

  it('GIVEN a moderator edits a briefing THEN the form comes prefilled, and Confirm saves the new text keeping the slug and source', async () => {
    const i = app.fake.slashCommand('briefing-admin', [{ type: 1, name: 'edit', options: [{ type: 3, name: 'slug', value: 'fisheries-talks' }] }], alice, { permissions: MANAGE_GUILD });
    const modal = await callbackOf(i);
    expect(modal.body.type).toBe(CALLBACK.modal);
    const inputs = modal.body.data.components.map((c: any) => c.component);
    expect(inputs.map((c: any) => c.custom_id)).toEqual(['title', 'tags', 'text']);
    expect(inputs.find((c: any) => c.custom_id === 'text').value).toBe('Talks stalled. Both sides left.');

    const s = app.fake.submitModal(modal.body.data.custom_id, { title: 'Fisheries talks resume', tags: 'fishing', text: 'Talks resumed on Friday.' }, alice, { permissions: MANAGE_GUILD });
    const preview = await callbackOf(s);
    const c = app.fake.pressButton(preview.body.data.components[0].components[0].custom_id, { embeds: [], components: [], ephemeral: true, asker: alice }, alice, { permissions: MANAGE_GUILD });
    await app.fake.waitFor(() => app.fake.answersTo(c).find((r) => r.method === 'PATCH'));
    const saved = (await app.library.get('fisheries-talks'))?.briefing;
    expect(saved?.title).toBe('Fisheries talks resume');
    expect(saved?.body).toBe('Talks resumed on Friday.');
    expect(saved?.source).toBe('Example News');
  });

  it('GIVEN two moderators edit one briefing AND the second saves first THEN the first one\'s Confirm is refused instead of silently replacing the change they never saw', async () => {
    const open = (user: typeof alice) => callbackOf(app.fake.slashCommand('briefing-admin', [{ type: 1, name: 'edit', options: [{ type: 3, name: 'slug', value: 'budget-vote' }] }], user, { permissions: MANAGE_GUILD }));
    const confirm = async (user: typeof alice, modalId: string, text: string) => {
      const preview = await callbackOf(app.fake.submitModal(modalId, { title: 'Budget vote delayed', tags: '', text }, user, { permissions: MANAGE_GUILD }));
      const c = app.fake.pressButton(preview.body.data.components[0].components[0].custom_id, { embeds: [], components: [], ephemeral: true, asker: user }, user, { permissions: MANAGE_GUILD });
      return app.fake.waitFor(() => app.fake.answersTo(c).find((r) => r.method === 'PATCH'));
    };
    const aliceForm = await open(alice);
    const bobForm = await open(bob);
    await confirm(bob, bobForm.body.data.custom_id, 'The vote was delayed to March.');
    const refused = await confirm(alice, aliceForm.body.data.custom_id, 'The vote was delayed again.');
    expect(JSON.stringify(refused?.body)).toMatch(/changed since you started: it is at revision 1 now, by bob/);
    expect((await app.library.get('budget-vote'))?.briefing.body).toBe('The vote was delayed to March.');
  });

  it('GIVEN a moderator edits a mistyped slug THEN no form opens and the answer names the closest briefing, as every other command does', async () => {
    const i = app.fake.slashCommand('briefing-admin', [{ type: 1, name: 'edit', options: [{ type: 3, name: 'slug', value: 'fisheries-talk' }] }], alice, { permissions: MANAGE_GUILD });
    const cb = await callbackOf(i);
    expect(cb.body.type).toBe(CALLBACK.reply);
    expect(cb.body.data.embeds[0].description).toMatch(/There is no briefing "fisheries-talk"\. Did you mean fisheries-talks/);
  });

  it('GIVEN a briefing with many tags THEN the edit form holds all of them, so saving it unchanged loses none', async () => {
    const i = app.fake.slashCommand('briefing-admin', [{ type: 1, name: 'edit', options: [{ type: 3, name: 'slug', value: 'tag-rich' }] }], alice, { permissions: MANAGE_GUILD });
    const modal = await callbackOf(i);
    const tags = modal.body.data.components.map((c: any) => c.component).find((c: any) => c.custom_id === 'tags');
    const all = Array.from({ length: 40 }, (_, k) => `regional-policy-${k}`).join(', ');
    expect(tags.value).toBe(all);
    expect(tags.max_length).toBeGreaterThanOrEqual(all.length);
  });

  it('GIVEN a moderator names a channel of another server the bot is in THEN no digest is subscribed there; a channel of their own server works', async () => {
    const subscribe = (channel: string) =>
      callbackOf(
        app.fake.slashCommand(
          'digest-admin',
          [{ type: 1, name: 'subscribe', options: [{ type: 3, name: 'channel', value: channel }, { type: 3, name: 'at', value: '08:00' }] }],
          alice,
          { permissions: MANAGE_GUILD },
        ),
      );
    const foreign = await subscribe(`<#${app.fake.foreignChannelId}>`);
    expect(foreign.body.data.embeds[0].description).toMatch(/not one of this server's.*Nothing was changed/s);
    expect(await app.digestStore.listSubscriptions()).toEqual([]);
    const unknown = await subscribe('900000000000000999');
    expect(unknown.body.data.embeds[0].description).toMatch(/not one of this server's/);
    const sibling = await subscribe(`<#${app.fake.siblingChannelId}>`);
    expect(sibling.body.data.embeds[0].description ?? '').not.toMatch(/not one of this server's/);
    expect((await app.digestStore.listSubscriptions()).map((s) => s.channelId)).toEqual([app.fake.siblingChannelId]);
  });

  it("GIVEN digests in two servers the bot is in THEN /digest list and status in each show only that server's channels, times and moderators", async () => {
    const admin = (user: typeof alice, foreign: boolean, sub: string, options: unknown[] = []) => {
      const payload = [{ type: 1, name: sub, options }];
      return callbackOf(foreign ? app.fake.slashCommandInForeignServer('digest-admin', payload, user, { permissions: MANAGE_GUILD }) : app.fake.slashCommand('digest-admin', payload, user, { permissions: MANAGE_GUILD }));
    };
    const read = async (foreign: boolean, sub: 'list' | 'status') => {
      const payload = [{ type: 1, name: sub }];
      const cb = await callbackOf(foreign ? app.fake.slashCommandInForeignServer('digest', payload, carol) : app.fake.slashCommand('digest', payload, carol));
      return JSON.stringify(cb.body.data);
    };
    expect(JSON.stringify((await admin(alice, false, 'subscribe', [{ type: 3, name: 'at', value: '06:10' }])).body.data)).not.toMatch(/not one of this server's/);
    expect(JSON.stringify((await admin(bob, true, 'subscribe', [{ type: 3, name: 'at', value: '21:50' }])).body.data)).not.toMatch(/not one of this server's/);
    const scopes = (await app.digestStore.listSubscriptions()).map((s) => [s.channelId, s.scope]);
    expect(scopes).toContainEqual([app.fake.channelId, app.fake.guildId]);
    expect(scopes).toContainEqual([app.fake.foreignChannelId, app.fake.foreignGuildId]);
    for (const sub of ['list', 'status'] as const) {
      const foreign = await read(true, sub);
      expect(foreign, sub).toContain(app.fake.foreignChannelId);
      expect(foreign, sub).toContain('21:50');
      expect(foreign, sub).not.toContain(app.fake.channelId);
      expect(foreign, sub).not.toContain('06:10');
      expect(foreign, sub).not.toContain('alice');
      const home = await read(false, sub);
      expect(home, sub).toContain(app.fake.channelId);
      expect(home, sub).toContain('06:10');
      expect(home, sub).not.toContain(app.fake.foreignChannelId);
      expect(home, sub).not.toContain('21:50');
      expect(home, sub).not.toContain('bob');
    }
    // Stopping from the other server changes nothing here; each server stops its own.
    expect(JSON.stringify((await admin(bob, true, 'unsubscribe')).body.data)).toMatch(/no longer gets a digest/);
    expect((await app.digestStore.listSubscriptions()).map((s) => s.channelId)).toContain(app.fake.channelId);
    expect((await app.digestStore.listSubscriptions()).map((s) => s.channelId)).not.toContain(app.fake.foreignChannelId);
  });

  it('GIVEN a digest in this server THEN /digest list and status link its channel as Discord does (<#id>), so members see its name, not a raw id', async () => {
    await callbackOf(app.fake.slashCommand('digest-admin', [{ type: 1, name: 'subscribe', options: [{ type: 3, name: 'at', value: '07:45' }] }], alice, { permissions: MANAGE_GUILD }));
    for (const sub of ['list', 'status']) {
      const embeds = (await callbackOf(app.fake.slashCommand('digest', [{ type: 1, name: sub }], carol))).body.data.embeds as any[];
      const text = JSON.stringify(embeds);
      // Discord shows mentions in descriptions and field values, never in titles or field names.
      const linked = embeds.some((e) => (e.description ?? '').includes(`<#${app.fake.channelId}>`) || (e.fields ?? []).some((f: any) => f.value.includes(`<#${app.fake.channelId}>`)));
      expect(linked, sub).toBe(true);
      expect(text, sub).not.toContain(`channel ${app.fake.channelId}`);
    }
    await callbackOf(app.fake.slashCommand('digest-admin', [{ type: 1, name: 'unsubscribe' }], alice, { permissions: MANAGE_GUILD }));
  });

  it('GIVEN more digests in a server than one embed has fields for THEN /digest list pages through them, so every channel can be seen', async () => {
    const ids = Array.from({ length: 30 }, (_, k) => `91000000000000${String(k).padStart(4, '0')}`);
    for (const channelId of ids) {
      await app.digestStore.upsertSubscription(
        { platform: 'discord', channelId, scope: app.fake.guildId, minuteOfDay: 480, timeZone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6], tags: [], style: 'compact', noteWhenEmpty: false, createdBy: 'alice', createdById: alice.id },
        new Date(),
      );
    }
    const seen = new Set<string>();
    const first = (await callbackOf(app.fake.slashCommand('digest', [{ type: 1, name: 'list' }], carol))).body.data;
    const text = (data: any) => JSON.stringify(data.embeds);
    for (const id of ids) if (text(first).includes(id)) seen.add(id);
    expect(text(first)).not.toMatch(/and \d+ more/);
    const next = first.components.flatMap((r: any) => r.components).find((c: any) => /Next/.test(c.label));
    expect(next?.custom_id).toBe('l:digest list 2');
    const second = await callbackOf(app.fake.pressButton(next.custom_id, { embeds: first.embeds, components: first.components, ephemeral: true, asker: carol }, carol));
    for (const id of ids) if (text(second.body.data).includes(id)) seen.add(id);
    expect([...seen].sort()).toEqual(ids);
    for (const id of ids) await app.digestStore.removeSubscription({ platform: 'discord', scope: app.fake.guildId }, id, { platform: 'discord', userId: alice.id, userName: 'alice' }, new Date());
  });

  it('GIVEN more digests in a server than one message shows THEN /digest status pages through them with Previous and Next, nothing shortened or sent as a file', async () => {
    const ids = Array.from({ length: 30 }, (_, k) => `92000000000000${String(k).padStart(4, '0')}`);
    for (const channelId of ids) {
      await app.digestStore.upsertSubscription(
        { platform: 'discord', channelId, scope: app.fake.guildId, minuteOfDay: 480, timeZone: 'Europe/London', days: [1, 2, 3, 4, 5], tags: ['diplomacy', 'fisheries'], style: 'full', noteWhenEmpty: true, createdBy: 'alice', createdById: alice.id },
        new Date(),
      );
    }
    const seen = new Set<string>();
    const pressed: string[] = [];
    let answer = await callbackOf(app.fake.slashCommand('digest', [{ type: 1, name: 'status' }], carol));
    for (let page = 1; page <= 10; page++) {
      const data = answer.body.data;
      const text = JSON.stringify(data.embeds);
      expect(text).not.toMatch(/Shortened to fit Discord/);
      expect(data.attachments ?? []).toEqual([]);
      expect(embedsLength(data.embeds)).toBeLessThanOrEqual(6000);
      for (const id of ids) if (text.includes(`<#${id}>`)) seen.add(id);
      const next = data.components.flatMap((r: any) => r.components).find((c: any) => /Next/.test(c.label));
      if (!next) break;
      pressed.push(next.custom_id);
      answer = await callbackOf(app.fake.pressButton(next.custom_id, { embeds: data.embeds, components: data.components, ephemeral: true, asker: carol }, carol));
    }
    expect(pressed[0]).toBe('l:digest status 2');
    expect([...seen].sort()).toEqual(ids);
    for (const id of ids) await app.digestStore.removeSubscription({ platform: 'discord', scope: app.fake.guildId }, id, { platform: 'discord', userId: alice.id, userName: 'alice' }, new Date());
  });

  it('GIVEN a time-zone option being typed THEN autocomplete offers matching IANA zones', async () => {
    const i = app.fake.autocomplete('digest-admin', [{ type: 1, name: 'subscribe', options: [{ type: 3, name: 'tz', value: 'seoul', focused: true }] }], alice);
    const cb = await callbackOf(i);
    expect(cb.body.data.choices).toContainEqual({ name: 'Asia/Seoul', value: 'Asia/Seoul' });
  });

  it.each([
    ['utc', 'UTC'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['europe/kyiv', 'Europe/Kyiv'],
  ])('GIVEN %s typed in the time-zone option THEN autocomplete offers %s, which subscribe accepts', async (typed, zone) => {
    const i = app.fake.autocomplete('digest-admin', [{ type: 1, name: 'subscribe', options: [{ type: 3, name: 'tz', value: typed, focused: true }] }], alice);
    const cb = await callbackOf(i);
    expect(cb.body.data.choices[0]).toEqual({ name: zone, value: zone });
  });

  it('GIVEN a moderator attaches a .md file THEN a preview comes first, and Confirm saves it', async () => {
    const file = app.fake.serveFile('ferry.md', '---\ntitle: Ferry route reopens\nslug: ferry-route\ntags: [transport]\n---\n\nThe ferry route reopened today.\n');
    const resolved = { attachments: { '700000000000000001': { id: '700000000000000001', filename: 'ferry.md', size: file.size, url: file.url, proxy_url: file.url, content_type: 'text/markdown' } } };
    const i = app.fake.slashCommand('briefing-admin', [{ type: 1, name: 'add', options: [{ type: 11, name: 'file', value: '700000000000000001' }] }], alice, { permissions: MANAGE_GUILD }, resolved);
    const ack = await callbackOf(i);
    expect(ack.body.type).toBe(CALLBACK.deferredReply);
    const preview = await app.fake.waitFor(() => app.fake.answersTo(i).find((r) => r.method === 'PATCH'));
    expect(preview.body.embeds[0].title).toBe('Preview: Ferry route reopens');
    const confirmId = preview.body.components[0].components[0].custom_id as string;
    const c = app.fake.pressButton(confirmId, { embeds: [], components: [], ephemeral: true, asker: alice }, alice, { permissions: MANAGE_GUILD });
    await app.fake.waitFor(() => app.fake.answersTo(c).find((r) => r.method === 'PATCH'));
    expect((await app.library.get('ferry-route'))?.briefing.body).toBe('The ferry route reopened today.');
  });

  it('GIVEN Discord answers a channel post with 429 and Retry-After THEN discord.js waits it out and the digest is delivered once', async () => {
    app.fake.rateLimitNext(`/channels/${app.fake.channelId}/messages`, 0.6);
    const before = app.fake.requests.length;
    await app.platform.post(app.fake.channelId, { title: 'Morning digest', sections: [{ blocks: [{ kind: 'text', text: 'Two stories today.' }] }], actions: [], visibility: 'public' });
    const posts = app.fake.requests.slice(before).filter((r) => r.path === `/channels/${app.fake.channelId}/messages`);
    expect(posts).toHaveLength(2);
    expect((posts[1] as RecordedRequest).at - (posts[0] as RecordedRequest).at).toBeGreaterThanOrEqual(500);
    expect((posts[1] as RecordedRequest).body.embeds[0].title).toBe('Morning digest');
    expect((posts[1] as RecordedRequest).body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('Discord delivery and deadlines, against the fake Discord on loopback', () => {
  let app: DiscordTestApp;
  const slow: Command = {
    data: { name: 'slow', description: 'Answers after a while', permission: 'everyone', options: [] },
    async execute() {
      await new Promise((r) => setTimeout(r, 400));
      return textReply('Done at last.');
    },
  };
  beforeAll(async () => {
    app = await startDiscordTestApp({ briefings: [{ slug: 'budget-vote', title: 'Budget vote delayed', body: 'The vote was delayed.' }], extraCommands: [slow], deferAfterMs: 100 });
  });
  afterAll(async () => app?.stop());

  it('GIVEN an answer slower than the deferral threshold THEN the bot defers first and then edits the reply with the answer', async () => {
    const i = app.fake.slashCommand('slow', [], alice);
    const reqs = await app.fake.waitFor(() => {
      const r = app.fake.answersTo(i);
      return r.some((x) => x.method === 'PATCH') && r;
    });
    expect(reqs[0]?.body.type).toBe(CALLBACK.deferredReply);
    expect(reqs[0]?.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reqs[1]?.method).toBe('PATCH');
    expect(decodeURIComponent(reqs[1]?.path ?? '')).toMatch(/messages\/@original$/);
    expect(reqs[1]?.body.embeds[0].description).toBe('Done at last.');
    expect(reqs[1]?.body.allowed_mentions).toEqual({ parse: [] });
    expect(reqs[1]!.at - reqs[0]!.at).toBeGreaterThanOrEqual(200);
  });

  it('GIVEN a moderator who lost the permission before submitting the form THEN the submission is refused and nothing is saved', async () => {
    const i = app.fake.slashCommand('briefing-admin', [{ type: 1, name: 'add', options: [] }], alice, { permissions: MANAGE_GUILD });
    const formId = (await app.fake.waitFor(() => app.fake.answersTo(i).find((r) => r.path.endsWith('/callback')))).body.data.custom_id;
    const form = { title: 'Sneaky', slug: 'sneaky', tags: '', text: 'Some text here.' };
    const byOther = app.fake.submitModal(formId, form, bob, { permissions: MANAGE_GUILD });
    const other = await app.fake.waitFor(() => app.fake.answersTo(byOther).find((r) => r.path.endsWith('/callback')));
    expect(other.body.data.embeds[0].description).toContain('expired');
    const demoted = app.fake.submitModal(formId, form, alice, { permissions: '0' });
    const refused = await app.fake.waitFor(() => app.fake.answersTo(demoted).find((r) => r.path.endsWith('/callback')));
    expect(refused.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.body.data.embeds[0].description).toContain('Only moderators');
    expect(await app.library.get('sneaky')).toBeUndefined();
  });

  it('GIVEN a digest longer than one message holds THEN it is posted as several messages, each within limits, in order', async () => {
    const story = (n: number) => Array.from({ length: 60 }, (_, k) => `Story ${n} sentence ${k} says something worth reading.`).join(' ');
    const before = app.fake.requests.length;
    await app.platform.post(app.fake.channelId, {
      title: 'Evening digest',
      sections: Array.from({ length: 6 }, (_, n) => ({ title: `Story ${n}`, blocks: [{ kind: 'text' as const, text: story(n) }] })),
      actions: [{ label: 'Open', command: '/briefing budget-vote' }],
      footer: 'Unsubscribe with /digest unsubscribe',
      visibility: 'public',
    });
    const posts = app.fake.requests.slice(before).filter((r) => r.path === `/channels/${app.fake.channelId}/messages`);
    expect(posts.length).toBeGreaterThan(1);
    for (const p of posts) expect(embedsLength(p.body.embeds)).toBeLessThanOrEqual(6000);
    const text = posts.flatMap((p) => p.body.embeds.map((e: { description?: string }) => e.description ?? '')).join('\n');
    expect(text.indexOf('Story 0 sentence 0 ')).toBeLessThan(text.indexOf('Story 5 sentence 59 '));
    expect(posts.at(-1)?.body.components[0].components[0].custom_id).toBe('l:briefing budget-vote');
    expect(posts[0]?.body.components).toEqual([]);
  });

  it('GIVEN a deleted channel THEN posting fails with ChannelGoneError so the digest queue stops trying', async () => {
    app.fake.goneChannels.add('900000000000000555');
    await expect(app.platform.post('900000000000000555', textReply('Hello'))).rejects.toBeInstanceOf(ChannelGoneError);
  });

  it('GIVEN postOnce THEN each message carries a nonce derived from the key with enforce_nonce, the same on a retry', async () => {
    const before = app.fake.requests.length;
    await app.platform.postOnce(app.fake.channelId, textReply('Once only'), 'digest:42:2024-05-01');
    await app.platform.postOnce(app.fake.channelId, textReply('Once only'), 'digest:42:2024-05-01');
    const posts = app.fake.requests.slice(before);
    expect(posts[0]?.body.enforce_nonce).toBe(true);
    expect(posts[0]?.body.nonce.length).toBeLessThanOrEqual(25);
    expect(posts[1]?.body.nonce).toBe(posts[0]?.body.nonce);
  });

  it('GIVEN an answer still being worked on at shutdown THEN stop() lets it reach Discord before disconnecting', async () => {
    const i = app.fake.slashCommand('slow', [], alice);
    await app.fake.waitFor(() => app.fake.answersTo(i).length > 0);
    await app.platform.stop();
    expect(app.fake.answersTo(i).some((r) => r.method === 'PATCH')).toBe(true);
    expect(app.platform.isReady()).toBe(false);
  });
});
