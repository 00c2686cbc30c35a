import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_INTERACTIONS_PATH, DiscordHttpPlatform } from '../../src/adapters/discord-http/discord-http-platform.js';
import { CUSTOM_ID_MAX } from '../../src/adapters/discord/custom-id.js';
import { type ReplyDocument, textReply } from '../../src/core/render/document.js';
import { Dispatcher } from '../../src/dispatch/dispatcher.js';
import { loadCommands } from '../../src/dispatch/load-commands.js';
import { HttpServer } from '../../src/http/http-server.js';
import { Library } from '../../src/library/library.js';
import type { ButtonLineStore } from '../../src/ports/button-lines.js';
import type { Command } from '../../src/ports/command.js';
import { silentLogger } from '../../src/ports/logger.js';
import { type DatabaseOptions, type OpenDatabase, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { SqlButtonLineStore } from '../../src/store/sql-button-lines.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { fakeAnalysis, MemorySource } from '../fakes/memory-library.js';
import { discordHeaders, discordPayload, discordTestKeys } from '../http/signed-requests.js';
import { dropSchema } from '../store/store-factories.js';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';

/**
 * Two replicas of the Discord HTTP-interactions adapter, each with its own connection to one
 * database, behind an imaginary load balancer: a reply (or a posted message) whose buttons carry
 * command lines too long for a custom_id is rendered by one replica, and the press reaches the
 * other, which runs the right line. On SQLite (two connections to one file) and on PostgreSQL
 * when TEST_DATABASE_URL is set; and, as the control, with per-process stores, where it cannot work.
 *
 * No built-in command makes a line that long today (the longest is about 90 characters), so two
 * test commands do: `topics` answers with two buttons that run `/relay <long text>`.
 */
const pgUrl = await postgresForTests();
const keys = discordTestKeys();
const ann = { id: '820000000000000001', username: 'ann' };

type Json = Record<string, any>;

const topicText = (n: number) => `harbour strike day ${n}: crane drivers, ferry timetables, dock workers, offshore ships and the port authority ${'·'.repeat(n)}`;
const relay: Command = {
  data: { name: 'relay', description: 'Says the text back', options: [{ name: 'text', description: 'What to say', type: 'string', required: true, rest: true }], permission: 'everyone' },
  execute: async (_ctx, args) => textReply(`Relayed: ${String(args.text)}`),
};
const topicsDoc = (): ReplyDocument => ({
  title: 'Topics',
  sections: [{ blocks: [{ kind: 'text', text: 'Pick one.' }] }],
  actions: [1, 2].map((n) => ({ label: `Day ${n}`, command: `/relay ${topicText(n)}` })),
  visibility: 'private',
});
const topics: Command = {
  data: { name: 'topics', description: 'Buttons with long command lines', options: [], permission: 'everyone' },
  execute: async () => topicsDoc(),
};

interface Replica {
  platform: DiscordHttpPlatform;
  server: HttpServer;
  db?: OpenDatabase;
  url: string;
}

async function startReplica(fake: FakeDiscord, database: DatabaseOptions | undefined): Promise<Replica> {
  let db: OpenDatabase | undefined;
  let buttonLines: ButtonLineStore | undefined;
  if (database) {
    db = await openDatabase(database);
    await migrateToLatest(db);
    buttonLines = new SqlButtonLineStore(db.db);
  }
  const source = new MemorySource();
  const library = new Library({ source, analyze: () => fakeAnalysis({}), cacheKey: (i) => i.text, logger: silentLogger });
  const commands = await loadCommands();
  commands.set('relay', relay);
  commands.set('topics', topics);
  const dispatcher = new Dispatcher({ commands, library, clock: { now: () => new Date() }, logger: silentLogger, services: {} });
  const platform = new DiscordHttpPlatform({
    publicKey: keys.publicKeyHex,
    token: 'button-lines-token',
    apiUrl: fake.apiUrl,
    dispatcher,
    library,
    logger: silentLogger,
    maxBriefingBytes: 200 * 1024,
    ...(buttonLines && { buttonLines }),
  });
  await platform.start();
  const server = new HttpServer({ port: 0, host: '127.0.0.1', routes: platform.routes(), logger: silentLogger });
  await server.start();
  return { platform, server, ...(db && { db }), url: `http://127.0.0.1:${server.port()}${DISCORD_INTERACTIONS_PATH}` };
}

async function stopReplica(r: Replica): Promise<void> {
  await r.platform.stop();
  await r.server.stop();
  await r.db?.close();
}

const targets = [
  { name: 'SQLite', skip: false, shared: true },
  { name: 'PostgreSQL', skip: !pgUrl, shared: true },
  { name: 'per-process stores (the control)', skip: false, shared: false },
];

for (const target of targets) {
  describe.skipIf(target.skip)(`long button lines across two replicas: ${target.name}`, () => {
    let dir: string;
    let schema: string | undefined;
    let fake: FakeDiscord;
    const replicas: Replica[] = [];

    const database = (): DatabaseOptions | undefined => {
      if (!target.shared) return undefined;
      return schema ? { databaseUrl: pgUrl as string, pgSchema: schema, sqlitePath: '' } : { sqlitePath: join(dir, 'briefbot.db') };
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'briefbot-button-lines-e2e-'));
      if (target.name === 'PostgreSQL') schema = uniqueSchema('bb_button_lines_e2e');
      fake = new FakeDiscord();
      await fake.start();
      replicas.push(await startReplica(fake, database()), await startReplica(fake, database()));
    }, 60_000);

    afterAll(async () => {
      for (const r of replicas) await stopReplica(r).catch(() => undefined);
      await fake?.stop();
      if (schema) await dropSchema(pgUrl as string, schema).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    });

    const ctx = () => ({ appId: fake.appId, guildId: fake.guildId, channelId: fake.channelId });

    async function post(r: Replica, payload: Json): Promise<Json> {
      const body = JSON.stringify(payload);
      const res = await fetch(r.url, { method: 'POST', body, headers: discordHeaders(keys.privateKey, body) });
      expect(res.status).toBe(200);
      return (await res.json()) as Json;
    }

    const buttonsOf = (message: Json): { label: string; custom_id: string }[] => message.components.flatMap((row: Json) => row.components);

    /** Presses the button labelled `label` of `message` on replica `r`; returns what it showed. */
    async function press(r: Replica, message: Json, label: string, ephemeral: boolean): Promise<Json> {
      const button = buttonsOf(message).find((b) => b.label === label);
      expect(button, label).toBeDefined();
      const customId = (button as { custom_id: string }).custom_id;
      expect(customId.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
      // The line cannot travel in the button: only its key does.
      expect(customId).toMatch(/^r:[A-Za-z0-9_-]{22}$/);
      const answer = await post(r, discordPayload.button(ctx(), ann, customId, { embeds: message.embeds, components: message.components, ephemeral, asker: ann }));
      return answer.data as Json;
    }

    const expectRelayed = (shown: Json, n: number) => {
      if (target.shared) expect(shown.embeds[0].description).toBe(`Relayed: ${topicText(n)}`);
      else expect(shown.embeds[0].description).toMatch(/This button has expired/);
    };

    it(target.shared ? 'GIVEN a reply rendered by replica A THEN each of its long-line buttons, pressed on B, runs its own line' : 'GIVEN per-process stores THEN the press on the other replica finds nothing: "expired"', async () => {
      const [a, b] = replicas as [Replica, Replica];
      const reply = await post(a, discordPayload.command(ctx(), ann, 'topics', []));
      expect(reply.type).toBe(4);
      expectRelayed(await press(b, reply.data, 'Day 2', true), 2);
      expectRelayed(await press(b, reply.data, 'Day 1', true), 1);
    });

    it.skipIf(!target.shared)('GIVEN a message posted to a channel by replica B (a digest) THEN its long-line button works on A, and after A restarts', async () => {
      await (replicas[1] as Replica).platform.post(fake.channelId, { ...topicsDoc(), visibility: 'public' });
      const sent = await fake.waitFor(() => fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages` && JSON.stringify(r.body).includes('Day 1')));
      const message = sent.body as Json;
      expectRelayed(await press(replicas[0] as Replica, message, 'Day 1', false), 1);
      await stopReplica(replicas[0] as Replica);
      replicas[0] = await startReplica(fake, database());
      expectRelayed(await press(replicas[0] as Replica, message, 'Day 2', false), 2);
    });
  });
}
