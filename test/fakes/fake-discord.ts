import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { botMessage, buttonInteraction, commandInteraction, type DiscordUser, type InteractionContext, type MemberOptions, modalInteraction, nextSnowflake } from './discord-interactions.js';

export type { MemberOptions } from './discord-interactions.js';

/** One REST request the fake received, body parsed when it is JSON (or multipart's payload_json). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  /** The request body as sent (multipart bodies carry uploaded files). */
  raw: string;
  at: number;
}

export type FakeUser = DiscordUser;

export const MANAGE_GUILD = String(1n << 5n);
/** A role the fake guild has, for tests of a configured moderator role. */
export const FAKE_ROLE_ID = '900000000000000777';


/**
 * A small Discord on loopback for discord.js to talk to: the REST routes the bot uses (gateway
 * info, interaction callbacks, webhook edits and follow-ups, channel messages, command
 * registration, attachment downloads) and a JSON gateway (HELLO, IDENTIFY → READY + GUILD_CREATE,
 * heartbeat ACKs) that can dispatch INTERACTION_CREATE. Everything the bot sends is recorded.
 */
export class FakeDiscord {
  readonly appId = '900000000000000001';
  readonly botId = '900000000000000002';
  readonly guildId = '900000000000000003';
  readonly channelId = '900000000000000004';
  /** Another text channel of the same server. */
  readonly siblingChannelId = '900000000000000005';
  /** A channel of a server the interactions do not come from (the bot is in both). */
  readonly foreignGuildId = '900000000000000006';
  readonly foreignChannelId = '900000000000000007';
  readonly requests: RecordedRequest[] = [];
  readonly identified: any[] = [];
  readonly files = new Map<string, Uint8Array>();
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private sockets = new Set<WebSocket>();
  private seq = 0;
  private rateLimitOnce = new Map<string, number>();
  /** Channels that answer 404 Unknown Channel, as after a channel is deleted. */
  readonly goneChannels = new Set<string>();
  private port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (ws) => this.onSocket(ws));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()));
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next request whose path matches gets a 429 with Retry-After and X-RateLimit-* headers. */
  rateLimitNext(pathPattern: string, retryAfterSeconds: number): void {
    this.rateLimitOnce.set(pathPattern, retryAfterSeconds);
  }

  /** Serves a file at a loopback URL, as Discord's CDN serves attachments. */
  serveFile(name: string, content: string): { url: string; size: number } {
    const bytes = new TextEncoder().encode(content);
    const path = `/attachments/${nextSnowflake()}/${name}`;
    this.files.set(path, bytes);
    return { url: `http://127.0.0.1:${this.port}${path}`, size: bytes.byteLength };
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = url.pathname.replace(/^\/api(\/v\d+)?/, '');
    const file = this.files.get(url.pathname);
    if (req.method === 'GET' && file) {
      res.writeHead(200, { 'content-type': 'text/markdown' }).end(Buffer.from(file));
      return;
    }
    const body = parseBody(raw, req.headers['content-type']);
    this.requests.push({ method: req.method ?? 'GET', path, query: url.searchParams, body, raw, at: Date.now() });

    for (const [pattern, seconds] of this.rateLimitOnce) {
      if (path.includes(pattern)) {
        this.rateLimitOnce.delete(pattern);
        res
          .writeHead(429, {
            'content-type': 'application/json',
            'retry-after': String(Math.ceil(seconds)),
            'x-ratelimit-limit': '5',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Date.now() / 1000 + seconds),
            'x-ratelimit-reset-after': String(seconds),
            'x-ratelimit-bucket': 'fake-bucket',
            'x-ratelimit-scope': 'user',
          })
          .end(JSON.stringify({ message: 'You are being rate limited.', retry_after: seconds, global: false }));
        return;
      }
    }

    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    if (req.method === 'GET' && path === '/gateway/bot') {
      return json(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 60_000, max_concurrency: 1 },
      });
    }
    if (req.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      res.writeHead(204).end();
      return;
    }
    if (/^\/webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?$/.test(path)) {
      if (req.method === 'DELETE') {
        res.writeHead(204).end();
        return;
      }
      return json(200, this.message(body ?? {}));
    }
    if (req.method === 'POST' && /^\/channels\/\d+\/messages$/.test(path)) {
      if (this.goneChannels.has(path.split('/')[2] as string)) return json(404, { message: 'Unknown Channel', code: 10003 });
      return json(200, this.message(body ?? {}));
    }
    if (req.method === 'GET' && /^\/channels\/\d+$/.test(path)) {
      const id = path.split('/')[2] as string;
      const guildOf: Record<string, string> = { [this.channelId]: this.guildId, [this.siblingChannelId]: this.guildId, [this.foreignChannelId]: this.foreignGuildId };
      const guild = guildOf[id];
      if (!guild) return json(404, { message: 'Unknown Channel', code: 10003 });
      return json(200, { id, type: 0, guild_id: guild, name: `channel-${id.slice(-2)}`, position: 0, permission_overwrites: [], parent_id: null, nsfw: false });
    }
    if (req.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return json(200, (body as any[]).map((c) => ({ ...c, id: nextSnowflake(), application_id: this.appId, version: nextSnowflake() })));
    }
    json(404, { message: 'Unknown route in the fake', code: 0 });
  }

  private message(body: any): any {
    return botMessage(this.context(), this.botId, body);
  }

  /** Where the fake's interactions happen: its application, guild and channel. */
  private context(): InteractionContext {
    return { appId: this.appId, guildId: this.guildId, channelId: this.channelId };
  }

  private botUser() {
    return { id: this.botId, username: 'briefbot', discriminator: '0', global_name: null, avatar: null, bot: true };
  }

  private send(ws: WebSocket, payload: unknown): void {
    ws.send(JSON.stringify(payload));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    this.send(ws, { op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    ws.on('message', (data) => {
      const payload = JSON.parse(String(data)) as { op: number; d: any };
      if (payload.op === 1) this.send(ws, { op: 11, d: null, s: null, t: null });
      if (payload.op === 2) {
        this.identified.push(payload.d);
        this.dispatch(ws, 'READY', {
          v: 10,
          user: { ...this.botUser(), verified: true, mfa_enabled: false, flags: 0 },
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: 'fake-session',
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard: [0, 1],
          application: { id: this.appId, flags: 0 },
        });
        this.dispatch(ws, 'GUILD_CREATE', this.guild());
      }
    });
  }

  private guild() {
    return {
      id: this.guildId,
      name: 'Newsroom',
      icon: null,
      owner_id: '900000000000000099',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      preferred_locale: 'en-US',
      premium_tier: 0,
      nsfw_level: 0,
      features: [],
      roles: [
        { id: this.guildId, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: FAKE_ROLE_ID, name: 'Editors', permissions: '0', position: 1, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ],
      emojis: [],
      stickers: [],
      channels: [{ id: this.channelId, type: 0, name: 'news', position: 0, permission_overwrites: [], parent_id: null, nsfw: false }],
      threads: [],
      members: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      member_count: 3,
      large: false,
      unavailable: false,
      joined_at: new Date().toISOString(),
    };
  }

  private dispatch(ws: WebSocket, t: string, d: unknown): void {
    this.send(ws, { op: 0, t, s: ++this.seq, d });
  }

  private broadcast(t: string, d: unknown): void {
    for (const ws of this.sockets) this.dispatch(ws, t, d);
  }

  /** Dispatches a slash command; returns the interaction id and token to find its answers by. */
  slashCommand(name: string, options: any[], user: FakeUser, member: MemberOptions | null = {}, resolved?: unknown): { id: string; token: string } {
    return this.dispatchInteraction(commandInteraction(2, this.context(), user, name, options, member, resolved));
  }

  /** A slash command run in the other server the bot is in (its channel `foreignChannelId`), by one of its members. */
  slashCommandInForeignServer(name: string, options: any[], user: FakeUser, member: MemberOptions = {}): { id: string; token: string } {
    const ctx = { appId: this.appId, guildId: this.foreignGuildId, channelId: this.foreignChannelId };
    return this.dispatchInteraction(commandInteraction(2, ctx, user, name, options, member));
  }

  autocomplete(name: string, options: any[], user: FakeUser, member: MemberOptions | null = {}): { id: string; token: string } {
    return this.dispatchInteraction(commandInteraction(4, this.context(), user, name, options, member));
  }

  /**
   * Presses a button on a message the bot sent; `asker` is who ran the command that made the
   * message (Discord's interaction_metadata), absent for plain channel posts.
   */
  pressButton(customId: string, message: { embeds: unknown[]; components: unknown[]; ephemeral: boolean; asker?: FakeUser }, user: FakeUser, member: MemberOptions | null = {}) {
    return this.dispatchInteraction(buttonInteraction(this.context(), this.botId, user, customId, message, member));
  }

  submitModal(customId: string, values: Record<string, string>, user: FakeUser, member: MemberOptions | null = {}) {
    return this.dispatchInteraction(modalInteraction(this.context(), user, customId, values, member));
  }

  /** Dispatches an interaction payload as built (a select menu, a context-menu command, ...). */
  sendInteraction(build: (ctx: InteractionContext, botId: string) => { id: string; token: string }): { id: string; token: string } {
    return this.dispatchInteraction(build(this.context(), this.botId));
  }

  private dispatchInteraction(i: { id: string; token: string }): { id: string; token: string } {
    this.broadcast('INTERACTION_CREATE', i);
    return { id: i.id, token: i.token };
  }

  /** Requests that answer one interaction: its callback, then webhook edits and follow-ups. */
  answersTo(i: { id: string; token: string }): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(`/interactions/${i.id}/`) || r.path.includes(`/${i.token}`));
  }

  async waitFor<T>(find: () => T | undefined | false, timeoutMs = 8000): Promise<T> {
    const started = Date.now();
    for (;;) {
      const found = find();
      if (found) return found;
      if (Date.now() - started > timeoutMs) throw new Error('timed out waiting in the fake Discord');
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

function parseBody(raw: string, contentType: string | undefined): any {
  if (!raw) return undefined;
  if (contentType?.startsWith('application/json')) return JSON.parse(raw);
  if (contentType?.startsWith('multipart/form-data')) {
    const m = /name="payload_json"\r\n(?:[^\r\n]*\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
    return m ? JSON.parse(m[1] as string) : raw;
  }
  return raw;
}
