import { createHmac } from 'node:crypto';
import { DISCORD_INTERACTIONS_PATH, DiscordHttpPlatform } from '../../src/adapters/discord-http/discord-http-platform.js';
import { DiscordPlatform } from '../../src/adapters/discord/discord-platform.js';
import { SlackPlatform } from '../../src/adapters/slack/slack-platform.js';
import { HttpServer } from '../../src/http/http-server.js';
import { silentLogger } from '../../src/ports/logger.js';
import { FAKE_ROLE_ID, FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack, type FakeSlackUser } from '../fakes/fake-slack.js';
import { discordTestKeys } from '../http/signed-requests.js';
import type { Stack } from './real-stack.js';

export const SLACK_SECRET = 'hardening-signing-secret-0123456789';
export const SLACK_BOT_TOKEN = 'xoxb-hardening-bot-token-0123456789';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface RawSlackRequest {
  body: string;
  headers: Record<string, string>;
}

/** A slash command as Slack posts it, signed (or not) as the test wants. */
export function slackSlash(text: string, o: { user: string; responseUrl: string; triggerId?: string; command?: string; channel?: string; timestamp?: number; secret?: string }): RawSlackRequest {
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: 'T0HARD',
    team_domain: 'hard',
    channel_id: o.channel ?? 'C0HARD',
    channel_name: 'news',
    user_id: o.user,
    user_name: o.user.toLowerCase(),
    command: o.command ?? '/briefing',
    text,
    api_app_id: 'A0HARD',
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: o.triggerId ?? `trig-${Math.random().toString(36).slice(2)}`,
  }).toString();
  return signSlack(body, o.timestamp, o.secret);
}

export function signSlack(body: string, timestamp = Math.floor(Date.now() / 1000), secret = SLACK_SECRET): RawSlackRequest {
  return {
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(secret, timestamp, body) },
  };
}

export interface SlackOnStack {
  fake: FakeSlack;
  platform: SlackPlatform;
  url: string;
  send(req: RawSlackRequest): Promise<{ status: number; text: string }>;
  /** Sends `/briefing <text>` (or another command) signed; returns the acknowledgement's body and the response_url. */
  slash(text: string, user: string, command?: string): Promise<{ status: number; text: string; responseUrl: string; triggerId: string }>;
  /** A command's answer wherever Slack gets it: the acknowledgement's body, else the first message on its response_url. */
  answer(sent: { text: string; responseUrl: string }): Promise<Record<string, unknown>>;
  /** The n-th message posted to a response_url. */
  reply(responseUrl: string, index?: number): Promise<Record<string, unknown>>;
  interact(payload: Record<string, unknown>): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

/** The real SlackPlatform (Bolt, HTTP receiver) on loopback, serving the stack's dispatcher. */
export async function slackOnStack(stack: Stack, options: { users?: Record<string, FakeSlackUser>; moderatorIds?: string[]; postTimeoutMs?: number } = {}): Promise<SlackOnStack> {
  const fake = new FakeSlack();
  await fake.start();
  for (const [id, u] of Object.entries(options.users ?? {})) fake.users.set(id, u);
  const platform = new SlackPlatform({
    settings: { botToken: SLACK_BOT_TOKEN, signingSecret: SLACK_SECRET, apiUrl: fake.apiUrl, moderatorIds: options.moderatorIds ?? [] },
    dispatcher: stack.dispatcher,
    library: stack.library,
    logger: stack.logger,
    port: 0,
    host: '127.0.0.1',
    clientOptions: { retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20, factor: 1 } },
    ...(options.postTimeoutMs !== undefined && { postTimeoutMs: options.postTimeoutMs }),
  });
  await platform.start();
  const url = `http://127.0.0.1:${platform.port()}/slack/events`;
  const reply = (responseUrl: string, index = 0) => fake.waitFor(() => fake.responsesTo(responseUrl)[index]?.body as Record<string, unknown> | undefined, 8000, `reply ${index}`);
  const send = async (req: RawSlackRequest) => {
    const res = await fetch(url, { method: 'POST', headers: req.headers, body: req.body });
    return { status: res.status, text: await res.text() };
  };
  return {
    fake,
    platform,
    url,
    send,
    async slash(text, user, command) {
      const responseUrl = fake.responseUrl();
      const triggerId = `trig-${Math.random().toString(36).slice(2)}`;
      const res = await send(slackSlash(text, { user, responseUrl, triggerId, ...(command && { command }) }));
      return { status: res.status, text: res.text, responseUrl, triggerId };
    },
    reply,
    answer: (sent) => (sent.text ? Promise.resolve(JSON.parse(sent.text) as Record<string, unknown>) : reply(sent.responseUrl)),
    interact: (payload) => send(signSlack(`payload=${encodeURIComponent(JSON.stringify(payload))}`)),
    async stop() {
      await platform.stop();
      await fake.stop();
    },
  };
}

export interface DiscordHttpOnStack {
  url: string;
  keys: ReturnType<typeof discordTestKeys>;
  fake: FakeDiscord;
  stop(): Promise<void>;
}

/** Discord over HTTP interactions (Ed25519-verified) on loopback, serving the stack's dispatcher. */
export async function discordHttpOnStack(stack: Stack): Promise<DiscordHttpOnStack> {
  const keys = discordTestKeys();
  const fake = new FakeDiscord();
  await fake.start();
  const platform = new DiscordHttpPlatform({ publicKey: keys.publicKeyHex, token: 'hardening-discord-token', apiUrl: fake.apiUrl, dispatcher: stack.dispatcher, library: stack.library, logger: stack.logger, maxBriefingBytes: 200 * 1024 });
  await platform.start();
  const server = new HttpServer({ port: 0, host: '127.0.0.1', routes: platform.routes(), logger: silentLogger });
  await server.start();
  return {
    url: `http://127.0.0.1:${server.port()}${DISCORD_INTERACTIONS_PATH}`,
    keys,
    fake,
    async stop() {
      await platform.stop();
      await server.stop();
      await fake.stop();
    },
  };
}

export const DISCORD_MOD_ROLE = FAKE_ROLE_ID;

/** The gateway DiscordPlatform (discord.js) against the loopback fake, serving the stack's dispatcher. */
export async function discordOnStack(stack: Stack): Promise<{ fake: FakeDiscord; platform: DiscordPlatform; stop(): Promise<void> }> {
  const fake = new FakeDiscord();
  await fake.start();
  const platform = new DiscordPlatform({
    token: 'hardening-discord-token',
    apiUrl: fake.apiUrl,
    moderatorRoleId: DISCORD_MOD_ROLE,
    dispatcher: stack.dispatcher,
    library: stack.library,
    logger: stack.logger,
    maxBriefingBytes: 200 * 1024,
    deferAfterMs: 2000,
    readyTimeoutMs: 15_000,
  });
  await platform.start();
  return {
    fake,
    platform,
    async stop() {
      await platform.stop();
      await fake.stop();
    },
  };
}
