import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_INTERACTIONS_PATH, DiscordHttpPlatform } from '../../../src/adapters/discord-http/discord-http-platform.js';
import { textReply } from '../../../src/core/render/document.js';
import { Dispatcher } from '../../../src/dispatch/dispatcher.js';
import { loadCommands } from '../../../src/dispatch/load-commands.js';
import { HttpServer } from '../../../src/http/http-server.js';
import { Library } from '../../../src/library/library.js';
import type { Command } from '../../../src/ports/command.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { selectMenuInteraction, userCommandInteraction } from '../../fakes/discord-interactions.js';
import { FakeDiscord, MANAGE_GUILD } from '../../fakes/fake-discord.js';
import { fakeAnalysis, MemorySource } from '../../fakes/memory-library.js';
import { discordHeaders, discordPayload, discordTestKeys } from '../../http/signed-requests.js';

const keys = discordTestKeys();
const ann = { id: '800000000000000001', username: 'ann' };
const slow: Command = {
  data: { name: 'slow', description: 'Takes its time', options: [], permission: 'everyone' },
  execute: async () => {
    await new Promise((r) => setTimeout(r, 400));
    return textReply('Finally done.');
  },
};

let fake: FakeDiscord;
let platform: DiscordHttpPlatform;
let server: HttpServer;
let url: string;

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  const source = new MemorySource();
  source.add({ slug: 'korea-japan', title: 'Korea-Japan talks', tags: ['diplomacy'], body: 'The ministers met in Seoul.' });
  source.add({ slug: 'central-bank', title: 'Central bank holds rates', tags: ['economy'], body: 'Rates stay.' });
  const library = new Library({ source, analyze: () => fakeAnalysis({ summary: ['The ministers met in Seoul.'] }), cacheKey: (i) => i.text, logger: silentLogger });
  const commands = await loadCommands();
  commands.set('slow', slow);
  const dispatcher = new Dispatcher({ commands, library, clock: { now: () => new Date() }, logger: silentLogger, services: {} });
  platform = new DiscordHttpPlatform({ publicKey: keys.publicKeyHex, token: 'fake-bot-token', apiUrl: fake.apiUrl, dispatcher, library, logger: silentLogger, maxBriefingBytes: 200 * 1024, deferAfterMs: 100 });
  await platform.start();
  server = new HttpServer({ port: 0, host: '127.0.0.1', routes: platform.routes(), logger: silentLogger });
  await server.start();
  url = `http://127.0.0.1:${server.port()}${DISCORD_INTERACTIONS_PATH}`;
});
afterAll(async () => {
  await platform.stop();
  await server.stop();
  await fake.stop();
});

const ctx = () => ({ appId: fake.appId, guildId: fake.guildId, channelId: fake.channelId });

