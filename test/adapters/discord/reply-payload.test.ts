import { ButtonBuilder, ButtonStyle, Client, type Interaction, MessageFlags } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { InteractionRest } from '../../../src/adapters/discord-http/interaction-rest.js';
import { lineCustomId } from '../../../src/adapters/discord/custom-id.js';
import { cachedSnakeCase, preparedPayload, respondWithChoices } from '../../../src/adapters/discord/reply-payload.js';
import { type DiscordMessage, NO_MENTIONS, toDiscordMessage } from '../../../src/adapters/discord/to-discord-message.js';
import { analyze } from '../../../src/core/analysis/analyze.js';
import { type ReplyDocument, textReply } from '../../../src/core/render/document.js';
import { Dispatcher } from '../../../src/dispatch/dispatcher.js';
import { loadCommands } from '../../../src/dispatch/load-commands.js';
import { Library } from '../../../src/library/library.js';
import type { Invocation } from '../../../src/dispatch/dispatcher.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { MemorySource } from '../../fakes/memory-library.js';
import { discordPayload } from '../../http/signed-requests.js';

const ctx = { appId: '900000000000000001', guildId: '900000000000000002', channelId: '900000000000000003' };
const ann = { id: '800000000000000001', username: 'ann' };

/** A client whose interaction callbacks are captured as the JSON text they would be sent as. */
function capturingClient(jsonTransformer?: (obj: unknown) => unknown) {
  const rest = new InteractionRest({}).setToken('t');
  const client = new Client({ intents: [], allowedMentions: NO_MENTIONS, ...(jsonTransformer && { jsonTransformer }) });
  client.rest = rest;
  let captured: Interaction | undefined;
  client.on('interactionCreate', (i) => (captured = i));
  return {
    /** Builds the interaction from its raw payload and runs `act` on it; resolves to the callback's JSON. */
    async send(payload: { id: string }, act: (i: Interaction) => Promise<unknown>): Promise<string> {
      let text: string | undefined;
      rest.expect(payload.id, async (body) => void (text = JSON.stringify(body)));
      (client as unknown as { actions: { InteractionCreate: { handle(d: unknown): void } } }).actions.InteractionCreate.handle(payload);
      await act(captured as Interaction);
      if (text === undefined) throw new Error('nothing was sent');
      return text;
    },
  };
}

const longBody = Array.from({ length: 120 }, (_, k) => `Paragraph ${k} says the *minister* met [the envoy] in Seoul_${k}. "We will talk again," said Kim Ji-ho. # not a heading @everyone <@&123>`).join('\n\n');

let messages: { name: string; msg: DiscordMessage }[];

beforeAll(async () => {
  const source = new MemorySource();
  source.add({ slug: 'korea-japan', title: 'Korea-Japan talks', tags: ['diplomacy'], body: 'The ministers met in Seoul on Monday. "We will meet again soon," said Foreign Minister Park. Trade and history were on the table.' });
  source.add({ slug: 'long-read', title: 'A very long read', tags: ['economy'], body: longBody });
  for (let k = 0; k < 30; k++) source.add({ slug: `item-${k}`, title: `Item ${k} about rates`, tags: ['economy'], body: `Rates stay at ${k} percent, the bank said.` });
  const library = new Library({ source, analyze, cacheKey: (i) => i.text, logger: silentLogger });
  const dispatcher = new Dispatcher({ commands: await loadCommands(), library, clock: { now: () => new Date('2026-11-29T12:00:00Z') }, logger: silentLogger, services: {} });
  const who: Invocation = { actor: { platform: 'discord', userId: ann.id, userName: 'ann', isModerator: false }, channel: { platform: 'discord', id: ctx.channelId, scope: '900000000000000003' } };
  const docs: { name: string; doc: ReplyDocument }[] = [
    { name: 'briefing card', doc: await dispatcher.run('briefing', { topic: 'korea-japan' }, who) },
    { name: 'shortened card with buttons', doc: await dispatcher.run('briefing', { topic: 'long-read' }, who) },
    { name: 'search results', doc: await dispatcher.run('briefing search', { query: 'rates bank' }, who) },
    { name: 'paginated list', doc: await dispatcher.run('briefing list', {}, who) },
    { name: 'unknown briefing', doc: await dispatcher.run('briefing', { topic: 'no-such-thing' }, who) },
    { name: 'error reply', doc: textReply('Sorry, something went wrong on my side while answering that.', { tone: 'error' }) },
  ];
  messages = docs.map(({ name, doc }) => ({ name, msg: toDiscordMessage(doc, (line) => lineCustomId(line, new Map())) }));
});

