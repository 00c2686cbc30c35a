import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackPlatform } from '../../src/adapters/slack/slack-platform.js';
import { type RunningApp, startApp } from '../../src/app/compose.js';
import { loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/store/database.js';
import { FakeDiscord, MANAGE_GUILD } from '../fakes/fake-discord.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { discordHeaders, discordPayload, discordTestKeys, slackHeaders, slackSlashBody } from '../http/signed-requests.js';
import { dropSchema } from '../store/store-factories.js';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';

/**
 * Two replicas (two apps as compose.ts builds them) on one database, behind an imaginary load
 * balancer: a moderator's preview is shown by one replica and confirmed on the other. The
 * briefing is saved exactly once, a second Confirm says so, and another moderator's Confirm is
 * refused. On SQLite (two connections to one file) and on PostgreSQL when TEST_DATABASE_URL is set.
 */
const pgUrl = await postgresForTests();
const SIGNING_SECRET = 'pending-replicas-signing-secret';
const keys = discordTestKeys();
const owner = { id: '810000000000000001', username: 'ann' };
const otherMod = { id: '810000000000000002', username: 'bo' };

type Json = Record<string, any>;

interface Replica {
  app: RunningApp;
  url: string;
  log: () => string;
}

const targets = [
  { name: 'SQLite', skip: false },
  { name: 'PostgreSQL', skip: !pgUrl },
];

for (const target of targets) {
  describe.skipIf(target.skip)(`a moderator's preview across two replicas on ${target.name}`, () => {
    let dir: string;
    let schema: string | undefined;
    let fakeDiscord: FakeDiscord;
    let fakeSlack: FakeSlack;
    const replicas: Replica[] = [];

    function environment(): Record<string, string> {
      const database: Record<string, string> = schema
        ? { DATABASE_URL: `${pgUrl as string}${(pgUrl as string).includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}` }
        : { SQLITE_PATH: join(dir, 'data', 'briefbot.db') };
      return {
        ...database,
        BRIEFINGS_DIR: join(dir, 'briefings'),
        PORT: '0',
        HTTP_HOST: '127.0.0.1',
        BRIEFBOT_SHELL: 'off',
        DIGESTS: 'off',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_COMMANDS: '0',
        DISCORD_TOKEN: 'pending-replicas-discord-token',
        DISCORD_APP_ID: fakeDiscord.appId,
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        DISCORD_API_URL: fakeDiscord.apiUrl,
        SLACK_BOT_TOKEN: 'xoxb-pending-replicas-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fakeSlack.apiUrl,
        SLACK_MODERATOR_IDS: 'U0OWNER,U0OTHER',
      };
    }

    async function startReplica(): Promise<Replica> {
      let log = '';
      const stderr = new PassThrough();
      stderr.on('data', (d: Buffer) => (log += d.toString()));
      const app = await startApp(loadConfig(environment()), { stdin: new PassThrough(), stdout: new PassThrough(), stderr });
      // Slack's receiver owns the port; Discord's interactions route is mounted on it.
      const slack = app.platforms.find((p) => p.name === 'slack') as SlackPlatform;
      return { app, url: `http://127.0.0.1:${slack.port()}`, log: () => log };
    }

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'briefbot-pending-e2e-'));
      mkdirSync(join(dir, 'briefings'));
      writeFileSync(join(dir, 'briefings', 'port-strike.md'), '---\ntitle: Port strike\n---\n\nDock workers walked out on Monday. Ships waited offshore.\n');
      if (target.name === 'PostgreSQL') {
        schema = uniqueSchema('bb_pending_e2e');
        // Creates the schema; the replicas migrate it as they start.
        await (await openDatabase({ databaseUrl: pgUrl as string, pgSchema: schema, sqlitePath: '' })).close();
      }
      fakeDiscord = new FakeDiscord();
      await fakeDiscord.start();
      fakeSlack = new FakeSlack();
      await fakeSlack.start();
      replicas.push(await startReplica(), await startReplica());
    }, 90_000);

    afterAll(async () => {
      for (const r of replicas) await r.app.stop().catch(() => undefined);
      await fakeDiscord?.stop();
      await fakeSlack?.stop();
      if (schema) await dropSchema(pgUrl as string, schema).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    });

    /** Revisions and audit entries the shared database holds for a slug. */
    async function written(slug: string): Promise<{ revisions: number; audit: number }> {
      const db = (replicas[0] as Replica).app.database.db;
      const revisions = await db.selectFrom('briefing_revisions').select('revision').where('slug', '=', slug).execute();
      const audit = await db.selectFrom('audit_log').select('id').where('slug', '=', slug).execute();
      return { revisions: revisions.length, audit: audit.length };
    }

    describe('Discord HTTP interactions', () => {
      const ctx = () => ({ appId: fakeDiscord.appId, guildId: fakeDiscord.guildId, channelId: fakeDiscord.channelId });
      const moderator = { permissions: MANAGE_GUILD };

      async function post(r: Replica, payload: Json): Promise<{ status: number; body: Json }> {
        const body = JSON.stringify(payload);
        const res = await fetch(`${r.url}/discord/interactions`, { method: 'POST', body, headers: discordHeaders(keys.privateKey, body) });
        return { status: res.status, body: (await res.json()) as Json };
      }

      /** A press of a button on the private preview, by a moderator. */
      function press(user: typeof owner, customId: string, preview: Json): Json {
        return discordPayload.button(ctx(), user, customId, { embeds: preview.embeds, components: preview.components, ephemeral: true, asker: owner }, moderator);
      }

      /** The form opened on one replica, submitted on the other: the preview and its Confirm id. */
      async function previewOf(slug: string, opener: Replica, shower: Replica): Promise<{ preview: Json; confirmId: string }> {
        const opened = await post(opener, discordPayload.command(ctx(), owner, 'briefing-admin', [{ name: 'add', type: 1, options: [] }], moderator));
        expect(opened.body.type).toBe(9);
        const formId = opened.body.data.custom_id as string;
        const fields = { title: `Harbour strike ${slug}`, slug, tags: 'labour', text: `Crane drivers at the ${slug} terminal stopped work on Friday. Ferries kept to their timetable.` };
        const shown = await post(shower, discordPayload.modal(ctx(), owner, formId, fields, moderator));
        expect(shown.body.type, JSON.stringify(shown.body)).toBe(4);
        expect(shown.body.data.embeds[0].title).toBe(`Preview: Harbour strike ${slug}`);
        const confirmId = shown.body.data.components[0].components[0].custom_id as string;
        expect(confirmId).toMatch(/^m:ok:[A-Za-z0-9_-]{22}$/);
        return { preview: shown.body.data, confirmId };
      }

      it('GIVEN a preview shown by replica B THEN another moderator is refused, the owner confirms on A and on B at once, and it is saved exactly once', async () => {
        const [a, b] = replicas as [Replica, Replica];
        const { preview, confirmId } = await previewOf('harbour-strike-discord', a, b);
        expect(await written('harbour-strike-discord')).toEqual({ revisions: 0, audit: 0 });

        const refused = await post(a, press(otherMod, confirmId, preview));
        expect(refused.body.type).toBe(4);
        expect(refused.body.data.flags & 64).toBe(64);
        expect(refused.body.data.embeds[0].description).toMatch(/Only the moderator who submitted this/);
        expect(await written('harbour-strike-discord')).toEqual({ revisions: 0, audit: 0 });

        const presses = [press(owner, confirmId, preview), press(owner, confirmId, preview)];
        const answers = await Promise.all([post(a, presses[0] as Json), post(b, presses[1] as Json)]);
        // One replica took it ("thinking", then the outcome through the webhook); the other says it is done.
        expect(answers.map((x) => x.body.type).sort()).toEqual([6, 7]);
        const saver = answers.findIndex((x) => x.body.type === 6);
        const late = answers[1 - saver] as { body: Json };
        expect(late.body.data.embeds[0].description).toMatch(/already confirmed/);
        const token = (presses[saver] as Json).token as string;
        const edit = await fakeDiscord.waitFor(() => fakeDiscord.requests.find((r) => r.method === 'PATCH' && decodeURIComponent(r.path) === `/webhooks/${fakeDiscord.appId}/${token}/messages/@original`), 15_000);
        expect(JSON.stringify(edit.body)).toContain('harbour-strike-discord');
        expect(await written('harbour-strike-discord')).toEqual({ revisions: 1, audit: 1 });

        const again = await post(b, press(owner, confirmId, preview));
        expect(again.body.type).toBe(7);
        expect(again.body.data.embeds[0].description).toMatch(/already confirmed/);
        expect(await written('harbour-strike-discord')).toEqual({ revisions: 1, audit: 1 });
      });

      it('GIVEN the replica that showed the preview restarts THEN Confirm still saves it', async () => {
        const { preview, confirmId } = await previewOf('harbour-strike-restart', replicas[0] as Replica, replicas[1] as Replica);
        const b = replicas[1] as Replica;
        await b.app.stop();
        replicas[1] = await startReplica();
        const answer = await post(replicas[1] as Replica, press(owner, confirmId, preview));
        expect(answer.body.type).toBe(6);
        await expect.poll(() => written('harbour-strike-restart'), { timeout: 15_000 }).toEqual({ revisions: 1, audit: 1 });
      });
    });

    describe('Slack over HTTP', () => {
      async function send(r: Replica, body: string): Promise<{ status: number; text: string }> {
        const res = await fetch(`${r.url}/slack/events`, { method: 'POST', body, headers: slackHeaders(SIGNING_SECRET, body) });
        return { status: res.status, text: await res.text() };
      }

      async function submitView(r: Replica, user: string, view: Json, values: Record<string, string> = {}): Promise<Json> {
        const state = { values: Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { value: { type: 'plain_text_input', value } }])) };
        const payload = {
          type: 'view_submission',
          team: { id: 'T0001', domain: 'newsroom' },
          user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0001' },
          api_app_id: 'A0001',
          token: 'legacy',
          trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
          view: { id: 'V0001', team_id: 'T0001', type: 'modal', state, hash: 'h', callback_id: view.callback_id, private_metadata: view.private_metadata },
        };
        const res = await send(r, `payload=${encodeURIComponent(JSON.stringify(payload))}`);
        expect(res.status).toBe(200);
        return res.text ? (JSON.parse(res.text) as Json) : {};
      }

      const textOf = (view: Json) => JSON.stringify(view.blocks);

      it('GIVEN a preview pushed by replica B THEN another moderator is refused, the owner saves on A and on B at once, and it is saved exactly once', async () => {
        const [a, b] = replicas as [Replica, Replica];
        const responseUrl = fakeSlack.responseUrl();
        const triggerId = `trigger-${Math.random().toString(36).slice(2)}`;
        const slash = slackSlashBody('/briefing', 'add', { userId: 'U0OWNER', responseUrl, triggerId });
        expect((await send(a, slash)).status).toBe(200);
        const form = (await fakeSlack.waitFor(() => fakeSlack.callsTo('views.open').find((c) => c.args.trigger_id === triggerId), 8000, 'the form')).args.view as Json;

        const pushed = await submitView(b, 'U0OWNER', form, { title: 'Ferry route reopens', slug: 'ferry-route-slack', tags: 'transport', text: 'The ferry route reopened today. Passengers returned.' });
        expect(pushed.response_action).toBe('push');
        const preview = pushed.view as Json;
        expect(preview.private_metadata).toMatch(/^[A-Za-z0-9_-]{22}$/);

        const refused = await submitView(a, 'U0OTHER', preview);
        expect(refused.response_action).toBe('update');
        expect(textOf(refused.view)).toMatch(/Only the moderator who made this preview/);
        expect(await written('ferry-route-slack')).toEqual({ revisions: 0, audit: 0 });

        const acks = await Promise.all([submitView(a, 'U0OWNER', preview), submitView(b, 'U0OWNER', preview)]);
        expect(acks.map((x) => x.response_action).sort()).toEqual(['clear', 'update']);
        expect(textOf((acks.find((x) => x.response_action === 'update') as Json).view)).toMatch(/already saved/);
        expect(await written('ferry-route-slack')).toEqual({ revisions: 1, audit: 1 });
        const outcome = await fakeSlack.waitFor(() => fakeSlack.responsesTo(responseUrl)[0], 8000, 'the outcome');
        expect(JSON.stringify(outcome.body)).toContain('ferry-route-slack');

        const again = await submitView(b, 'U0OWNER', preview);
        expect(textOf(again.view)).toMatch(/already saved/);
        expect(await written('ferry-route-slack')).toEqual({ revisions: 1, audit: 1 });
        expect(fakeSlack.responsesTo(responseUrl)).toHaveLength(1);
      });
    });
  });
}
