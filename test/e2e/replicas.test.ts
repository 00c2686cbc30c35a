import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlDigestStore } from '../../src/digest/sql-digest-store.js';
import { type OpenedStore, openStore } from '../../src/store/open-store.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { discordHeaders, discordPayload, discordTestKeys, slackHeaders, slackSlashBody } from '../http/signed-requests.js';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';
import { ROOT, TSX_IMPORT } from '../support/tsx-loader.js';

/**
 * Three replicas of `briefbot start` on one PostgreSQL, driven over HTTP the way Discord and
 * Slack drive them (signed requests, spread over the replicas like a load balancer would), with
 * the platforms faked on loopback. One replica is killed with SIGKILL half-way.
 */
const databaseUrl = await postgresForTests();
const CLI = join(ROOT, 'src', 'cli', 'main.ts');
const SIGNING_SECRET = 'replica-test-signing-secret';
const keys = discordTestKeys();

interface Replica {
  name: string;
  port: number;
  child: ChildProcess;
  log: () => string;
  alive: boolean;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function until<T>(find: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let work: string;
let schema: string;
let fakeDiscord: FakeDiscord;
let fakeSlack: FakeSlack;
let opened: OpenedStore;
let digests: SqlDigestStore;
const replicas: Replica[] = [];

/** Subscriptions whose daily slot was `minutesAgo` minutes ago, made long before it (so it is owed). */
async function subscribe(platform: 'discord' | 'slack', channels: string[], minutesAgo: number): Promise<string[]> {
  const now = Date.now();
  const slot = new Date(now - minutesAgo * 60_000);
  const ids: string[] = [];
  for (const channelId of channels) {
    const { subscription } = await digests.upsertSubscription(
      { platform, channelId, minuteOfDay: slot.getUTCHours() * 60 + slot.getUTCMinutes(), timeZone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6], tags: [], style: 'compact', noteWhenEmpty: true, createdBy: 'test', createdById: 'test', scope: 'replicas' },
      new Date(now - 3 * 3_600_000),
    );
    ids.push(subscription.id);
  }
  return ids;
}

function startReplica(name: string, port: number): Replica {
  const sep = (databaseUrl as string).includes('?') ? '&' : '?';
  const child = spawn(process.execPath, ['--import', TSX_IMPORT, CLI, 'start'], {
    cwd: work,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: `${databaseUrl}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      BRIEFINGS_DIR: join(work, 'briefings'),
      PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      BRIEFBOT_SHELL: 'off',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      RATE_LIMIT_COMMANDS: '0',
      DISCORD_TOKEN: 'replica-test-discord-token',
      DISCORD_APP_ID: fakeDiscord.appId,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: fakeDiscord.apiUrl,
      SLACK_BOT_TOKEN: 'xoxb-replica-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fakeSlack.apiUrl,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const replica: Replica = { name, port, child, log: () => log, alive: true };
  child.on('exit', () => (replica.alive = false));
  return replica;
}

async function ready(r: Replica): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${r.port}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

/**
 * Sends to the replica whose turn it is; a replica that refuses the connection is skipped, as a
 * load balancer's passive health check would.
 */
async function sendBalanced(turn: number, path: string, body: string, headers: Record<string, string>): Promise<Response> {
  for (let i = 0; i < replicas.length; i += 1) {
    const r = replicas[(turn + i) % replicas.length] as Replica;
    try {
      return await fetch(`http://127.0.0.1:${r.port}${path}`, { method: 'POST', body, headers });
    } catch {
      // connection refused: the next replica takes it
    }
  }
  throw new Error('no replica answered');
}

const ctx = () => ({ appId: fakeDiscord.appId, guildId: fakeDiscord.guildId, channelId: fakeDiscord.channelId });
const topics = ['korea-japan', 'central bank holds rates', 'eu-chip-ruling', 'harbor-city-transit-strike', 'river treaty talks', 'coastal-climate-summit'];

/** One wave of commands, half Discord and half Slack, spread over the replicas. */
async function wave(size: number, offset: number): Promise<{ discord: unknown[]; slack: SlackSent[] }> {
  const discord: Promise<unknown>[] = [];
  const slack: Promise<SlackSent>[] = [];
  for (let n = 0; n < size; n += 1) {
    const topic = topics[n % topics.length] as string;
    const payload = JSON.stringify(discordPayload.command(ctx(), { id: `8000000000000${offset + n}`, username: `user${n}` }, 'briefing', [{ name: 'topic', type: 3, value: topic }]));
    const token = (JSON.parse(payload) as { token: string }).token;
    discord.push(sendBalanced(offset + n, '/discord/interactions', payload, discordHeaders(keys.privateKey, payload)).then(async (res) => ({ status: res.status, body: (await res.json()) as unknown, token })));
    const responseUrl = fakeSlack.responseUrl();
    const form = slackSlashBody('/briefing', topic, { responseUrl, userId: `U${offset + n}` });
    slack.push(sendBalanced(offset + n + 1, '/slack/events', form, slackHeaders(SIGNING_SECRET, form)).then(async (res) => ({ status: res.status, ack: await res.text(), responseUrl })));
  }
  const sent = await Promise.all(slack);
  for (const res of sent) expect(res.status).toBe(200);
  return { discord: await Promise.all(discord), slack: sent };
}

/** Each interaction answered: the card in the HTTP response, or "thinking" and then one webhook edit. */
async function expectDiscordAnswers(answers: unknown[]): Promise<void> {
  for (const a of answers as { status: number; token: string; body: { type: number; data?: { embeds?: { title?: string }[] } } }[]) {
    expect(a.status).toBe(200);
    if (a.body.type === 4) {
      expect(a.body.data?.embeds?.[0]?.title).toBeTruthy();
      continue;
    }
    expect(a.body.type).toBe(5);
    const edits = () => fakeDiscord.requests.filter((r) => r.method === 'PATCH' && decodeURIComponent(r.path).endsWith(`/${a.token}/messages/@original`));
    await until(() => edits().length > 0, 20_000, 'a deferred answer');
    expect(edits()).toHaveLength(1);
    expect((edits()[0]?.body as { embeds?: { title?: string }[] }).embeds?.[0]?.title, JSON.stringify(edits()[0]?.body).slice(0, 500)).toBeTruthy();
  }
}

/** A Slack command sent: its acknowledgement's body (the card when it was ready in time) and its response_url. */
interface SlackSent {
  status: number;
  ack: string;
  responseUrl: string;
}

/** Each command answered once: the card in the acknowledgement, or an empty one and then one response_url post. */
async function expectSlackAnswers(sent: SlackSent[]): Promise<void> {
  const later = sent.filter((s) => !s.ack);
  await until(() => later.every((s) => fakeSlack.responsesTo(s.responseUrl).length > 0), 20_000, 'every Slack command to be answered');
  await new Promise((r) => setTimeout(r, 200));
  for (const s of sent) {
    expect(fakeSlack.responsesTo(s.responseUrl)).toHaveLength(s.ack ? 0 : 1);
    const card = s.ack ? (JSON.parse(s.ack) as { blocks?: unknown[] }) : (fakeSlack.responsesTo(s.responseUrl)[0]?.body as { blocks?: unknown[] });
    expect(card.blocks?.length).toBeGreaterThan(0);
  }
}

/** Posts per digest channel: Discord's by distinct nonce (enforce_nonce shows a repeat once), Slack's as sent. */
function digestPosts(): Map<string, number> {
  const out = new Map<string, number>();
  const nonces = new Set<string>();
  for (const r of fakeDiscord.requests) {
    const m = /^\/channels\/(\d+)\/messages$/.exec(r.path);
    if (r.method !== 'POST' || !m) continue;
    const nonce = (r.body as { nonce?: string }).nonce;
    if (nonce && nonces.has(nonce)) continue;
    if (nonce) nonces.add(nonce);
    out.set(`discord:${m[1]}`, (out.get(`discord:${m[1]}`) ?? 0) + 1);
  }
  for (const c of fakeSlack.callsTo('chat.postMessage')) out.set(`slack:${String(c.args.channel)}`, (out.get(`slack:${String(c.args.channel)}`) ?? 0) + 1);
  return out;
}

describe.skipIf(!databaseUrl)('three replicas on one PostgreSQL', () => {
  const batch1 = { discord: ['700000000000000101', '700000000000000102', '700000000000000103', '700000000000000104'], slack: ['CB1A', 'CB1B', 'CB1C', 'CB1D'] };
  const batch2 = { discord: ['700000000000000201', '700000000000000202', '700000000000000203'], slack: ['CB2A', 'CB2B', 'CB2C'] };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'briefbot-replicas-'));
    await cp(join(ROOT, 'briefings'), join(work, 'briefings'), { recursive: true });
    schema = uniqueSchema('replicas');
    opened = await openStore({ databaseUrl: databaseUrl as string, sqlitePath: ':memory:', pgSchema: schema });
    digests = new SqlDigestStore(opened.database.db);
    fakeDiscord = new FakeDiscord();
    await fakeDiscord.start();
    fakeSlack = new FakeSlack();
    await fakeSlack.start();
    await subscribe('discord', batch1.discord, 30);
    await subscribe('slack', batch1.slack, 30);
    for (const name of ['a', 'b', 'c']) replicas.push(startReplica(name, await freePort()));
    await Promise.all(replicas.map((r) => until(() => ready(r) || (!r.alive && Promise.reject(new Error(`replica ${r.name} exited:\n${r.log()}`))), 90_000, `replica ${r.name} to be ready`)));
  }, 150_000);

  afterAll(async () => {
    for (const r of replicas) if (r.alive) r.child.kill('SIGKILL');
    await fakeDiscord?.stop();
    await fakeSlack?.stop();
    await opened?.database.db.schema.dropSchema(schema).ifExists().cascade().execute().catch(() => undefined);
    await opened?.store.close();
    await rm(work, { recursive: true, force: true });
  });

  it('GIVEN commands spread over the replicas and one replica killed half-way THEN every command is answered once and every digest is posted exactly once', async () => {
    // Every replica serves both platforms.
    const first = await wave(12, 0);
    await expectDiscordAnswers(first.discord);
    await expectSlackAnswers(first.slack);

    // The missed slots of batch 1 were caught up at start-up by whichever replica claimed each.
    const expected1 = [...batch1.discord.map((c) => `discord:${c}`), ...batch1.slack.map((c) => `slack:${c}`)];
    await until(() => expected1.every((k) => digestPosts().has(k)), 30_000, 'batch 1 digests');

    const victim = replicas[2] as Replica;
    victim.child.kill('SIGKILL');
    await until(() => !victim.alive, 10_000, 'the victim to die');

    // More work arrives with one replica gone; new digests come due on the survivors.
    await subscribe('discord', batch2.discord, 20);
    await subscribe('slack', batch2.slack, 20);
    const second = await wave(12, 100);
    await expectDiscordAnswers(second.discord);
    await expectSlackAnswers(second.slack);

    const expected2 = [...batch2.discord.map((c) => `discord:${c}`), ...batch2.slack.map((c) => `slack:${c}`)];
    await until(() => expected2.every((k) => digestPosts().has(k)), 40_000, 'batch 2 digests');
    // Long enough for a second tick on every survivor: a duplicate would show now.
    await new Promise((r) => setTimeout(r, 2000));
    const posts = digestPosts();
    for (const k of [...expected1, ...expected2]) expect(posts.get(k), k).toBe(1);

    // The ledger agrees: one finished row per subscription, none left claimed.
    const rows = await opened.database.db.selectFrom('digest_deliveries' as never).selectAll().execute();
    expect(rows).toHaveLength(expected1.length + expected2.length);
    for (const row of rows as { status: string }[]) expect(['delivered', 'late']).toContain(row.status);

    // The survivors still report ready.
    expect(await ready(replicas[0] as Replica)).toBe(true);
    expect(await ready(replicas[1] as Replica)).toBe(true);
  }, 150_000);
});
