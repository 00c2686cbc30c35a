import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One Web API call as the fake received it: method name and decoded arguments. */
export interface SlackApiCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  at: number;
}

/** One POST to a response_url the fake handed out. */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeSlackUser {
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

/**
 * Slack's Web API and response URLs on loopback. It records every call, answers the methods
 * briefbot uses with what Slack would, knows a few users and their roles, and can be told to
 * answer 429 with Retry-After, as Slack does under rate limiting.
 */
export class FakeSlack {
  readonly calls: SlackApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly users = new Map<string, FakeSlackUser>();
  private readonly rateLimits = new Map<string, number[]>();
  private readonly failures = new Map<string, { error?: string; status?: number }[]>();
  private readonly delays = new Map<string, number[]>();
  /** What Socket Mode clients sent back: one ack per envelope. */
  readonly socketAcks: { envelope_id: string; payload?: unknown }[] = [];
  private server: Server | undefined;
  private sockets: WebSocket[] = [];
  private wss: WebSocketServer | undefined;
  private port = 0;
  private counter = 0;

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  /**
   * Socket Mode: apps.connections.open hands out a WebSocket on this server, which greets with
   * "hello" and then carries envelopes (slash commands, interactions) both ways.
   */
  enableSocketMode(): void {
    const server = this.server;
    if (!server) throw new Error('start the fake first');
    this.wss = new WebSocketServer({ server, path: '/link' });
    this.wss.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.on('message', (data) => this.socketAcks.push(JSON.parse(String(data)) as { envelope_id: string; payload?: unknown }));
      socket.on('close', () => (this.sockets = this.sockets.filter((s) => s !== socket)));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0APP' } }));
    });
  }

  /** Closes every Socket Mode connection, as Slack does when it recycles a server. */
  dropSockets(): void {
    for (const s of this.sockets) s.terminate();
  }

  /** How many Socket Mode connections are open. */
  socketCount(): number {
    return this.sockets.length;
  }

  /** Sends an envelope to the connected Socket Mode client and resolves with its ack. */
  async sendEnvelope(type: 'slash_commands' | 'interactive', payload: Record<string, unknown>): Promise<{ envelope_id: string; payload?: unknown }> {
    await this.waitFor(() => (this.sockets.length ? true : undefined), 5000, 'a Socket Mode connection');
    const id = `env-${++this.counter}`;
    for (const s of this.sockets) s.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: true }));
    return this.waitFor(() => this.socketAcks.find((a) => a.envelope_id === id), 5000, `the ack of ${id}`);
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    this.wss?.close();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The Web API base for `slackApiUrl` / SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url to put in a slash command or interaction payload. */
  responseUrl(): string {
    return `http://127.0.0.1:${this.port}/response/${++this.counter}`;
  }

  /** The next calls to `method` are answered 429 with these Retry-After values (seconds). */
  rateLimit(method: string, ...retryAfterSeconds: number[]): void {
    this.rateLimits.set(method, [...(this.rateLimits.get(method) ?? []), ...retryAfterSeconds]);
  }

  /** The next calls to `method` are answered only after these waits (ms), whatever the answer: a slow Slack. */
  delay(method: string, ...ms: number[]): void {
    this.delays.set(method, [...(this.delays.get(method) ?? []), ...ms]);
  }

  /**
   * The next `times` calls to `method` fail: `{ ok: false, error }` as Slack's API answers, or an HTTP status. An answer
   * with neither (`{}`) lets that call through, so that a later one fails ("the second page fails").
   */
  fail(method: string, answer: { error?: string; status?: number }, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array.from({ length: times }, () => answer)]);
  }

  callsTo(method: string): SlackApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(url: string): ResponseUrlPost[] {
    const id = url.split('/').pop();
    return this.responses.filter((r) => r.id === id);
  }

  /** Resolves when `pick` returns something, polling the recordings; rejects after `timeoutMs`. */
  async waitFor<T>(pick: () => T | undefined, timeoutMs = 5000, what = 'a Slack call'): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = pick();
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const at = Date.now();
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ id: url.pathname.slice('/response/'.length), body: JSON.parse(raw || '{}') as Record<string, unknown>, at });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const args = decodeArgs(raw, req.headers['content-type'] ?? '');
    const auth = req.headers.authorization;
    this.calls.push({ method, args, token: auth?.replace(/^Bearer /, ''), at });
    // The answer is decided as the call arrives (in order), then given after any delay.
    const wait = this.delays.get(method)?.shift();
    const limited = this.rateLimits.get(method);
    const seconds = limited?.length ? (limited.shift() as number) : undefined;
    const failure = seconds === undefined ? this.failures.get(method)?.shift() : undefined;
    if (wait !== undefined) await new Promise((r) => setTimeout(r, wait));
    if (seconds !== undefined) {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(seconds) }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (failure?.status) {
      res.writeHead(failure.status, { 'content-type': 'text/plain' }).end('upstream trouble');
      return;
    }
    const body = failure?.error ? { ok: false, error: failure.error } : this.answer(method, args);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'apps.connections.open':
        return this.wss ? { ok: true, url: `ws://127.0.0.1:${this.port}/link` } : { ok: false, error: 'invalid_auth' };
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'briefbot', team_id: 'T0FAKE', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'users.info': {
        const id = String(args.user ?? '');
        const user = this.users.get(id);
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id, name: user.name ?? id, is_admin: !!user.is_admin, is_owner: !!user.is_owner, is_primary_owner: false } };
      }
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `${1700000000 + this.calls.length}.000100`, message: { text: args.text } };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'views.open':
      case 'views.push':
      case 'views.update':
        return { ok: true, view: { id: `V${this.calls.length}`, ...(args.view as object) } };
      default:
        return { ok: true };
    }
  }
}

/** The WebClient sends form-encoded arguments, with objects (blocks, views) as JSON strings. */
function decodeArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