describe('preparedPayload', () => {
  it('GIVEN the replies the bot sends THEN the callback JSON is byte for byte what discord.js makes of the same options', async () => {
    const reference = capturingClient();
    const ours = capturingClient(cachedSnakeCase);
    expect(messages.some((m) => m.msg.components.length > 0)).toBe(true);
    for (const { name, msg } of messages) {
      const body = { embeds: msg.embeds, components: msg.components, allowedMentions: NO_MENTIONS };
      for (const flags of [MessageFlags.Ephemeral, undefined]) {
        const payload = discordPayload.command(ctx, ann, 'briefing', [{ name: 'topic', type: 3, value: 'x' }]);
        const before = await reference.send(payload, (i) => (i as any).reply({ ...body, ...(flags !== undefined && { flags }) }));
        const after = await ours.send(payload, (i) => (i as any).reply(preparedPayload(i as any, msg, flags)));
        expect(after, `${name}, flags ${flags}`).toBe(before);
      }
      const press = discordPayload.button(ctx, ann, 'x', { embeds: [], components: [], ephemeral: true, asker: ann });
      const before = await reference.send(press, (i) => (i as any).update(body));
      const after = await ours.send(press, (i) => (i as any).update(preparedPayload(i as any, msg)));
      expect(after, `${name}, update`).toBe(before);
    }
  });

  it('GIVEN a client that adds a nonce to every message THEN it leaves the body to discord.js', () => {
    const client = new Client({ intents: [], enforceNonce: true });
    expect(preparedPayload({ client } as any, { embeds: [], components: [] })).toBeUndefined();
  });
});

describe('cachedSnakeCase', () => {
  it('GIVEN autocomplete choices THEN the callback JSON is what the default transformer makes', async () => {
    const choices = Array.from({ length: 25 }, (_, k) => ({ name: `Item ${k} about rates (item-${k})`, value: `item-${k}` }));
    const payload = discordPayload.autocomplete(ctx, ann, 'briefing', [{ name: 'topic', type: 3, value: 'ite', focused: true }]);
    const before = await capturingClient().send(payload, (i) => (i as any).respond(choices));
    const after = await capturingClient(cachedSnakeCase).send(payload, (i) => (i as any).respond(choices));
    expect(after).toBe(before);
  });

  it('GIVEN camelCase keys, digits, dates, builders and string emoji THEN it spells them as discord.js does, twice over', () => {
    const defaultTransformer = new Client({ intents: [] }).options.jsonTransformer as (o: unknown) => unknown;
    const input = {
      customId: 'a',
      minValues: 1,
      option2Name: 'b',
      nested: [{ allowedMentions: { repliedUser: true, parse: [] } }, null, 3, 'text'],
      when: new Date(0),
      button: new ButtonBuilder().setCustomId('x').setLabel('X').setStyle(ButtonStyle.Primary),
      emoji: '<:name:123456789012345678>',
      already_snake: true,
    };
    for (let round = 0; round < 2; round++) expect(JSON.stringify(cachedSnakeCase(input))).toBe(JSON.stringify(defaultTransformer(input)));
  });
});

describe('respondWithChoices', () => {
  it('GIVEN autocomplete choices answered by respondWithChoices THEN the callback JSON is what discord.js makes, and the interaction counts as answered', async () => {
    const choices = [...Array.from({ length: 25 }, (_, k) => ({ name: `Item ${k} "quoted" \u00e9 (item-${k})`, value: `item-${k}` }))];
    const payload = discordPayload.autocomplete(ctx, ann, 'briefing', [{ name: 'topic', type: 3, value: 'ite', focused: true }]);
    const before = await capturingClient().send(payload, (i) => (i as any).respond(choices));
    let answered: unknown;
    const after = await capturingClient(cachedSnakeCase).send(payload, async (i) => {
      await respondWithChoices(i as any, choices);
      answered = (i as any).responded;
    });
    expect(after).toBe(before);
    expect(answered).toBe(true);
    const none = await capturingClient(cachedSnakeCase).send(payload, (i) => respondWithChoices(i as any, []));
    expect(none).toBe(await capturingClient().send(payload, (i) => (i as any).respond([])));
  });
});