async function send(payload: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }> {
  const body = JSON.stringify(payload);
  const res = await fetch(url, { method: 'POST', body, headers: headers ?? discordHeaders(keys.privateKey, body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('Discord HTTP interactions', () => {
  it('GIVEN a signed PING THEN it answers PONG', async () => {
    const res = await send(discordPayload.ping(ctx()));
    expect(res).toEqual({ status: 200, body: { type: 1 } });
  });

  it('GIVEN a missing, forged or replayed-with-another-body signature THEN it answers 401 and runs nothing', async () => {
    const payload = discordPayload.command(ctx(), ann, 'briefing', [{ name: 'topic', type: 3, value: 'korea-japan' }]);
    const body = JSON.stringify(payload);
    expect((await send(payload, { 'content-type': 'application/json' })).status).toBe(401);
    const other = discordTestKeys();
    expect((await send(payload, discordHeaders(other.privateKey, body))).status).toBe(401);
    const signedForOther = discordHeaders(keys.privateKey, JSON.stringify({ ...payload, id: '1' }));
    expect((await send(payload, signedForOther)).status).toBe(401);
  });

  it('GIVEN /briefing <topic> THEN the card is the HTTP response (type 4), private by default', async () => {
    const res = await send(discordPayload.command(ctx(), ann, 'briefing', [{ name: 'topic', type: 3, value: 'korea japan' }]));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe(4);
    expect(res.body.data.embeds[0].title).toBe('Korea-Japan talks');
    expect(res.body.data.flags & 64).toBe(64);
  });

  it('GIVEN a partly typed topic THEN autocomplete answers choices (type 8) from the library', async () => {
    const res = await send(discordPayload.autocomplete(ctx(), ann, 'briefing', [{ name: 'topic', type: 3, value: 'centr', focused: true }]));
    expect(res.body.type).toBe(8);
    expect(res.body.data.choices.map((c: { value: string }) => c.value)).toContain('central-bank');
  });

  it("GIVEN a button on the asker's own card THEN the message is updated in place (type 7)", async () => {
    const first = await send(discordPayload.command(ctx(), ann, 'briefing', [{ name: 'topic', type: 3, value: 'korea-japan' }]));
    const buttons = first.body.data.components.flatMap((row: { components: { custom_id: string }[] }) => row.components);
    expect(buttons.length).toBeGreaterThan(0);
    const press = await send(discordPayload.button(ctx(), ann, buttons[0].custom_id, { embeds: first.body.data.embeds, components: first.body.data.components, ephemeral: true, asker: ann }));
    expect(press.status).toBe(200);
    expect(press.body.type).toBe(7);
    expect(press.body.data.embeds.length).toBeGreaterThan(0);
  });

  it('GIVEN a stale select menu or a context-menu command THEN the HTTP answer is a private message saying so (type 4), not an error Discord shows as "This interaction failed"', async () => {
    for (const payload of [selectMenuInteraction(ctx(), fake.botId, ann, 'old-menu', ['korea']), userCommandInteraction(ctx(), ann, 'Briefings by', ann)]) {
      const res = await send(payload);
      expect(res.status).toBe(200);
      expect(res.body.type).toBe(4);
      expect(res.body.data.flags & 64).toBe(64);
      expect(res.body.data.embeds[0].description).toMatch(/no longer works|does not know the command/);
    }
  });

  it('GIVEN slow work THEN it answers "thinking" (type 5) and then edits the original through the interaction webhook', async () => {
    const payload = discordPayload.command(ctx(), ann, 'slow', []);
    const res = await send(payload);
    expect(res.body.type).toBe(5);
    const edit = await fake.waitFor(() => fake.requests.find((r) => r.method === 'PATCH' && decodeURIComponent(r.path) === `/webhooks/${fake.appId}/${payload.token}/messages/@original`));
    expect(JSON.stringify(edit.body)).toContain('Finally done.');
  });

  it('GIVEN /briefing-admin add from a moderator THEN the form opens (type 9), and a member is refused', async () => {
    const mod = await send(discordPayload.command(ctx(), ann, 'briefing-admin', [{ name: 'add', type: 1, options: [] }], { permissions: MANAGE_GUILD }));
    expect(mod.body.type).toBe(9);
    expect(mod.body.data.custom_id).toMatch(/^m:form:/);
    const member = await send(discordPayload.command(ctx(), { id: '800000000000000002', username: 'bob' }, 'briefing-admin', [{ name: 'add', type: 1, options: [] }]));
    expect(member.body.type).toBe(4);
    expect(JSON.stringify(member.body.data.embeds)).toMatch(/Only moderators/);
  });

  it('GIVEN a digest command naming a channel THEN Discord is asked (REST, bot token) whose server it is, and one of another server is refused', async () => {
    const subscribe = (channel: string) =>
      send(discordPayload.command(ctx(), ann, 'digest-admin', [{ name: 'subscribe', type: 1, options: [{ name: 'channel', type: 3, value: channel }, { name: 'at', type: 3, value: '08:00' }] }], { permissions: MANAGE_GUILD }));
    const foreign = await subscribe(fake.foreignChannelId);
    expect(JSON.stringify(foreign.body.data.embeds)).toMatch(/not one of this server's/);
    const sibling = await subscribe(`<#${fake.siblingChannelId}>`);
    // This app runs without digests: the command itself answers, past the check.
    expect(JSON.stringify(sibling.body.data.embeds)).toMatch(/Digests are turned off/);
    const asked = fake.requests.filter((r) => r.method === 'GET' && r.path === `/channels/${fake.siblingChannelId}`);
    expect(asked.length).toBeGreaterThan(0);
  });

  it('GIVEN a digest post THEN it goes to the channel through REST with the bot token', async () => {
    await platform.post(fake.channelId, textReply('Your morning digest.'));
    const posted = fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`);
    expect(JSON.stringify(posted?.body)).toContain('Your morning digest.');
  });
});
